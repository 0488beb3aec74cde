import { stem, tokenize, words } from './text';

describe('tokenize', () => {
  it.each([
    [
      'We want customers to sign contracts online',
      ['customers', 'sign', 'contracts', 'online'],
    ],
    ['E-Signature & DocuSign!', ['signature', 'docusign']],
    ['Café résumé Größe', ['cafe', 'resume', 'große']],
    ['電子署名 サービス', ['電子署名', 'サービス']],
    ['🚀 launch 🚀', ['launch']],
    ['   ', []],
    ['a I x', []],
    ['version 2 of SAP S4', ['version', 'sap', 's4']],
    // Numbers and everyday verbs are evidence of nothing.
    [
      'Customers want to book one of our advisors to see us',
      ['customers', 'book', 'advisors'],
    ],
  ])('%j → %j', (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });
});

describe('stem', () => {
  it.each([
    [['sign', 'signing', 'signed', 'signs']],
    [['organise', 'organize', 'organised', 'organized', 'organising']],
    [['catalogue', 'catalog', 'catalogues', 'catalogs']],
    [['licence', 'license', 'licences', 'licenses']],
    [['centre', 'center']],
    [['colour', 'color']],
    [['meeting', 'meetings']],
  ])('gives %j one stem', variants => {
    expect(new Set(variants.map(stem)).size).toBe(1);
  });

  it.each([
    ['sign', 'signature'],
    ['sign', 'signal'],
    ['catalog', 'cat'],
  ])('keeps %j and %j apart', (one, other) => {
    expect(stem(one)).not.toBe(stem(other));
  });

  it.each(['s4', 'große', '電子署名', 'サービス', 'v2', 'résumé', 'Signing'])(
    'leaves %j, which has letters outside a–z, as it is',
    word => {
      expect(stem(word)).toBe(word);
    },
  );

  it('answers the same the second time (cached)', () => {
    expect(stem('organisations')).toBe(stem('organisations'));
    expect(stem('organisations')).toBe(stem('organizations'));
  });
});

describe('words', () => {
  it.each([
    ['Sign in with your account', ['sign', 'in', 'with', 'your', 'account']],
    ['A to Z', ['a', 'to', 'z']],
    ['the UPS and downs', ['the', 'ups', 'and', 'downs']],
    ['Café-Größe: 2 x', ['cafe', 'große', '2', 'x']],
    ['', []],
  ])('%j → %j, stop words and single characters kept', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('keeps the words tokenize drops', () => {
    const text = 'We need to sign in to the portal';
    expect(tokenize(text)).toEqual(['sign', 'portal']);
    expect(words(text)).toEqual([
      'we',
      'need',
      'to',
      'sign',
      'in',
      'to',
      'the',
      'portal',
    ]);
  });
});
