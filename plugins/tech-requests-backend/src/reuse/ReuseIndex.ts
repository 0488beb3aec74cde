import { QueryConcept, queryConcepts } from './queryConcepts';
import { isTelling, stem, words } from './text';
import { Thesaurus } from './Thesaurus';
import { CapabilityMatch, Vocabulary, vocabularyStemsOf } from './Vocabulary';
import {
  FIELD_STRENGTHS,
  IndexField,
  IndexEntry,
  IndexQuery,
  IndexMatch,
  SearchOptions,
  RelevanceWeights,
  DEFAULT_WEIGHTS,
  CapabilityByMeaning,
} from './indexTypes';

export * from './indexTypes';

/** How long an index build runs before letting requests in. */
const BUILD_SLICE_MS = 10;

interface Postings {
  items: number[];
  strengths: number[];
}

/**
 * An in-memory index of items (catalog entities, or requests) that scores how well each
 * answers a need, on an absolute 0–1 scale:
 *
 * - words: the share of the query's telling words (weighted by rarity, idf) found in the
 *   item, by stem, or through a thesaurus at a discount; the strongest field counts;
 * - capabilities: whether the item provides a capability the query speaks of, found through
 *   the vocabulary on both sides, so that "sign contracts online" meets "DocuSign".
 *
 * The two combine as independent evidence (noisy-or), so either alone can make a good match
 * and both make a strong one. Because every part is a share of what the query asked, a query
 * nothing answers scores low: scores can be compared with a fixed threshold.
 */
