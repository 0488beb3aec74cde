import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { anApprovedReuseRequest } from '../testUtils';
import { TechRequest } from '../model';

export const NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID = 2 ** 31 - 1;

/** Every reason a name would not be accepted as a catalog entity name; empty when it is valid. */
export function nameProblems(name: string): string[] {
  const problems: string[] = [];
  if (!KubernetesValidatorFunctions.isValidObjectName(name)) {
    problems.push('not a valid object name');
  }
  if (name.length > 63) {
    problems.push(`longer than 63 (${name.length})`);
  }
  if (!NAME_PATTERN.test(name)) {
    problems.push('does not match the slug pattern');
  }
  return problems;
}

/** Whether `name` is the request's prefix, alone or followed by a dash and the slug. */
export function hasRequestPrefix(name: string, id: number): boolean {
  const prefix = `tr-${id}`;
  return name === prefix || name.startsWith(`${prefix}-`);
}

/** mulberry32: a tiny seeded PRNG, so the property tests are repeatable. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CHARACTER_POOLS: ReadonlyArray<readonly string[]> = [
  // ASCII, printable and a few control characters
  Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).concat([
    '\t',
    '\n',
    '\r',
    '\0',
  ]),
  // Latin-1 supplement
  Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)),
  // combining marks, in and outside the U+0300–U+036F block
  [
    '\u0300',
    '\u0301',
    '\u0308',
    '\u0327',
    '\u0336',
    '\u036f',
    '\u1ab0',
    '\u1dc0',
    '\u20d0',
    '\u20dd',
    '\ufe20',
  ],
  // emoji, including sequences with joiners, variation selectors and skin tones
  ['🚀', '😀', '👍🏽', '👨‍👩‍👧', '🏳️‍🌈', '❤️', '🇩🇪', '\u200d', '\ufe0f'],
  // CJK, kana and hangul
  ['電', '子', '署', '名', '漢', '字', 'ひ', 'カ', '한', '글', '〜', '　'],
  // letters that fold or case-map in surprising ways
  [
    'ß',
    'İ',
    'ı',
    'ﬁ',
    'Ⅻ',
    '①',
    'Ａ',
    'ｚ',
    '𝔄',
    'K',
    'Å',
    'Ω',
    'Ł',
    'ø',
    'æ',
    'ǅ',
  ],
];

export function randomString(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const pool = CHARACTER_POOLS[Math.floor(random() * CHARACTER_POOLS.length)];
    text += pool[Math.floor(random() * pool.length)];
  }
  return text;
}

export function randomId(random: () => number): number {
  return 1 + Math.floor(random() * MAX_ID);
}

export const NEED = `Legal signs around 4,000 contracts a year on paper.
We need   an e-signature tool\tthat works with our contract system.`;

/** The approved request of the common fixture, with every optional field filled in. */
export function makeRequest(overrides: Partial<TechRequest> = {}): TechRequest {
  const request = anApprovedReuseRequest();
  return anApprovedReuseRequest({
    need: NEED,
    businessSponsor: 'Laura Legal',
    expectedUsers: 120,
    wantedBy: '2025-09-30',
    budgetRange: { min: 10000, max: 50000, currency: 'EUR' },
    capabilities: ['e-signature', 'audit trail'],
    reuseSuggestions: [
      ...request.reuseSuggestions,
      {
        entityRef: 'resource:default/scanner-fleet',
        origin: 'engine',
        state: 'suggested',
        score: 0.4,
        reasons: [],
      },
    ],
    vendorCandidates: [
      {
        name: 'DocuSign',
        url: 'https://www.docusign.com',
        quotedCost: { amount: 25, currency: 'EUR', period: 'per-user-monthly' },
      },
    ],
    version: 7,
    ...overrides,
  });
}
