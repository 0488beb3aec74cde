import { Capability } from './Vocabulary';

/** What the reuse index stores and answers, and how it weighs relevance. */

/** The text fields of an indexed item; each says how strongly a word in it speaks for the item. */
export const FIELD_STRENGTHS = {
  name: 1,
  title: 1,
  tags: 0.9,
  description: 0.8,
  type: 0.6,
  links: 0.6,
} as const;

/** A text field of an indexed item. */
export type IndexField = keyof typeof FIELD_STRENGTHS;

/** What the index reads of an item. */
export interface IndexEntry {
  fields: Partial<Record<IndexField, string>>;
  /** Capabilities known for the item besides those found in its text (ids, labels or phrases). */
  capabilities?: string[];
}

/** What a query asks for. */
export interface IndexQuery {
  text: string;
  /** Capabilities the requester named. */
  capabilities?: string[];
}

/** A query word found in an item, directly or through a related word. */
export interface WordMatch {
  /** The word as the query wrote it. */
  word: string;
  /** The related word found instead, when not the word itself. */
  via?: string;
}

/** An item that matches a query, with how well and why. */
export interface IndexMatch<T> {
  item: T;
  /** 0–1: how much of what the query asks the item answers, comparable across queries. */
  relevance: number;
  /**
   * Capabilities of the query the item has, with the item's own evidence; `byMeaning` when
   * the query does not name the capability but comes close in meaning to `queryEvidence`.
   */
  capabilities: {
    capability: Capability;
    queryEvidence: string;
    itemEvidence: string;
    byMeaning?: boolean;
  }[];
  words: WordMatch[];
  /** Closeness in meaning, 0–1, when an embedding provider is in use. */
  semantic?: number;
}

/** A capability a need comes close to in meaning, through one of the capability's phrases. */
export interface CapabilityByMeaning {
  capability: Capability;
  /** The phrase of the vocabulary the need is closest to. */
  phrase: string;
  /** 0–1: how close, from the least closeness that counts. */
  closeness: number;
}

/** How to narrow a search. */
export interface SearchOptions<T> {
  /** Leave out matches less relevant than this. */
  minimumRelevance?: number;
  /** Return only this many, the first by `priority`. */
  limit?: number;
  /** Orders the matches; relevance by default. */
  priority?: (item: T, relevance: number) => number;
  /**
   * Closeness in meaning from an embedding provider: per item, in index order, 0–1; counts
   * up to `weight` as evidence of its own.
   */
  semantic?: {
    evidence: Float32Array;
    weight: number;
    /** Capabilities the need is close to in meaning; each counts on the items that have it. */
    capabilities?: CapabilityByMeaning[];
  };
}

/** How strongly evidence of each kind counts; see `search`. */
export interface RelevanceWeights {
  /** Weight of a related word (thesaurus) against the word itself. */
  relatedWord: number;
  /** How many of the query's most telling words make a full match. */
  wordsForFullMatch: number;
  /** The relevance that capabilities alone, or words alone, can reach. */
  capabilityCeiling: number;
  wordCeiling: number;
  /** The relevance a capability the need is close to in meaning can reach alone. */
  capabilityByMeaningCeiling: number;
}

export const DEFAULT_WEIGHTS: RelevanceWeights = {
  relatedWord: 0.5,
  wordsForFullMatch: 4,
  capabilityCeiling: 0.8,
  wordCeiling: 0.8,
  capabilityByMeaningCeiling: 0.5,
};
