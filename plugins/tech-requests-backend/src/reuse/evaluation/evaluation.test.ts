import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import { DEFAULT_MINIMUM_SCORE } from '../ReuseEngine';
import {
  bm25Ranker,
  engineRanker,
  EvaluationSetName,
  EVALUATION_SETS,
  loadEvaluationSet,
} from './evaluation';
import { evaluate } from './figures';

/*
 * Holds the engine, by words and capabilities, to the development set's figures of
 * `npm run eval:reuse` (see the README): a change that makes suggestions worse there fails
 * here. The held-out set is only checked for shape: its figures are read in the evaluation's
 * print-out, never tuned against.
 */
describe('the evaluation sets', () => {
  it('keeps the held-out set as it was frozen', () => {
    const directory = resolvePackagePath(
      '@tech-requests/plugin-tech-requests-backend',
      EVALUATION_SETS['held-out'],
    );
    const frozen = fs
      .readFileSync(path.join(directory, 'FROZEN.sha256'), 'utf8')
      .trim()
      .split('\n')
      .map(line => line.split(/\s+/));
    expect(frozen.map(([, file]) => file)).toEqual([
      'catalog.yaml',
      'needs.yaml',
    ]);
    for (const [hash, file] of frozen) {
      const content = fs.readFileSync(path.join(directory, file));
      expect(createHash('sha256').update(content).digest('hex')).toBe(hash);
    }
  });

  it.each<[EvaluationSetName, number, number]>([
    ['development', 150, 80],
    ['development-manufacturing', 150, 80],
    ['held-out', 150, 50],
  ])('%s is a set worth measuring on', (name, entities, needs) => {
    const set = loadEvaluationSet(name);
    expect(set.entities.length).toBeGreaterThanOrEqual(entities);
    expect(set.needs.length).toBeGreaterThanOrEqual(needs);
    const noAnswer = set.needs.filter(need => need.difficulty === 'no-answer');
    expect(noAnswer.length).toBeGreaterThanOrEqual(8);
  });
});

describe('reuse engine on the development set', () => {
  const set = loadEvaluationSet('development');

  it('finds what reviewers would point to, far better than plain BM25', async () => {
    const engine = await evaluate(
      set.needs,
      await engineRanker(set),
      DEFAULT_MINIMUM_SCORE,
    );
    const baseline = await evaluate(
      set.needs,
      bm25Ranker(set),
      DEFAULT_MINIMUM_SCORE,
    );
    expect(engine.recallAt5).toBeGreaterThanOrEqual(0.9);
    expect(engine.recallAt1).toBeGreaterThanOrEqual(0.55);
    expect(engine.mrr).toBeGreaterThanOrEqual(0.7);
    expect(engine.recallAt5).toBeGreaterThan(baseline.recallAt5 + 0.3);
    expect(engine.mrr).toBeGreaterThan(baseline.mrr + 0.3);
  });

  it('keeps quiet on most needs the catalog cannot serve', async () => {
    const figures = await evaluate(
      set.needs,
      await engineRanker(set),
      DEFAULT_MINIMUM_SCORE,
    );
    expect(figures.answersKeptAboveFloor).toBeGreaterThanOrEqual(0.8);
    expect(figures.noAnswerBelowFloor).toBeGreaterThanOrEqual(0.5);
  });
});
