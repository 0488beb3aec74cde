import { tokenize } from './text';

/** A document to index: an id and its text, field by field. */
export interface IndexedDocument {
  id: string;
  fields: Record<string, string>;
}

/** A match: the document's id, its score, and the query words it contains. */
export interface Bm25Match {
  id: string;
  score: number;
  matchedTerms: string[];
}

/** How the index weighs fields and term frequencies. */
export interface Bm25Options {
  /** Weight of each field; fields not named weigh 1. All 1 is plain BM25. */
  fieldWeights?: Record<string, number>;
  /** Term-frequency saturation. */
  k1?: number;
  /** Length normalisation, 0 (none) to 1 (full). */
  b?: number;
  /** Turns text into terms; the default is `tokenize`. */
  terms?: (text: string) => string[];
}

interface Posting {
  doc: number;
  /** Field-weighted frequency of the term in the document. */
  frequency: number;
}

/**
 * Okapi BM25 over field-weighted term frequencies (the BM25F simplification): a term in a
 * heavier field counts as if it appeared more often, and so does the document's length.
 * With every weight 1 this is plain BM25, the keyword baseline the reuse engine is measured
 * against.
 */
export class Bm25Index {
  private readonly ids: string[] = [];
  private readonly lengths: number[] = [];
  private readonly postings = new Map<string, Posting[]>();
  private readonly averageLength: number;
  private readonly k1: number;
  private readonly b: number;
  private readonly terms: (text: string) => string[];

  constructor(documents: IndexedDocument[], options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.terms = options.terms ?? tokenize;
    const weights = options.fieldWeights ?? {};
    for (const document of documents) {
      const doc = this.ids.length;
      this.ids.push(document.id);
      const frequencies = new Map<string, number>();
      let length = 0;
      for (const [field, text] of Object.entries(document.fields)) {
        const weight = weights[field] ?? 1;
        for (const term of this.terms(text)) {
          frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
          length += weight;
        }
      }
      this.lengths.push(length);
      for (const [term, frequency] of frequencies) {
        const list = this.postings.get(term) ?? [];
        list.push({ doc, frequency });
        this.postings.set(term, list);
      }
    }
    const total = this.lengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = this.ids.length ? total / this.ids.length : 0;
  }

  /** How many documents the index holds. */
  get size(): number {
    return this.ids.length;
  }

  /** The best `limit` documents for the query, best first; documents sharing no term are left out. */
  search(query: string, limit: number): Bm25Match[] {
    const scores = new Map<number, { score: number; matchedTerms: string[] }>();
    for (const term of new Set(this.terms(query))) {
      const list = this.postings.get(term);
      if (!list) {
        continue;
      }
      // The +1 keeps the weight of a term found in most documents positive.
      const idf = Math.log(
        1 + (this.ids.length - list.length + 0.5) / (list.length + 0.5),
      );
      for (const { doc, frequency } of list) {
        const norm =
          this.k1 *
          (1 - this.b + (this.b * this.lengths[doc]) / this.averageLength);
        const gain = (idf * frequency * (this.k1 + 1)) / (frequency + norm);
        const entry = scores.get(doc) ?? { score: 0, matchedTerms: [] };
        entry.score += gain;
        entry.matchedTerms.push(term);
        scores.set(doc, entry);
      }
    }
    return [...scores.entries()]
      .map(([doc, entry]) => ({ id: this.ids[doc], ...entry }))
      .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
      .slice(0, Math.max(0, limit));
  }
}
