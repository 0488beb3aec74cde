import { startModule } from './__testUtils__/startModule';

describe('the sentence-encoder module', () => {
  it('hands the backend the sentence encoder, and says so', async () => {
    const { providers, logger } = await startModule();
    expect(providers.map(provider => provider.id)).toEqual([
      'universal-sentence-encoder-lite-v1',
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('Universal Sentence Encoder'),
    );
  });
});
