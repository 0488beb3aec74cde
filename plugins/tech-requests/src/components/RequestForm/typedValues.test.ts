import { readAmount, readCount, readWebAddress } from './typedValues';

describe('reading what people type', () => {
  it.each([
    ['40', 40],
    ['10,000', 10_000],
    ['10.000', 10_000],
    ['10 000', 10_000],
    ['10k', 10_000],
    ['1.5k', 1_500],
    ['2 million', 2_000_000],
    ['about 1,200', 1_200],
    ['~40', 40],
    ['40+', 40],
    ['300 customers', 300],
  ])('counts %j as %d', (typed, count) => {
    expect(readCount(typed)).toBe(count);
  });

  it.each(['many', '', '1.5', '12,5', '-3', '10,5', 'k'])(
    'counts nobody from %j',
    typed => {
      expect(readCount(typed)).toBeUndefined();
    },
  );

  it.each([
    ['20000', { amount: 20_000, currency: undefined }],
    ['€20,000', { amount: 20_000, currency: 'EUR' }],
    ['20k €', { amount: 20_000, currency: 'EUR' }],
    ['EUR 20000', { amount: 20_000, currency: 'EUR' }],
    ['20000eur', { amount: 20_000, currency: 'EUR' }],
    ['$5k', { amount: 5_000, currency: 'USD' }],
    ['£1,234.50', { amount: 1_234.5, currency: 'GBP' }],
    ['1.234,50 CHF', { amount: 1_234.5, currency: 'CHF' }],
    ['about 3 Mio', { amount: 3_000_000, currency: undefined }],
    ['12000 per year', { amount: 12_000, currency: undefined }],
  ])('reads %j as %j', (typed, amount) => {
    expect(readAmount(typed)).toEqual(amount);
  });

  it.each(['cheap', '€', 'twenty', '20 20'])(
    'reads no amount from %j',
    typed => {
      expect(readAmount(typed)).toBeUndefined();
    },
  );

  it.each([
    ['www.calendly.com', 'https://www.calendly.com'],
    ['calendly.com/pricing', 'https://calendly.com/pricing'],
    ['https://www.docusign.com', 'https://www.docusign.com'],
    ['http://intranet.example.com', 'http://intranet.example.com'],
  ])('links %j as %j', (typed, url) => {
    expect(readWebAddress(typed)).toBe(url);
  });

  it.each([
    'calendly',
    ['javascript', 'alert(1)'].join(':'),
    'ftp://files.example.com',
    'a b.com',
  ])('links nothing from %j', typed => {
    expect(readWebAddress(typed)).toBeUndefined();
  });
});
