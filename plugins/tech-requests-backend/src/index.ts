/**
 * Backend of the Tech Requests plugin: stores technology requests and runs their workflow.
 *
 * @packageDocumentation
 */
export { techRequestsPlugin as default } from './plugin';
export {
  techRequestConditions,
  createTechRequestConditionalDecision,
  techRequestResourceRef,
} from './permissions/rules';
export type { RequestFilter } from './permissions/rules';
export {
  decideTechRequestPermission,
  type TechRequestsPolicyGroups,
} from './permissions/groupPolicy';
export {
  readWorkflowGroups,
  type WorkflowGroups,
  type ReviewRouting,
} from './config/workflow';
