import { LabelledNeed } from './evaluation';
import { similarRequestFigures } from './similarRequests';

const need = (id: string, text: string, expected: string[]): LabelledNeed => ({
  id,
  text,
  difficulty: expected.length ? 'shared-words' : 'no-answer',
  expected,
});

describe('similarRequestFigures', () => {
  const needs = [
    need('a', 'Sign sales contracts online with customers', [
      'component:default/esign',
    ]),
    need('b', 'Customers sign their contracts online', [
      'component:default/esign',
    ]),
    need('c', 'Sign contracts online for suppliers', [
      'component:default/portal',
    ]),
    need('d', 'Book a meeting room for the afternoon', [
      'component:default/rooms',
    ]),
  ];

  it('counts the pairs listed, and those a reviewer would point to the same entity', async () => {
    const [low, high] = await similarRequestFigures(needs, [0.05, 0.99]);
    // a, b and c list each other; d shares no telling word with them.
    expect(low.listedPerNeed).toBe(6 / 4);
    expect(low.needsListingAny).toBe(3 / 4);
    // Only a ~ b (both ways) share an answer.
    expect(low.precision).toBe(2 / 6);
    expect(high).toEqual({
      minimumScore: 0.99,
      listedPerNeed: 0,
      needsListingAny: 0,
      precision: NaN,
    });
  });
});
