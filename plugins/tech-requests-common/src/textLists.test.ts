import { listInWords, reviewsInWords } from './text';

describe('lists in a sentence', () => {
  it('joins words as a sentence does', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['security'])).toBe('security');
    expect(listInWords(['security', 'privacy'])).toBe('security and privacy');
    expect(listInWords(['security', 'privacy', 'finance'])).toBe(
      'security, privacy and finance',
    );
  });

  it('names one review or several', () => {
    expect(reviewsInWords(['security'])).toBe('security review');
    expect(reviewsInWords(['security', 'privacy'])).toBe(
      'security and privacy reviews',
    );
  });
});