export class ReuseIndex<T> {
  private readonly items: T[] = [];
  private readonly postings = new Map<string, Postings>();
  private scratchArrays?: {
    wordWeight: Float64Array;
    capabilityWeight: Float64Array;
    capabilityByMeaning: Float64Array;
    reached: Uint8Array;
    best: Float64Array;
  };
  private readonly capabilityPostings = new Map<
    string,
    { items: number[]; evidence: string[]; strengths: number[] }
  >();

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly thesaurus: Thesaurus,
    private readonly weights: RelevanceWeights = DEFAULT_WEIGHTS,
  ) {}

  /**
   * Builds an index. It hands the event loop back every few milliseconds, so requests are
   * served while a large catalog is indexed.
   */
  static async build<T>(
    items: Iterable<T>,
    describe: (item: T) => IndexEntry,
    options: {
      vocabulary: Vocabulary;
      thesaurus: Thesaurus;
      weights?: RelevanceWeights;
    },
  ): Promise<ReuseIndex<T>> {
    const index = new ReuseIndex<T>(
      options.vocabulary,
      options.thesaurus,
      options.weights,
    );
    let sliceStart = performance.now();
    for (const item of items) {
      index.add(item, describe(item));
      if (performance.now() - sliceStart > BUILD_SLICE_MS) {
        await new Promise(resolve => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    return index;
  }

  get size(): number {
    return this.items.length;
  }

  private add(item: T, entry: IndexEntry) {
    const position = this.items.length;
    this.items.push(item);
    const strongest = new Map<string, number>();
    const capabilities = new Map<
      string,
      { evidence: string; strength: number }
    >();
    const offerCapability = (match: CapabilityMatch, fieldStrength: number) => {
      const strength = match.strength * fieldStrength;
      const known = capabilities.get(match.capability.id);
      if (!known || known.strength < strength) {
        capabilities.set(match.capability.id, {
          evidence: match.evidence,
          strength,
        });
      }
    };
    for (const [field, text] of Object.entries(entry.fields)) {
      if (!text) {
        continue;
      }
      const strength = FIELD_STRENGTHS[field as IndexField];
      const written = words(text);
      const stems = written.map(stem);
      written.forEach((word, i) => {
        if (isTelling(word)) {
          strongest.set(
            stems[i],
            Math.max(strongest.get(stems[i]) ?? 0, strength),
          );
        }
      });
      for (const match of this.vocabulary.findInStems(
        vocabularyStemsOf(written, stems),
      )) {
        // A catalog type names a form ("service", "website"), not what the entity does: only
        // a product name or a phrase there tells a capability.
        if (field !== 'type' || match.strength === 1) {
          offerCapability(match, strength);
        }
      }
    }
    for (const match of this.vocabulary.resolve(entry.capabilities ?? [])) {
      offerCapability(match, 1);
    }
    for (const [itemStem, strength] of strongest) {
      const list = this.postings.get(itemStem) ?? { items: [], strengths: [] };
      list.items.push(position);
      list.strengths.push(strength);
      this.postings.set(itemStem, list);
    }
    for (const [id, { evidence, strength }] of capabilities) {
      const list = this.capabilityPostings.get(id) ?? {
        items: [],
        evidence: [],
        strengths: [],
      };
      list.items.push(position);
      list.evidence.push(evidence);
      list.strengths.push(strength);
      this.capabilityPostings.set(id, list);
    }
  }

  /** How telling a stem is: rare stems tell more. Unknown stems weigh most. */
  private idf(documentFrequency: number): number {
    const n = this.items.length;
    return Math.log(
      1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5),
    );
  }

  /** The capabilities a query speaks of. */
  queryCapabilities(query: IndexQuery): CapabilityMatch[] {
    const found = new Map<string, CapabilityMatch>();
    for (const match of [
      ...this.vocabulary.resolve(query.capabilities ?? []),
      ...this.vocabulary.find(query.text),
    ]) {
      if (!found.has(match.capability.id)) {
        found.set(match.capability.id, match);
      }
    }
    return [...found.values()];
  }

  /**
   * Items that match the query, best first. Scoring runs over flat arrays; the explanation
   * of a match (which words and capabilities) is only worked out for the matches returned.
   */
  search(query: IndexQuery, options: SearchOptions<T> = {}): IndexMatch<T>[] {
    const { wordWeight, capabilityWeight, capabilityByMeaning, reached } =
      this.scratch();
    const candidates: number[] = [];
    try {
      return this.score(query, options, candidates);
    } finally {
      // Left as found for the next query: only what this one touched.
      for (const item of candidates) {
        wordWeight[item] = 0;
        capabilityWeight[item] = 0;
        capabilityByMeaning[item] = 0;
        reached[item] = 0;
      }
    }
  }

  /**
   * Per-item arrays shared by every query: allocating them per query at 50 000 items would
   * cost more than the scoring. Queries run synchronously, so they never overlap.
   */
  private scratch() {
    if (this.scratchArrays?.reached.length !== this.items.length) {
      const count = this.items.length;
      this.scratchArrays = {
        wordWeight: new Float64Array(count),
        capabilityWeight: new Float64Array(count),
        capabilityByMeaning: new Float64Array(count),
        reached: new Uint8Array(count),
        best: new Float64Array(count),
      };
    }
    return this.scratchArrays;
  }

  private score(
    query: IndexQuery,
    options: SearchOptions<T>,
    candidates: number[],
  ): IndexMatch<T>[] {
    const concepts = queryConcepts(query.text, {
      thesaurus: this.thesaurus,
      indexed: wordStem => this.postings.has(wordStem),
      weightOf: wordStem =>
        this.idf(this.postings.get(wordStem)?.items.length ?? 0),
    });
    const queryCapabilities = this.queryCapabilities(query);
    const { wordWeight, capabilityWeight, capabilityByMeaning, reached, best } =
      this.scratch();
    const reach = (item: number) => {
      if (!reached[item]) {
        reached[item] = 1;
        candidates.push(item);
      }
    };

    // Per item, the best way a concept is found: itself, or a related word at a discount.
    for (const concept of concepts) {
      const found: number[] = [];
      this.forEachWay(concept, (item, gain) => {
        if (!best[item]) {
          found.push(item);
        }
        best[item] = Math.max(best[item], gain);
      });
      for (const item of found) {
        wordWeight[item] += best[item] * concept.weight;
        best[item] = 0;
        reach(item);
      }
    }

    // A capability weighs by how rare it is in the index; it counts as far as both the query
    // and the item are sure of it, so a capability read from one ambiguous word counts less.
    let fullCapabilityWeight = 0;
    for (const match of queryCapabilities) {
      const postings = this.capabilityPostings.get(match.capability.id);
      const weight = this.idf(postings?.items.length ?? 0);
      fullCapabilityWeight += weight;
      postings?.items.forEach((item, i) => {
        capabilityWeight[item] +=
          weight * match.strength * postings.strengths[i];
        reach(item);
      });
    }

    const minimum = options.minimumRelevance ?? 0;
    const semantic = options.semantic;
    // Closeness alone reaches an item only when it could lift it to the minimum by itself;
    // items found otherwise have their closeness counted anyway. At 50 000 entities most are
    // faintly close to any need, and scoring them all would cost more than the rest.
    if (semantic) {
      const { evidence, weight } = semantic;
      for (let item = 0; item < evidence.length; item++) {
        if (evidence[item] > 0 && weight * evidence[item] >= minimum) {
          reach(item);
        }
      }
    }
    // A capability the need is close to in meaning: the closer, and the surer the item is of
    // it, the more it counts; the best such capability of an item counts.
    for (const close of semantic?.capabilities ?? []) {
      const postings = this.capabilityPostings.get(close.capability.id);
      postings?.items.forEach((item, i) => {
        capabilityByMeaning[item] = Math.max(
          capabilityByMeaning[item],
          close.closeness * postings.strengths[i],
        );
        reach(item);
      });
    }

    const fullWordWeight = concepts
      .map(concept => concept.weight)
      .sort((x, y) => y - x)
      .slice(0, this.weights.wordsForFullMatch)
      .reduce((sum, weight) => sum + weight, 0);
    const relevanceOf = (item: number) => {
      const wordShare = fullWordWeight
        ? Math.min(1, wordWeight[item] / fullWordWeight)
        : 0;
      const capabilityShare = fullCapabilityWeight
        ? capabilityWeight[item] / fullCapabilityWeight
        : 0;
      const meaning = semantic ? semantic.weight * semantic.evidence[item] : 0;
      return (
        1 -
        (1 - this.weights.capabilityCeiling * capabilityShare) *
          (1 - this.weights.wordCeiling * wordShare) *
          (1 - meaning) *
          (1 -
            this.weights.capabilityByMeaningCeiling * capabilityByMeaning[item])
      );
    };

    // Most candidates share one common word and fall below the minimum: they are dropped
    // before any object is made for them.
    const priority =
      options.priority ?? ((_item: T, relevance: number) => relevance);
    const kept: { item: number; relevance: number; priority: number }[] = [];
    for (const item of candidates) {
      const relevance = relevanceOf(item);
      if (relevance > 0 && relevance >= minimum) {
        kept.push({
          item,
          relevance,
          priority: priority(this.items[item], relevance),
        });
      }
    }
    kept.sort((x, y) => y.priority - x.priority);
    kept.length = Math.min(kept.length, options.limit ?? kept.length);
    const matches = this.explain(
      kept,
      concepts,
      queryCapabilities,
      semantic?.capabilities ?? [],
    );
    if (semantic) {
      kept.forEach(({ item }, i) => {
        matches[i].semantic = semantic.evidence[item];
      });
    }
    return matches;
  }

  /** Calls `visit` for every item holding the concept, directly or through a related word. */
  private forEachWay(
    concept: QueryConcept,
    visit: (item: number, gain: number, via?: string) => void,
  ) {
    const walk = (
      postings: Postings | undefined,
      factor: number,
      via?: string,
    ) => {
      if (!postings) {
        return;
      }
      const { items, strengths } = postings;
      for (let i = 0; i < items.length; i++) {
        visit(items[i], strengths[i] * factor, via);
      }
    };
    walk(this.postings.get(concept.stem), 1);
    for (const related of concept.related) {
      walk(
        this.postings.get(related.stem),
        this.weights.relatedWord,
        related.word,
      );
    }
  }

  /** The matches with the words and capabilities that made them, in the given order. */
  private explain(
    kept: { item: number; relevance: number }[],
    concepts: QueryConcept[],
    queryCapabilities: CapabilityMatch[],
    capabilitiesByMeaning: CapabilityByMeaning[],
  ): IndexMatch<T>[] {
    const matches = new Map<number, IndexMatch<T>>(
      kept.map(({ item, relevance }) => [
        item,
        { item: this.items[item], relevance, capabilities: [], words: [] },
      ]),
    );
    for (const concept of concepts) {
      const ways = new Map<number, { gain: number; via?: string }>();
      this.forEachWay(concept, (item, gain, via) => {
        if (matches.has(item) && gain > (ways.get(item)?.gain ?? 0)) {
          ways.set(item, { gain, via });
        }
      });
      for (const [item, { via }] of ways) {
        matches
          .get(item)!
          .words.push(
            via ? { word: concept.word, via } : { word: concept.word },
          );
      }
    }
    // A capability the query names in words is explained by those words, not by meaning.
    const named = new Set(queryCapabilities.map(match => match.capability.id));
    const capabilities = [
      ...queryCapabilities.map(match => ({
        capability: match.capability,
        queryEvidence: match.evidence,
      })),
      ...capabilitiesByMeaning
        .filter(close => !named.has(close.capability.id))
        .map(close => ({
          capability: close.capability,
          queryEvidence: close.phrase,
          byMeaning: true,
        })),
    ];
    for (const explained of capabilities) {
      const postings = this.capabilityPostings.get(explained.capability.id);
      postings?.items.forEach((item, i) => {
        matches.get(item)?.capabilities.push({
          ...explained,
          itemEvidence: postings.evidence[i],
        });
      });
    }
    return [...matches.values()];
  }
}
