// How free text becomes catalog names and descriptions.

/** The longest name the catalog accepts. */
export const MAX_NAME_LENGTH = 63;

/** Letters that Unicode does not decompose into a base letter and a mark. */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Text as a valid catalog name of at most `maxLength` characters: accents and letters such as
 * ß are folded, everything else that is not a letter or digit becomes a dash. Empty when no
 * letter or digit is left.
 */
export function entityNameOf(
  text: string,
  maxLength: number = MAX_NAME_LENGTH,
): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, letter => LETTER_FOLDS[letter])
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/**
 * Text on one line, cut to at most `maxLength` characters with an ellipsis: for descriptions
 * and notifications that show the start of a need.
 */
export function summary(text: string, maxLength: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // Cut by code point, so no emoji is split in half.
  const characters = Array.from(flat);
  return characters.length > maxLength
    ? `${characters
        .slice(0, maxLength - 1)
        .join('')
        .trimEnd()}…`
    : flat;
}
