import { DEFAULT_MINIMUM_SCORE } from '../ReuseEngine';
import {
  bm25Ranker,
  engineRanker,
  loadEvaluationSet,
  measure,
  thresholdFigures,
} from './evaluation';

/*
 * Holds the engine to the figures of `npm run eval:reuse` (see the README): a change that
 * makes suggestions worse on the labelled set fails here.
 */
describe('reuse engine on the evaluation set', () => {
  const set = loadEvaluationSet();

  it('is a set worth measuring on', () => {
    expect(set.entities.length).toBeGreaterThanOrEqual(150);
    expect(set.needs.length).toBeGreaterThanOrEqual(40);
    expect(
      set.needs.filter(need => !need.expected.length).length,
    ).toBeGreaterThan(5);
  });

  it('finds what reviewers would point to, far better than plain BM25', async () => {
    const engine = await measure(set.needs, await engineRanker(set));
    const baseline = await measure(set.needs, bm25Ranker(set));
    expect(engine.recallAt5).toBeGreaterThanOrEqual(0.9);
    expect(engine.recallAt1).toBeGreaterThanOrEqual(0.55);
    expect(engine.mrr).toBeGreaterThanOrEqual(0.7);
    expect(engine.recallAt5).toBeGreaterThan(baseline.recallAt5 + 0.3);
    expect(engine.mrr).toBeGreaterThan(baseline.mrr + 0.3);
  });

  it('keeps quiet on most needs the catalog cannot serve', async () => {
    const figures = await thresholdFigures(
      set.needs,
      await engineRanker(set),
      DEFAULT_MINIMUM_SCORE,
    );
    expect(figures.answeredAboveThreshold).toBeGreaterThanOrEqual(0.85);
    expect(figures.unanswerableBelowThreshold).toBeGreaterThanOrEqual(0.5);
  });
});
