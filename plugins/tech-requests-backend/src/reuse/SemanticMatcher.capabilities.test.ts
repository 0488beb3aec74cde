import { ReuseEmbeddingProvider } from '@tech-requests/plugin-tech-requests-node';
import { MemoryVectorStore } from '../database/EmbeddingStore';
import { SemanticMatcher } from './SemanticMatcher';
import { Capability, Vocabulary } from './Vocabulary';

/** Directions in two dimensions; the cosine of each with "east" is in its name. */
const VECTORS: Record<string, number[]> = {
  east: [1, 0],
  'far east': [5, 0],
  north: [0, 1],
  'cos 0.65': [0.65, Math.sqrt(1 - 0.65 * 0.65)],
  'cos 0.4': [0.4, Math.sqrt(1 - 0.4 * 0.4)],
};

function capability(id: string, label: string, phrases: string[]): Capability {
  return { id, label, phrases, terms: [], vendors: [] };
}

function matcherWith() {
  const embed = jest.fn(async (texts: string[]) =>
    texts.map(text => Float32Array.from(VECTORS[text])),
  );
  // Cosines up to 0.3 are unrelated: closeness is (cosine − 0.3) / 0.7.
  const provider: ReuseEmbeddingProvider = {
    id: 'directions',
    unrelatedBelow: 0.3,
    embed,
  };
  return {
    matcher: new SemanticMatcher(provider, new MemoryVectorStore()),
    embed,
  };
}

describe('SemanticMatcher.meaningOf', () => {
  const vocabulary = new Vocabulary([
    capability('same-way', 'north', ['east']),
    capability('near', 'north', ['cos 0.65']),
    capability('loose', 'cos 0.4', []),
    capability('across', 'north', []),
  ]);

  it('names the capabilities a need comes close to, by their closest phrase, closest first', async () => {
    const { matcher } = matcherWith();
    const items = await matcher.vectorsFor(['east', 'north']);
    const phrases = await matcher.capabilityPhrases(vocabulary);

    const meaning = await matcher.meaningOf('east', items, phrases);

    expect(Array.from(meaning.evidence)).toEqual([1, 0]);
    // "cos 0.4" is close 0.14, under the 0.2 a capability needs; "north" is unrelated.
    expect(
      meaning.capabilities.map(({ capability: c, phrase, closeness }) => [
        c.id,
        phrase,
        closeness,
      ]),
    ).toEqual([
      ['same-way', 'east', 1],
      // Close 0.5, rescaled from the 0.2 that counts: (0.5 − 0.2) / 0.8.
      ['near', 'cos 0.65', expect.closeTo(0.375, 5)],
    ]);
  });

  it('embeds the need once, for the entities and the capabilities both', async () => {
    const { matcher, embed } = matcherWith();
    const items = await matcher.vectorsFor(['east', 'north']);
    const phrases = await matcher.capabilityPhrases(vocabulary);
    embed.mockClear();

    await matcher.meaningOf('far east', items, phrases);

    expect(embed).toHaveBeenCalledTimes(1);
    expect(embed).toHaveBeenCalledWith(['far east']);
  });

  it('reads at most three capabilities from a need', async () => {
    const { matcher } = matcherWith();
    const many = new Vocabulary(
      ['a', 'b', 'c', 'd'].map(id => capability(id, 'east', [])),
    );
    const meaning = await matcher.meaningOf(
      'east',
      await matcher.vectorsFor(['north']),
      await matcher.capabilityPhrases(many),
    );
    expect(meaning.capabilities).toHaveLength(3);
  });

  it('reads no capability without the vocabulary’s vectors', async () => {
    const { matcher } = matcherWith();
    const meaning = await matcher.meaningOf(
      'east',
      await matcher.vectorsFor(['east']),
    );
    expect(meaning.capabilities).toEqual([]);
  });
});
