/*
 * Measures the reuse engine on the labelled evaluation set (src/reuse/evaluation) and, in the
 * same run, plain BM25 over the same fields: recall@1, recall@5, MRR, and how well the
 * minimum score separates needs the catalog answers from those it does not.
 *
 *   npm run eval:reuse
 *   npm run eval:reuse -- --misses                 # also list the needs it gets wrong
 *   npm run eval:reuse -- --embeddings ./provider.js
 *
 * `--embeddings` loads a module whose default export (or `provider` export) is a
 * ReuseEmbeddingProvider, or a function that resolves to one, and adds the engine with that
 * provider to the comparison.
 */
import path from 'path';
import { ReuseEmbeddingProvider } from '@tech-requests/plugin-tech-requests-node';
import { MemoryVectorStore } from '../src/database/EmbeddingStore';
import {
  bm25Ranker,
  engineRanker,
  EvaluationSet,
  Figures,
  loadEvaluationSet,
  measure,
  Ranker,
  thresholdFigures,
} from '../src/reuse/evaluation/evaluation';
import { DEFAULT_MINIMUM_SCORE } from '../src/reuse/ReuseEngine';
import { SemanticMatcher } from '../src/reuse/SemanticMatcher';

function row(name: string, figures: Figures) {
  const cell = (value: number) => value.toFixed(3).padStart(9);
  return `${name.padEnd(28)}${cell(figures.recallAt1)}${cell(figures.recallAt5)}${cell(figures.mrr)}\n`;
}

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

async function thresholdLine(set: EvaluationSet, rank: Ranker) {
  const figures = await thresholdFigures(
    set.needs,
    rank,
    DEFAULT_MINIMUM_SCORE,
  );
  return (
    `Minimum score ${DEFAULT_MINIMUM_SCORE}: best suggestion at or above it for ` +
    `${(figures.answeredAboveThreshold * 100).toFixed(0)}% of answerable needs; ` +
    `below it for ${(figures.unanswerableBelowThreshold * 100).toFixed(0)}% of the ` +
    `${figures.unanswerable} needs with no answer\n`
  );
}

async function printMisses(set: EvaluationSet, rank: Ranker) {
  for (const need of set.needs) {
    const { refs, topScore } = await rank(need);
    const at = refs.findIndex(ref => need.expected.includes(ref));
    const missed = need.expected.length
      ? at !== 0
      : topScore >= DEFAULT_MINIMUM_SCORE;
    if (missed) {
      process.stdout.write(
        `\n${need.id} (rank ${at + 1 || '-'}, top ${topScore}): ${need.text}\n` +
          `  expected ${need.expected.join(', ') || 'nothing'}\n` +
          `  got ${refs.slice(0, 3).join(', ')}\n`,
      );
    }
  }
}

async function main() {
  const set = loadEvaluationSet();
  const engine = await engineRanker(set);
  const engineFigures = await measure(set.needs, engine);
  const kinds = new Set(set.entities.map(entity => entity.kind));
  const baseline = await measure(set.needs, bm25Ranker(set));
  process.stdout.write(
    `Evaluation set: ${set.entities.length} entities (${[...kinds].join(', ')}), ` +
      `${set.needs.length} needs, ${engineFigures.answerable} with an answer\n\n` +
      `${''.padEnd(28)}${'recall@1'.padStart(9)}${'recall@5'.padStart(9)}${'MRR'.padStart(9)}\n` +
      `${row('reuse engine', engineFigures)}${row('BM25 baseline', baseline)}`,
  );
  const file = option('--embeddings');
  let semanticRanker: Ranker | undefined;
  if (file) {
    const provider = await loadProvider(file);
    const started = Date.now();
    semanticRanker = await engineRanker(set, {
      semantic: new SemanticMatcher(provider, new MemoryVectorStore()),
    });
    const figures = await measure(set.needs, semanticRanker);
    process.stdout.write(
      `${row(`engine + ${provider.id}`, figures)}` +
        `(embedding the set and its needs took ${Date.now() - started} ms)\n`,
    );
  }
  process.stdout.write(`\n${await thresholdLine(set, engine)}`);
  if (semanticRanker) {
    process.stdout.write(
      `with embeddings: ${await thresholdLine(set, semanticRanker)}`,
    );
  }
  if (process.argv.includes('--misses')) {
    await printMisses(set, semanticRanker ?? engine);
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
