/*
 * Measures the reuse engine on the labelled evaluation set (src/reuse/evaluation) and, in the
 * same run, plain BM25 over the same fields: recall@1, recall@5, MRR, and how well the
 * minimum score separates needs the catalog answers from those it does not.
 *
 *   npm run eval:reuse
 */
import {
  bm25Ranker,
  engineRanker,
  Figures,
  loadEvaluationSet,
  measure,
  thresholdFigures,
} from '../src/reuse/evaluation/evaluation';
import { DEFAULT_MINIMUM_SCORE } from '../src/reuse/ReuseEngine';

function row(name: string, figures: Figures) {
  const cell = (value: number) => value.toFixed(3).padStart(9);
  return `${name.padEnd(22)}${cell(figures.recallAt1)}${cell(figures.recallAt5)}${cell(figures.mrr)}`;
}

async function main() {
  const set = loadEvaluationSet();
  const engine = await engineRanker(set);
  const baseline = bm25Ranker(set);
  const engineFigures = measure(set.needs, engine);
  const baselineFigures = measure(set.needs, baseline);
  const kinds = new Set(set.entities.map(entity => entity.kind));
  process.stdout.write(
    `Evaluation set: ${set.entities.length} entities (${[...kinds].join(', ')}), ` +
      `${set.needs.length} needs, ${engineFigures.answerable} with an answer\n\n` +
      `${''.padEnd(22)}${'recall@1'.padStart(9)}${'recall@5'.padStart(9)}${'MRR'.padStart(9)}\n` +
      `${row('reuse engine', engineFigures)}\n` +
      `${row('BM25 baseline', baselineFigures)}\n\n`,
  );
  const threshold = thresholdFigures(set.needs, engine, DEFAULT_MINIMUM_SCORE);
  process.stdout.write(
    `Minimum score ${DEFAULT_MINIMUM_SCORE}: best suggestion at or above it for ` +
      `${(threshold.answeredAboveThreshold * 100).toFixed(0)}% of answerable needs; ` +
      `below it for ${(threshold.unanswerableBelowThreshold * 100).toFixed(0)}% of the ` +
      `${threshold.unanswerable} needs with no answer\n`,
  );
  if (process.argv.includes('--misses')) {
    for (const need of set.needs) {
      const { refs, topScore } = engine(need);
      const rank = refs.findIndex(ref => need.expected.includes(ref));
      if (
        need.expected.length ? rank !== 0 : topScore >= DEFAULT_MINIMUM_SCORE
      ) {
        process.stdout.write(
          `\n${need.id} (rank ${rank + 1 || '-'}, top ${topScore}): ${need.text}\n  expected ${need.expected.join(', ') || 'nothing'}\n  got ${refs.slice(0, 3).join(', ')}\n`,
        );
      }
    }
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
