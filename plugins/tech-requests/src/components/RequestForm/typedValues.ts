/**
 * Numbers, amounts and web addresses the way people type them: "10,000", "10k", "about 40",
 * "€20k", "www.calendly.com". Each reader answers undefined for text it cannot make sense of,
 * so the form can say what it expects instead.
 */

const MULTIPLIERS: Record<string, number> = {
  k: 1_000,
  thousand: 1_000,
  m: 1_000_000,
  mio: 1_000_000,
  million: 1_000_000,
};

/** Currency signs and the codes they stand for. */
const CURRENCY_SIGNS: Record<string, string> = {
  '€': 'EUR',
  $: 'USD',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};

/** Words around a figure that do not change it: "about 40", "40+", "~40", "40 people". */
const HEDGES =
  /^(about|around|roughly|approx\.?|approximately|ca\.?|circa|up to|max\.?|at most|~)\s*|\s*(\+|people|persons|users|staff|customers|employees)$/gi;

/**
 * A figure with thousands separators, a decimal point or comma, and an optional multiplier:
 * "10,000", "10 000", "10.000", "1.5k", "2,5 Mio". A single separator followed by exactly three
 * digits is read as a thousands separator ("10,000" and "10.000" are ten thousand).
 */
function readFigure(text: string): number | undefined {
  const match = /^(\d[\d\s.,']*)\s*([a-z]*)$/i.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const [, digits, suffix] = match;
  const multiplier = suffix ? MULTIPLIERS[suffix.toLowerCase()] : 1;
  if (multiplier === undefined) {
    return undefined;
  }
  // Spaces and apostrophes only ever group thousands: "10 000", "10'000", never "20 20".
  const compact = digits.trim().replace(/(\d)[\s'](?=\d{3}(\D|$))/g, '$1');
  if (/[\s']/.test(compact)) {
    return undefined;
  }
  const separators = compact.match(/[.,]/g) ?? [];
  let normalized: string;
  if (separators.length === 0) {
    normalized = compact;
  } else if (/^\d{1,3}([.,]\d{3})+$/.test(compact) && multiplier === 1) {
    // 10,000 · 1.000.000: thousands separators only.
    normalized = compact.replace(/[.,]/g, '');
  } else if (/^\d{1,3}([.,]\d{3})*[.,]\d{1,2}$/.test(compact)) {
    // 1,234.50 · 1.234,50 · 1.5: the last separator is the decimal one.
    const last = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
    normalized = `${compact.slice(0, last).replace(/[.,]/g, '')}.${compact.slice(last + 1)}`;
  } else if (/^\d+[.,]\d+$/.test(compact)) {
    normalized = compact.replace(',', '.');
  } else {
    return undefined;
  }
  const value = Number(normalized) * multiplier;
  return Number.isFinite(value) ? value : undefined;
}

/** How many people: a whole number, however it was typed ("10k", "about 1,200"). */
export function readCount(text: string): number | undefined {
  const value = readFigure(text.replace(HEDGES, ''));
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

/**
 * An amount of money with the currency it was typed with, if any: "€20k" is 20 000 EUR,
 * "20,000 EUR" too, "5000" is 5 000 in no currency said.
 */
export function readAmount(
  text: string,
): { amount: number; currency?: string } | undefined {
  let rest = text.trim().replace(HEDGES, '');
  let currency: string | undefined;
  const sign = Object.keys(CURRENCY_SIGNS).find(s => rest.includes(s));
  if (sign) {
    currency = CURRENCY_SIGNS[sign];
    rest = rest.replace(sign, '');
  }
  // A code before or after the figure: "EUR 20000", "20k eur", "20000EUR".
  const code =
    /^([a-z]{3})\s*(?=\d)/i.exec(rest) ?? /(?<=[\d\s])([a-z]{3})$/i.exec(rest);
  if (code && !MULTIPLIERS[code[1].toLowerCase()]) {
    currency = code[1].toUpperCase();
    rest = rest.replace(code[1], '');
  }
  // "per year", "/year", "a year": the field already says the budget is yearly.
  rest = rest.replace(/\s*(\/|per|a)\s*(year|yr|annum)$/i, '');
  const amount = readFigure(rest);
  return amount === undefined ? undefined : { amount, currency };
}

/**
 * A web address as a link: "www.calendly.com" and "calendly.com/pricing" gain https://;
 * anything else that is not an http(s) address is not one.
 */
export function readWebAddress(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^https?:\/\/[^\s]+\.[^\s]+$/i.test(trimmed)) {
    return trimmed;
  }
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#][^\s]*)?$/i.test(trimmed)) {
    return `https://${trimmed}`;
  }
  return undefined;
}
