import fs from 'fs';
import path from 'path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parse } from 'yaml';
import { isTelling, stem, words } from './text';

/**
 * A capability: what business people call a need, and the words engineers and vendors use
 * for what serves it.
 */
export interface Capability {
  /** Kebab-case, for example `e-signature`. */
  id: string;
  /** Shown in reasons, for example "E-signature". */
  label: string;
  /** How business people say it: "sign contracts online". */
  phrases: string[];
  /** How engineers describe it: "envelope", "signing ceremony". */
  terms: string[];
  /** Products that provide it: "docusign", "adobe sign". */
  vendors: string[];
}

/** A capability found in a text, with the words that gave it away. */
export interface CapabilityMatch {
  capability: Capability;
  /** The phrase, term or vendor of the vocabulary that matched. */
  evidence: string;
  /**
   * How sure the match is, 0–1: a product name or a phrase of several words is sure; a
   * single word ("chat", "signature") may mean something else.
   */
  strength: number;
}

/** The strength of a match on a single word. */
const SINGLE_WORD_STRENGTH = 0.5;

/**
 * The shipped vocabulary: `capabilities.yaml`, then the other YAML files of the folder (the
 * categories of enterprise software, by area) in name order; entries of one id merge.
 */
const SHIPPED_VOCABULARY = resolvePackagePath(
  '@tech-requests/plugin-tech-requests-backend',
  'src/reuse/vocabulary',
);
const CORE_VOCABULARY_FILE = 'capabilities.yaml';

interface Pattern {
  capability: Capability;
  text: string;
  /** The stems of every word, small words included, in order; product names are not stemmed. */
  stems: string[];
  /**
   * Product names, and phrases whose only telling word comes with small words ("sign in"),
   * must appear exactly as written; the others may come in any order within a short window.
   */
  exact: boolean;
  strength: number;
}

/** How far apart the words of a phrase may be: "sign their contracts" still says "sign contracts". */
const EXTRA_WORDS_ALLOWED = 2;

/**
 * The stems a text is matched on: every word, small ones included, so exact phrases can be
 * found, followed by the words as written, so product names match only as written ("UPS"
 * is not "ups and downs" stemmed). The two halves are kept apart by an empty word.
 */
export function vocabularyStems(text: string): string[] {
  return vocabularyStemsOf(words(text));
}

/** `vocabularyStems` of words already split. */
export function vocabularyStemsOf(
  written: string[],
  stems: string[] = written.map(stem),
): string[] {
  return [...stems, '', ...written.map(word => `=${word}`)];
}

/**
 * The capability vocabulary: finds capabilities in a need as business people write it, and
 * in an entity as engineers describe it, so the two meet even when they share no word.
 * Words are compared by stem and may come in any order within a short window.
 */
export class Vocabulary {
  private readonly byFirstStem = new Map<string, Pattern[]>();
  private readonly byName = new Map<string, Capability>();

  constructor(readonly capabilities: Capability[]) {
    for (const capability of capabilities) {
      this.byName.set(capability.id.toLowerCase(), capability);
      this.byName.set(capability.label.toLowerCase(), capability);
      const texts = [
        capability.label,
        ...capability.phrases,
        ...capability.terms,
      ];
      for (const text of texts) {
        this.addPattern(capability, text, false);
      }
      for (const vendor of capability.vendors) {
        this.addPattern(capability, vendor, true);
      }
    }
  }

  private addPattern(capability: Capability, text: string, vendor: boolean) {
    const patternWords = words(text);
    const telling = patternWords.filter(isTelling);
    if (!telling.length) {
      return;
    }
    // "sign in" is not "sign": a phrase with one telling word keeps its small words.
    const exact = vendor || (telling.length === 1 && patternWords.length > 1);
    const patternStems = vendor
      ? patternWords.map(word => `=${word}`)
      : (exact ? patternWords : telling).map(stem);
    const pattern: Pattern = {
      capability,
      text,
      stems: patternStems,
      exact,
      strength: vendor || patternWords.length > 1 ? 1 : SINGLE_WORD_STRENGTH,
    };
    const list = this.byFirstStem.get(patternStems[0]) ?? [];
    list.push(pattern);
    this.byFirstStem.set(patternStems[0], list);
  }

  /** The vocabulary shipped with the plugin, extended or overridden by `extra` (same ids win). */
  static withDefaults(extra: Capability[] = []): Vocabulary {
    const shipped = loadCapabilityFolder(SHIPPED_VOCABULARY);
    return new Vocabulary(mergeCapabilities(shipped, extra));
  }

  /** Every capability the text speaks of, each once, with its surest evidence. */
  find(text: string): CapabilityMatch[] {
    return this.findInStems(vocabularyStems(text));
  }

