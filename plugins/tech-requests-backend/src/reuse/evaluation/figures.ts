import { Difficulty, DIFFICULTIES, LabelledNeed, Ranker } from './evaluation';

/** How a ranker did on a set of needs. Shares are 0–1. */
export interface Figures {
  /** Needs with an answer. */
  answerable: number;
  /** Needs whose first suggestion is an answer. */
  recallAt1: number;
  /** Needs with an answer among the first five suggestions. */
  recallAt5: number;
  /** Mean of 1 / the rank of the first answer (0 when none is suggested). */
  mrr: number;
  /** Recall at 5 of the needs of each difficulty, with how many there are. */
  byDifficulty: Partial<
    Record<Difficulty, { needs: number; recallAt5: number }>
  >;
  /**
   * How well the best score tells needs with an answer from needs without one: the chance
   * that an answerable need's best score beats a no-answer need's (ties count half).
   */
  noAnswerAuc: number;
  /** Needs without an answer whose best suggestion stays below the floor. */
  noAnswerBelowFloor: number;
  /** Needs with an answer in the first five whose answer there still clears the floor. */
  answersKeptAboveFloor: number;
}

/** Ranks every need once and measures the ranking; `floor` is the score suggestions must reach. */
export async function evaluate(
  needs: LabelledNeed[],
  rank: Ranker,
  floor: number,
): Promise<Figures> {
  const ranked = await Promise.all(
    needs.map(async need => {
      const suggestions = await rank(need);
      /** Where the first answer stands in the suggestions; -1 when none is suggested. */
      const at = suggestions.findIndex(s =>
        need.expected.includes(s.entityRef),
      );
      return { need, suggestions, at };
    }),
  );
  type Ranked = (typeof ranked)[number];
  const answerable = ranked.filter(({ need }) => need.expected.length);
  const noAnswer = ranked.filter(({ need }) => !need.expected.length);
  const share = (count: number, of: number) => (of ? count / of : 0);
  const answeredInTop5 = ({ at }: Ranked) => at >= 0 && at < 5;

  const inTop5 = answerable.filter(answeredInTop5);
  const kept = inTop5.filter(
    ({ suggestions, at }) => suggestions[at].score >= floor,
  );
  const topScore = ({ suggestions }: Ranked) => suggestions[0]?.score ?? 0;

  const byDifficulty: Figures['byDifficulty'] = {};
  for (const difficulty of DIFFICULTIES.filter(d => d !== 'no-answer')) {
    const ofDifficulty = answerable.filter(
      ({ need }) => need.difficulty === difficulty,
    );
    if (ofDifficulty.length) {
      byDifficulty[difficulty] = {
        needs: ofDifficulty.length,
        recallAt5: share(
          ofDifficulty.filter(answeredInTop5).length,
          ofDifficulty.length,
        ),
      };
    }
  }

  return {
    answerable: answerable.length,
    recallAt1: share(
      answerable.filter(({ at }) => at === 0).length,
      answerable.length,
    ),
    recallAt5: share(inTop5.length, answerable.length),
    mrr: share(
      answerable.reduce((sum, { at }) => sum + (at >= 0 ? 1 / (at + 1) : 0), 0),
      answerable.length,
    ),
    byDifficulty,
    noAnswerAuc: auc(answerable.map(topScore), noAnswer.map(topScore)),
    noAnswerBelowFloor: share(
      noAnswer.filter(entry => topScore(entry) < floor).length,
      noAnswer.length,
    ),
    answersKeptAboveFloor: share(kept.length, inTop5.length),
  };
}

/** The chance that a score of `higher` beats one of `lower`, ties counting half. */
export function auc(higher: number[], lower: number[]): number {
  if (!higher.length || !lower.length) {
    return 0;
  }
  let wins = 0;
  for (const h of higher) {
    for (const l of lower) {
      if (h > l) {
        wins += 1;
      } else if (h === l) {
        wins += 0.5;
      }
    }
  }
  return wins / (higher.length * lower.length);
}
