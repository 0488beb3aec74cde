import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { readWorkflowGroups } from '../config/workflow';
import { ActorResolver } from './ActorResolver';

const MEMBERSHIPS: Record<string, string[]> = {
  'user:default/sam.okafor': ['group:default/security-office'],
  'user:default/priya.shah': ['group:default/architecture-board'],
  'user:default/jane.doe': ['group:default/legal'],
};

const userInfo = {
  async getUserInfo(credentials: any) {
    const ref = credentials.principal.userEntityRef as string;
    return {
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...(MEMBERSHIPS[ref] ?? [])],
    };
  },
};

const resolverFor = (workflow: object) =>
  ActorResolver.fromConfig({
    config: mockServices.rootConfig({
      data: { techRequests: { workflow } },
    }),
    userInfo,
    logger: mockServices.logger.mock(),
  });

describe('ActorResolver', () => {
  const routed = {
    reviewerGroups: ['group:default/architecture-board'],
    deciderGroups: ['group:default/portfolio-board'],
    reviewAreas: { security: ['group:default/security-office'] },
  };

  it('gives routed areas to their groups and the others to reviewers and deciders', async () => {
    const resolver = resolverFor(routed);
    const areasOf = async (user: string) =>
      (await resolver.resolve(mockCredentials.user(user))).reviewAreas;
    expect(await areasOf('user:default/sam.okafor')).toEqual(['security']);
    expect(await areasOf('user:default/priya.shah')).toEqual([
      'architecture',
      'privacy',
      'finance',
      'portfolio',
    ]);
    expect(await areasOf('user:default/jane.doe')).toEqual([]);
    expect(resolver.routing()).toEqual({
      security: ['group:default/security-office'],
    });
  });

  it('refuses configuration it cannot route by, naming the key', () => {
    expect(() =>
      resolverFor({ reviewAreas: { legal: ['group:default/legal'] } }),
    ).toThrow(
      "techRequests.workflow.reviewAreas has an unknown area 'legal'; the areas are architecture, security, privacy, finance, portfolio",
    );
    expect(() =>
      resolverFor({ reviewAreas: { security: ['user:default/sam.okafor'] } }),
    ).toThrow(
      "techRequests.workflow.reviewAreas.security must hold group entity refs such as group:default/architecture-board, got 'user:default/sam.okafor'",
    );
  });

  it('reads the same groups for permission policies', () => {
    expect(
      readWorkflowGroups(
        mockServices.rootConfig({
          data: { techRequests: { workflow: routed } },
        }),
      ),
    ).toEqual({
      reviewerGroups: ['group:default/architecture-board'],
      deciderGroups: ['group:default/portfolio-board'],
      reviewAreas: { security: ['group:default/security-office'] },
    });
  });
});
