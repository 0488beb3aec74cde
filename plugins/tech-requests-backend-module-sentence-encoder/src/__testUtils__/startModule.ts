import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  ReuseEmbeddingProvider,
  techRequestsReuseExtensionPoint,
} from '@tech-requests/plugin-tech-requests-node';
import { techRequestsModuleSentenceEncoder } from '../module';

/** Starts the module against a stand-in for the backend's reuse extension point. */
export async function startModule() {
  const providers: ReuseEmbeddingProvider[] = [];
  const logger = mockServices.logger.mock();
  await startTestBackend({
    extensionPoints: [
      [
        techRequestsReuseExtensionPoint,
        {
          setEmbeddingProvider: (provider: ReuseEmbeddingProvider) =>
            providers.push(provider),
        },
      ],
    ],
    features: [techRequestsModuleSentenceEncoder, logger.factory],
  });
  return { providers, logger };
}