  /** Like `find`, for text already turned into `vocabularyStems`. */
  findInStems(textStems: string[]): CapabilityMatch[] {
    // Most short fields (a name, a type) start no phrase at all: nothing to look into.
    if (!textStems.some(word => this.byFirstStem.has(word))) {
      return [];
    }
    const positions = new Map<string, number[]>();
    textStems.forEach((word, position) => {
      const list = positions.get(word) ?? [];
      list.push(position);
      positions.set(word, list);
    });
    // Where the words as written start (see `vocabularyStemsOf`): a position there is the
    // same word as the position this much earlier.
    const writtenOffset = textStems.indexOf('') + 1;
    const wordAt = (position: number) =>
      position >= writtenOffset ? position - writtenOffset : position;

    const candidates: { pattern: Pattern; starts: number[] }[] = [];
    /** Words inside a phrase that must appear exactly, by the capabilities they belong to. */
    const inPhrases = new Map<number, Set<string>>();
    for (const [word, starts] of positions) {
      for (const pattern of this.byFirstStem.get(word) ?? []) {
        const matchedAt = starts.filter(start =>
          pattern.exact
            ? inSequence(pattern.stems, start, textStems)
            : nearby(pattern.stems, start, positions),
        );
        if (!matchedAt.length) {
          continue;
        }
        candidates.push({ pattern, starts: matchedAt });
        if (pattern.exact && pattern.stems.length > 1) {
          for (const start of matchedAt) {
            pattern.stems.forEach((_, i) => {
              const covered = inPhrases.get(wordAt(start + i)) ?? new Set();
              covered.add(pattern.capability.id);
              inPhrases.set(wordAt(start + i), covered);
            });
          }
        }
      }
    }

    const found = new Map<string, CapabilityMatch>();
    for (const { pattern, starts } of candidates) {
      const id = pattern.capability.id;
      // The longer reading wins: the "sign" of "sign in" is no signature.
      const single = pattern.stems.length === 1;
      const at = starts.find(start => {
        const takenBy = inPhrases.get(wordAt(start));
        return !single || !takenBy || takenBy.has(id);
      });
      if (at === undefined) {
        continue;
      }
      const known = found.get(id);
      if (!known || known.strength < pattern.strength) {
        found.set(id, {
          capability: pattern.capability,
          // A single word found by its stem is quoted as the text writes it.
          evidence:
            single && !pattern.exact
              ? textStems[writtenOffset + wordAt(at)].slice(1)
              : pattern.text,
          strength: pattern.strength,
        });
      }
    }
    return [...found.values()];
  }

  /**
   * The capabilities a requester ticked, by id, label or any of their phrases; an unknown
   * name is looked for as text, so free phrases still count.
   */
  resolve(names: string[]): CapabilityMatch[] {
    const found = new Map<string, CapabilityMatch>();
    for (const name of names) {
      const known = this.byName.get(name.trim().toLowerCase());
      const matches = known
        ? [{ capability: known, evidence: name.trim(), strength: 1 }]
        : this.find(name);
      for (const match of matches) {
        if (!found.has(match.capability.id)) {
          found.set(match.capability.id, match);
        }
      }
    }
    return [...found.values()];
  }
}

/** Whether the pattern's stems follow each other from `start`. */
function inSequence(
  patternStems: string[],
  start: number,
  textStems: string[],
): boolean {
  return patternStems.every((word, i) => textStems[start + i] === word);
}

/** Whether every stem of the pattern occurs within a short window around `start`. */
function nearby(
  patternStems: string[],
  start: number,
  positions: Map<string, number[]>,
): boolean {
  const reach = patternStems.length - 1 + EXTRA_WORDS_ALLOWED;
  return patternStems
    .slice(1)
    .every(word =>
      (positions.get(word) ?? []).some(
        position => Math.abs(position - start) <= reach,
      ),
    );
}

/** Reads a capability file: a YAML list in the shape of `Capability`. */
export function loadCapabilities(file: string): Capability[] {
  const list = parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(list)) {
    throw new Error(`${file} must hold a list of capabilities`);
  }
  return list.map(item => normalizeCapability(item, file));
}

/** Reads `capabilities.yaml` and then every other YAML file of a folder, merged by id. */
export function loadCapabilityFolder(directory: string): Capability[] {
  const others = fs
    .readdirSync(directory)
    .filter(file => file.endsWith('.yaml') && file !== CORE_VOCABULARY_FILE)
    .sort();
  return [CORE_VOCABULARY_FILE, ...others].reduce<Capability[]>(
    (merged, file) =>
      mergeCapabilities(merged, loadCapabilities(path.join(directory, file))),
    [],
  );
}

/** A capability from config or a file, with absent lists made empty. */
export function normalizeCapability(item: any, source: string): Capability {
  if (typeof item?.id !== 'string' || !item.id.trim()) {
    throw new Error(`Every capability in ${source} needs an id`);
  }
  const list = (value: unknown) =>
    Array.isArray(value) ? value.map(String) : [];
  const id = item.id.trim();
  return {
    id,
    label: typeof item.label === 'string' ? item.label : id,
    phrases: list(item.phrases),
    terms: list(item.terms),
    vendors: list(item.vendors),
  };
}

/**
 * The shipped capabilities with an organisation's added: a capability with a shipped id
 * adds its words to the shipped one; a new id is a new capability.
 */
export function mergeCapabilities(
  shipped: Capability[],
  extra: Capability[],
): Capability[] {
  const merged = new Map(shipped.map(c => [c.id, { ...c }]));
  for (const capability of extra) {
    const existing = merged.get(capability.id);
    merged.set(
      capability.id,
      existing
        ? {
            ...existing,
            // A label equal to the id means none was given.
            label:
              capability.label === capability.id
                ? existing.label
                : capability.label,
            phrases: [...existing.phrases, ...capability.phrases],
            terms: [...existing.terms, ...capability.terms],
            vendors: [...existing.vendors, ...capability.vendors],
          }
        : capability,
    );
  }
  return [...merged.values()];
}
