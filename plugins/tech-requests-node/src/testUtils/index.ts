/**
 * Test helpers for backends that run the Tech Requests plugins.
 *
 * @packageDocumentation
 */
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';

/**
 * A userInfo service that answers each user's groups from `groupsOf`, as sign-in would put
 * them in the token, for tests that are not about the catalog's group memberships.
 *
 * @public
 */
export function mockUserInfoFactory(
  groupsOf: (userEntityRef: string) => string[],
) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    async factory() {
      return {
        async getUserInfo(credentials: BackstageCredentials) {
          const ref = (credentials.principal as BackstageUserPrincipal)
            .userEntityRef;
          return {
            userEntityRef: ref,
            ownershipEntityRefs: [ref, ...groupsOf(ref)],
          };
        },
      };
    },
  });
}
