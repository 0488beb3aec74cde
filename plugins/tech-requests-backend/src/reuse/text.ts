import porter2 from 'wink-porter2-stemmer';

/**
 * Words that carry no meaning for matching a need to what the organisation runs. Kept short:
 * a word missing here costs a little ranking noise, a wrong one loses a match.
 */
const STOPWORDS = new Set(
  (
    'a an and are as at be but by can do for from has have i in into is it its of on or our ' +
    'so that the their them there these they this to us was we were what when which who will ' +
    'with would you your want wants need needs like should could please'
  ).split(' '),
);

/**
 * Words too general to be evidence of anything: numbers and everyday verbs and nouns. A
 * capability read from "one to ones", or "meeting" related to "see", is a reason no reviewer
 * would accept, so these never match, never form a vocabulary phrase on their own, and are
 * never offered as related words.
 */
const GENERAL_WORDS = new Set(
  (
    'one ones two three four five six seven eight nine ten first second third once twice ' +
    'see seen saw get gets got getting make makes made making use uses used using go goes ' +
    'going went take takes took give gives gave look looks put puts set keep keeps let lets ' +
    'know knows come comes say says tell tells try tries thing things lot lots stuff way ' +
    'ways also just really very much many some any every each other another able'
  ).split(' '),
);

/**
 * Splits text into lower-case words, dropping stop words and single characters. Accents on
 * Latin letters are dropped (résumé matches resume); marks in other scripts are kept, since
 * there they change the letter. Letters and digits of any script count as word characters.
 */
export function tokenize(text: string): string[] {
  return words(text).filter(isTelling);
}

/**
 * Whether a word says something on its own: not a stop word, not a word too general to be
 * evidence, not a single character.
 */
export function isTelling(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word) && !GENERAL_WORDS.has(word);
}

/** Every word of a text, stop words included, normalised as `tokenize` does. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/(?<=\p{Script=Latin})\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Stemming is most of the cost of building an index, and a catalog uses a bounded
 * vocabulary: each word is stemmed once. The bound keeps hostile input from growing it.
 */
const STEM_CACHE_SIZE = 200_000;
const stemCache = new Map<string, string>();

/**
 * The Porter2 stem of a word, so that "signing", "signed" and "signs" meet. Words with
 * letters outside a–z (other scripts, digits) are left as they are: the stemmer only knows
 * English.
 */
export function stem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    cached = /^[a-z]+$/.test(word) ? porter2(americanSpelling(word)) : word;
    if (stemCache.size >= STEM_CACHE_SIZE) {
      stemCache.clear();
    }
    stemCache.set(word, cached);
  }
  return cached;
}

/**
 * British spellings turned American before stemming, so "organise" and "organize",
 * "catalogue" and "catalog" share a stem. Both sides of a match go through it, so a rare
 * wrong guess ("promise" → "promize") costs nothing.
 */
function americanSpelling(word: string): string {
  return word
    .replace(/(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1')
    .replace(/(?<=[a-z]{3})ogue(s?)$/, 'og$1')
    .replace(/^licence/, 'license')
    .replace(/(?<=[a-z]{2})tre(s?)$/, 'ter$1')
    .replace(/(?<=[a-z]{2}[^aeiou])our(s?)$/, 'or$1');
}
