/**
 * Semantic reuse discovery for Tech Requests: the Universal Sentence Encoder (lite), run
 * locally on TensorFlow.js and WebAssembly, behind the backend's reuse extension point.
 *
 * @packageDocumentation
 */
export { techRequestsModuleSentenceEncoder as default } from './module';
export {
  SentenceEncoderProvider,
  loadUniversalSentenceEncoder,
  DEFAULT_UNRELATED_BELOW,
  WEIGHTS_PACKAGE,
  weightsInstalled,
} from './SentenceEncoderProvider';
export type { SentenceModel } from './SentenceEncoderProvider';
