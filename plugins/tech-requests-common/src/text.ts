/**
 * Characters that take no room on screen: format characters (zero-width spaces and joiners,
 * bidirectional marks, the byte-order mark) and white space. Text made only of these says
 * nothing.
 */
const INVISIBLE = /[\p{Cf}\p{White_Space}]/gu;

/** Whether text is blank once white space and invisible format characters are removed. */
export function isBlank(text: string | undefined | null): boolean {
  return !text || !text.replace(INVISIBLE, '');
}

/**
 * Characters a one-line name must not hold: control characters (line breaks, tabs, escape)
 * and the bidirectional embeddings, overrides and isolates that make `invoice\u202Egpj.exe`
 * read as `invoiceexe.jpg`. Names reach the catalog and notifications as they are.
 */
const NOT_IN_A_NAME = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Why a one-line name may not be kept as sent, or undefined when it may. */
export function nameProblem(field: string, text: string): string | undefined {
  const found = NOT_IN_A_NAME.exec(text)?.[0];
  if (found === undefined) {
    return undefined;
  }
  const code = found
    .codePointAt(0)!
    .toString(16)
    .toUpperCase()
    .padStart(4, '0');
  return `${field} must not contain control characters or bidirectional overrides (found U+${code})`;
}

/** Words in a sentence: "security", "security and privacy", "security, privacy and finance". */
export function listInWords(words: readonly string[]): string {
  return words.length > 1
    ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
    : (words[0] ?? '');
}

/** Reviews in a sentence, by their area's words: "security review", "security and privacy reviews". */
export function reviewsInWords(areaWords: readonly string[]): string {
  return `${listInWords(areaWords)} review${areaWords.length > 1 ? 's' : ''}`;
}
