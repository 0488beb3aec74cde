import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { techRequestsReuseExtensionPoint } from '@tech-requests/plugin-tech-requests-node';
import {
  SentenceEncoderProvider,
  WEIGHTS_PACKAGE,
  weightsInstalled,
} from './SentenceEncoderProvider';

/**
 * Adds closeness in meaning to the reuse suggestions of Tech Requests, with the Universal
 * Sentence Encoder (lite) run inside the backend.
 *
 * @public
 */
export const techRequestsModuleSentenceEncoder = createBackendModule({
  pluginId: 'tech-requests',
  moduleId: 'sentence-encoder',
  register(env) {
    env.registerInit({
      deps: {
        reuse: techRequestsReuseExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ reuse, logger }) {
        if (!weightsInstalled()) {
          logger.warn(
            `${WEIGHTS_PACKAGE} is not installed: reuse suggestions use words and capabilities only. Install it beside this module to match needs by meaning.`,
          );
          return;
        }
        reuse.setEmbeddingProvider(new SentenceEncoderProvider());
        logger.info(
          'Reuse suggestions match needs by meaning with the Universal Sentence Encoder (lite), run locally',
        );
      },
    });
  },
});
