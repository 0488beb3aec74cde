import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  decideTechRequestPermission,
  readWorkflowGroups,
  TechRequestsPolicyGroups,
} from '@tech-requests/plugin-tech-requests-backend';

/**
 * The example organisation's policy: Tech Requests permissions by group (the reviewer,
 * review-area and decider groups of `techRequests.workflow`), everything else allowed.
 */
class ExamplePolicy implements PermissionPolicy {
  constructor(private readonly groups: TechRequestsPolicyGroups) {}

  async handle(query: PolicyQuery, user?: PolicyQueryUser) {
    return (
      decideTechRequestPermission(query, user, this.groups) ?? {
        result: AuthorizeResult.ALLOW,
      }
    );
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'example-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(new ExamplePolicy(readWorkflowGroups(config)));
      },
    });
  },
});
