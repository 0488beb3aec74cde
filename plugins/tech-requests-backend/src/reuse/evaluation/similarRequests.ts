import { SIMILAR_REQUESTS_LIMIT } from '../ReuseEngine';
import { ReuseIndex } from '../ReuseIndex';
import { WordNetThesaurus } from '../Thesaurus';
import { Vocabulary } from '../Vocabulary';
import { LabelledNeed } from './evaluation';

/** How the needs of a set list each other as similar requests, at one bar. */
export interface SimilarRequestFigures {
  minimumScore: number;
  /** Similar requests listed per need, on average. */
  listedPerNeed: number;
  /** Needs that list at least one similar request. */
  needsListingAny: number;
  /** Of the pairs listed, those a reviewer would point to the same entity; NaN if none. */
  precision: number;
}

/**
 * Files every need of a set as a request and asks, for each, which others are similar, as the
 * engine does for requests on record. The needs were written to be distinct: two count as
 * duplicates only when a reviewer would point both to the same entity, and every other pair
 * listed is a false duplicate. Shares are 0–1.
 */
export async function similarRequestFigures(
  needs: LabelledNeed[],
  minimumScores: number[],
): Promise<SimilarRequestFigures[]> {
  const index = await ReuseIndex.build(
    needs,
    need => ({
      fields: { description: need.text },
      capabilities: need.capabilities,
    }),
    {
      vocabulary: Vocabulary.withDefaults(),
      thesaurus: WordNetThesaurus.load(),
    },
  );
  const lowest = Math.min(...minimumScores);
  const listed = needs.map(need =>
    index
      .search(need, {
        minimumRelevance: lowest,
        limit: SIMILAR_REQUESTS_LIMIT + 1,
      })
      .filter(match => match.item !== need)
      .map(match => ({
        score: match.relevance,
        duplicate: need.expected.some(ref => match.item.expected.includes(ref)),
      })),
  );
  return minimumScores.map(minimumScore => {
    const shown = listed.map(pairs =>
      pairs
        .filter(pair => pair.score >= minimumScore)
        .slice(0, SIMILAR_REQUESTS_LIMIT),
    );
    const pairs = shown.flat();
    return {
      minimumScore,
      listedPerNeed: pairs.length / needs.length,
      needsListingAny: shown.filter(list => list.length).length / needs.length,
      precision: pairs.filter(pair => pair.duplicate).length / pairs.length,
    };
  });
}
