import { stem, tokenize } from './text';
import { Thesaurus } from './Thesaurus';

/** Related words looked up per query word; WordNet's first senses rarely have more worth having. */
const RELATED_WORDS_PER_WORD = 8;
/** Query words considered: enough for a long description, bounded for a pasted document. */
const MAX_QUERY_WORDS = 300;

/** One word of a query, how much it tells, and the related words an index holds for it. */
export interface QueryConcept {
  word: string;
  stem: string;
  weight: number;
  related: { word: string; stem: string }[];
}

/** What the concepts of a query are read against: the index they are looked up in. */
export interface ConceptContext {
  thesaurus: Thesaurus;
  /** Whether any item holds a stem: related words nobody uses are not worth a lookup. */
  indexed: (wordStem: string) => boolean;
  /** How telling a stem is in the index. */
  weightOf: (wordStem: string) => number;
}

/** The distinct words of a query, by stem, in the order they come, each with its related words. */
export function queryConcepts(
  text: string,
  context: ConceptContext,
): QueryConcept[] {
  const concepts = new Map<string, QueryConcept>();
  for (const word of tokenize(text)) {
    if (concepts.size >= MAX_QUERY_WORDS) {
      break;
    }
    const wordStem = stem(word);
    if (!concepts.has(wordStem)) {
      concepts.set(wordStem, {
        word,
        stem: wordStem,
        weight: context.weightOf(wordStem),
        related: relatedWords(word, wordStem, context),
      });
    }
  }
  return [...concepts.values()];
}

/**
 * Whether the relation holds both ways: "book" (reserve) leads to "hold", but "hold" in its
 * common senses (keep, grasp) does not lead back to "book", so a catalog that "holds customer
 * data" is no place to book an appointment. One-way pairs join words through a sense only one
 * of them commonly has.
 */
function relatesBack(
  relatedWord: string,
  wordStem: string,
  thesaurus: Thesaurus,
): boolean {
  return thesaurus.related(relatedWord).some(back => stem(back) === wordStem);
}

function relatedWords(
  word: string,
  wordStem: string,
  context: ConceptContext,
): QueryConcept['related'] {
  const related = new Map<string, string>();
  for (const relatedWord of context.thesaurus.related(word)) {
    const relatedStem = stem(relatedWord);
    if (
      relatedStem !== wordStem &&
      context.indexed(relatedStem) &&
      !related.has(relatedStem) &&
      relatesBack(relatedWord, wordStem, context.thesaurus)
    ) {
      related.set(relatedStem, relatedWord);
    }
    if (related.size >= RELATED_WORDS_PER_WORD) {
      break;
    }
  }
  return [...related].map(([s, w]) => ({ stem: s, word: w }));
}
