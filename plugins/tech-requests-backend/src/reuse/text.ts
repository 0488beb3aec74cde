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
 * Splits text into lower-case words, dropping stop words and single characters. Accents on
 * Latin letters are dropped (résumé matches resume); marks in other scripts are kept, since
 * there they change the letter. Letters and digits of any script count as word characters.
 */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/(?<=\p{Script=Latin})\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(word => word.length > 1 && !STOPWORDS.has(word));
}
