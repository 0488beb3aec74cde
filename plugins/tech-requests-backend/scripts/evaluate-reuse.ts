/*
 * Measures reuse suggestions on the labelled sets of src/reuse/evaluation, side by side
 * with plain BM25 over the same fields: the development sets, studied while tuning, and the
 * held-out set, written apart from the engine and never studied. For each: recall@1, recall@5,
 * MRR, recall@5 per difficulty, and how well the minimum score tells needs with an answer from
 * needs without one. Then, with every need filed as a request, how many "similar requests"
 * each lists at a few bars, and how many of those a reviewer would point to the same entity.
 *
 *   npm run eval:reuse
 *   npm run eval:reuse -- --misses                  # also list the development sets' misses
 *   npm run eval:reuse -- --sets development        # only the sets named (comma-separated)
 *   npm run eval:reuse -- --embeddings ./provider.js
 *
 * The engine is measured by words and capabilities only, and with the sentence encoder
 * (the backend module the example installs). `--embeddings` loads a module whose default
 * export (or `provider` export) is a ReuseEmbeddingProvider, or a function that resolves to
 * one, and measures the engine with it instead. Misses are listed for the development sets
 * only: the held-out set's figures stay honest only while nobody tunes by its misses.
 */
import path from 'path';
import { SentenceEncoderProvider } from '@tech-requests/plugin-tech-requests-backend-module-sentence-encoder';
import { ReuseEmbeddingProvider } from '@tech-requests/plugin-tech-requests-node';
import { MemoryVectorStore } from '../src/database/EmbeddingStore';
import {
  bm25Ranker,
  DIFFICULTIES,
  engineRanker,
  EvaluationSet,
  EvaluationSetName,
  EVALUATION_SETS,
  loadEvaluationSet,
  Ranker,
} from '../src/reuse/evaluation/evaluation';
import { evaluate, Figures } from '../src/reuse/evaluation/figures';
import {
  DEFAULT_MINIMUM_SCORE,
  DEFAULT_SIMILAR_REQUEST_MINIMUM_SCORE,
} from '../src/reuse/ReuseEngine';
import { similarRequestFigures } from '../src/reuse/evaluation/similarRequests';
import { SemanticMatcher } from '../src/reuse/SemanticMatcher';

const ANSWERED = DIFFICULTIES.filter(difficulty => difficulty !== 'no-answer');
const COLUMNS = [
  'R@1',
  'R@5',
  'MRR',
  ...ANSWERED.map(difficulty => `R@5 ${difficulty}`),
  'no-answer AUC',
  'no-answer < floor',
  'kept ≥ floor',
];
const NAME_WIDTH = 46;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function loadProvider(file: string): Promise<ReuseEmbeddingProvider> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path.resolve(process.env.INIT_CWD ?? '.', file));
  const exported = loaded.default ?? loaded.provider ?? loaded;
  return typeof exported === 'function' ? exported() : exported;
}

function header(): string {
  return `${''.padEnd(NAME_WIDTH)}${COLUMNS.map(column =>
    column.padStart(Math.max(7, column.length + 2)),
  ).join('')}\n`;
}

/** One ranker's figures; floor figures only where scores are on the engine's 0–1 scale. */
function row(name: string, figures: Figures, withFloor: boolean): string {
  const cells = [
    figures.recallAt1,
    figures.recallAt5,
    figures.mrr,
    ...ANSWERED.map(
      difficulty => figures.byDifficulty[difficulty]?.recallAt5 ?? NaN,
    ),
    figures.noAnswerAuc,
    withFloor ? figures.noAnswerBelowFloor : NaN,
    withFloor ? figures.answersKeptAboveFloor : NaN,
  ];
  return `${name.padEnd(NAME_WIDTH)}${cells
    .map((value, i) =>
      (Number.isNaN(value) ? '—' : value.toFixed(2)).padStart(
        Math.max(7, COLUMNS[i].length + 2),
      ),
    )
    .join('')}\n`;
}

