import {
  SentenceEncoderProvider,
  SentenceModel,
  weightsInstalled,
} from './SentenceEncoderProvider';

jest.setTimeout(60_000);

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  return dot / Math.sqrt(normA * normB);
}

describe('SentenceEncoderProvider with the real model', () => {
  const provider = new SentenceEncoderProvider();

  it('gives one 512-dimension vector per text, in order', async () => {
    const vectors = await provider.embed(['sign contracts online', 'payroll']);
    expect(vectors).toHaveLength(2);
    expect(vectors.map(vector => vector.length)).toEqual([512, 512]);
    expect(vectors[0]).toBeInstanceOf(Float32Array);
  });

  it('puts a need closer to what serves it than to what does not', async () => {
    const [need, signing, messaging] = await provider.embed([
      'Clients should sign their engagement letters online',
      'Electronic signature service for contracts and agreements',
      'Kafka topics carrying order events between the shop and the warehouse',
    ]);
    expect(cosine(need, signing)).toBeGreaterThan(provider.unrelatedBelow);
    expect(cosine(need, messaging)).toBeLessThan(cosine(need, signing));
  });

  it('answers an empty list without loading anything', async () => {
    const load = jest.fn();
    await expect(new SentenceEncoderProvider(load).embed([])).resolves.toEqual(
      [],
    );
    expect(load).not.toHaveBeenCalled();
  });
});

describe('SentenceEncoderProvider loading', () => {
  const model: SentenceModel = {
    embed: async texts => texts.map(text => [text.length, 1]),
  };

  it('loads the model once, at the first call', async () => {
    const load = jest.fn(async () => model);
    const provider = new SentenceEncoderProvider(load);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([provider.embed(['a']), provider.embed(['bb'])]);
    await provider.embed(['ccc']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries to load again after a failed load', async () => {
    const load = jest
      .fn<Promise<SentenceModel>, []>()
      .mockRejectedValueOnce(new Error('out of memory'))
      .mockResolvedValue(model);
    const provider = new SentenceEncoderProvider(load);
    await expect(provider.embed(['a'])).rejects.toThrow('out of memory');
    await expect(provider.embed(['ab'])).resolves.toEqual([
      Float32Array.from([2, 1]),
    ]);
  });
});

describe('weightsInstalled', () => {
  it('is true when the weights package resolves, as in this repository', () => {
    expect(weightsInstalled()).toBe(true);
  });

  it('is false when it does not', () => {
    const missing = () => {
      throw Object.assign(new Error('Cannot find module'), {
        code: 'MODULE_NOT_FOUND',
      });
    };
    expect(weightsInstalled(missing)).toBe(false);
  });
});
