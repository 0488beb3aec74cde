import { LabelledNeed, Ranker } from './evaluation';
import { auc, evaluate } from './figures';

const need = (
  id: string,
  difficulty: LabelledNeed['difficulty'],
  expected: string[],
): LabelledNeed => ({ id, text: id, difficulty, expected });

const NEEDS = [
  need('first', 'shared-words', ['component:default/a']),
  need('third', 'jargon', ['component:default/c']),
  need('missing', 'jargon', ['component:default/z']),
  need('nothing', 'no-answer', []),
];

/** Suggests a, b, c… with falling scores; the no-answer need gets one weak suggestion. */
const ranker: Ranker = async ({ id }) =>
  id === 'nothing'
    ? [{ entityRef: 'component:default/a', score: 0.2 }]
    : ['a', 'b', 'c', 'd', 'e', 'f'].map((name, i) => ({
        entityRef: `component:default/${name}`,
        score: 0.9 - i * 0.2,
      }));

describe('evaluate', () => {
  it('measures recall, MRR and recall per difficulty over needs with an answer', async () => {
    const figures = await evaluate(NEEDS, ranker, 0.4);
    expect(figures.answerable).toBe(3);
    expect(figures.recallAt1).toBeCloseTo(1 / 3);
    expect(figures.recallAt5).toBeCloseTo(2 / 3);
    expect(figures.mrr).toBeCloseTo((1 + 1 / 3) / 3);
    expect(figures.byDifficulty).toEqual({
      'shared-words': { needs: 1, recallAt5: 1 },
      jargon: { needs: 2, recallAt5: 0.5 },
    });
  });

  it('tells how the floor separates needs with an answer from needs without', async () => {
    const figures = await evaluate(NEEDS, ranker, 0.6);
    expect(figures.noAnswerAuc).toBe(1);
    expect(figures.noAnswerBelowFloor).toBe(1);
    // 'third' has its answer at 0.5, under the floor of 0.6; 'first' at 0.9 keeps it.
    expect(figures.answersKeptAboveFloor).toBe(0.5);
  });
});

describe('auc', () => {
  it('is the chance a higher-side score beats a lower-side one, ties half', () => {
    expect(auc([0.9, 0.5], [0.4])).toBe(1);
    expect(auc([0.5], [0.5])).toBe(0.5);
    expect(auc([0.3, 0.9], [0.5, 0.1])).toBe(0.75);
    expect(auc([], [0.1])).toBe(0);
  });
});