function describeSet(name: EvaluationSetName, set: EvaluationSet): string {
  const count = (difficulty: string) =>
    set.needs.filter(need => need.difficulty === difficulty).length;
  return (
    `${name} set: ${set.entities.length} entities, ${set.needs.length} needs ` +
    `(${DIFFICULTIES.map(d => `${count(d)} ${d}`).join(', ')})\n`
  );
}

async function printMisses(set: EvaluationSet, rank: Ranker) {
  process.stdout.write('\nMisses (first answer not first):\n');
  for (const need of set.needs) {
    const suggestions = await rank(need);
    const at = suggestions.findIndex(s => need.expected.includes(s.entityRef));
    const top = suggestions[0]?.score ?? 0;
    const missed = need.expected.length
      ? at !== 0
      : top >= DEFAULT_MINIMUM_SCORE;
    if (missed) {
      process.stdout.write(
        `\n${need.id} [${need.difficulty}] (rank ${at + 1 || '-'}, top ${top}): ${need.text}\n` +
          `  expected ${need.expected.join(', ') || 'nothing'}\n` +
          `  got ${suggestions
            .slice(0, 3)
            .map(s => s.entityRef)
            .join(', ')}\n`,
      );
    }
  }
}

/** The similar-request bars shown next to the default. */
const SIMILAR_REQUEST_BARS = [0.3, 0.4, 0.6];

async function printSimilarRequests(set: EvaluationSet) {
  const bars = [...SIMILAR_REQUEST_BARS, DEFAULT_SIMILAR_REQUEST_MINIMUM_SCORE]
    .filter((bar, i, all) => all.indexOf(bar) === i)
    .sort();
  process.stdout.write(
    'similar requests (each need filed as a request; the needs were written to be distinct):\n',
  );
  for (const figures of await similarRequestFigures(set.needs, bars)) {
    const isDefault =
      figures.minimumScore === DEFAULT_SIMILAR_REQUEST_MINIMUM_SCORE;
    process.stdout.write(
      `  score ≥ ${figures.minimumScore.toFixed(2)}${isDefault ? ' (default)' : '          '}: ` +
        `${figures.listedPerNeed.toFixed(2)} listed per need, ` +
        `${figures.needsListingAny.toFixed(2)} of needs list any, ` +
        `${Number.isNaN(figures.precision) ? '—' : figures.precision.toFixed(2)} of those listed share an answer\n`,
    );
  }
}

async function main() {
  const file = option('--embeddings');
  const provider = file
    ? await loadProvider(file)
    : new SentenceEncoderProvider();
  const floor = DEFAULT_MINIMUM_SCORE;
  process.stdout.write(
    `Floor (minimum score shown): ${floor}. R@k: recall at k; MRR: mean reciprocal rank; ` +
      `AUC: how well the best score tells needs with an answer from needs without one.\n`,
  );
  const chosen = option('--sets')?.split(',');
  // One store for every set: the vocabulary's phrases are embedded once.
  const store = new MemoryVectorStore();
  let first: EvaluationSet | undefined;
  for (const name of Object.keys(EVALUATION_SETS) as EvaluationSetName[]) {
    if (chosen && !chosen.includes(name)) {
      continue;
    }
    const set = loadEvaluationSet(name);
    first ??= set;
    const started = Date.now();
    const semantic = await engineRanker(set, {
      semantic: new SemanticMatcher(provider, store),
    });
    const embeddedIn = Date.now() - started;
    const rankers: [string, Ranker, boolean][] = [
      ['BM25 baseline', bm25Ranker(set), false],
      ['engine, words only', await engineRanker(set), true],
      [`engine + ${provider.id}`.slice(0, NAME_WIDTH - 1), semantic, true],
    ];
    process.stdout.write(`\n${describeSet(name, set)}${header()}`);
    for (const [label, rank, withFloor] of rankers) {
      process.stdout.write(
        row(label, await evaluate(set.needs, rank, floor), withFloor),
      );
    }
    process.stdout.write(
      `(embedding the ${set.entities.length} entities took ${embeddedIn} ms` +
        `${set === first ? ", with the vocabulary's phrases" : ''})\n`,
    );
    await printSimilarRequests(set);
    if (name !== 'held-out' && process.argv.includes('--misses')) {
      await printMisses(set, semantic);
    }
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
