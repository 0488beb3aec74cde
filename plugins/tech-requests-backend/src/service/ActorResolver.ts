import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  RootConfigService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  normalizeEntityRef,
  WorkflowActor,
  WorkflowRole,
} from '@tech-requests/plugin-tech-requests-common';

/** Group refs per role; `undefined` means the role is not restricted to any group. */
type RoleGroups = Record<WorkflowRole, string[] | undefined>;

function readRoleGroups(
  config: RootConfigService,
  key: string,
): string[] | undefined {
  const refs = config.getOptionalStringArray(`techRequests.workflow.${key}`);
  return refs?.map(ref => {
    const normalized = normalizeEntityRef(ref, 'group');
    if (!normalized) {
      throw new Error(
        `techRequests.workflow.${key} must hold group entity refs such as group:default/architecture-board, got '${ref}'`,
      );
    }
    return normalized;
  });
}

/** Turns credentials into the person the workflow reasons about: who they are, their groups and roles. */
export class ActorResolver {
  static fromConfig(options: {
    config: RootConfigService;
    userInfo: UserInfoService;
    logger: LoggerService;
  }): ActorResolver {
    const roleGroups: RoleGroups = {
      reviewer: readRoleGroups(options.config, 'reviewerGroups'),
      decider: readRoleGroups(options.config, 'deciderGroups'),
    };
    for (const [role, groups] of Object.entries(roleGroups)) {
      if (!groups) {
        options.logger.warn(
          `No techRequests.workflow.${role}Groups configured: every signed-in user may act as ${role} on requests they did not file`,
        );
      }
    }
    return new ActorResolver(
      options.userInfo,
      roleGroups,
      options.config.getOptionalBoolean(
        'techRequests.workflow.separateRequestingGroup',
      ) ?? false,
    );
  }

  constructor(
    private readonly userInfo: UserInfoService,
    private readonly roleGroups: RoleGroups,
    private readonly separateRequestingGroup = false,
  ) {}

  /**
   * The configured reviewer and decider groups, in full ref form: who hears of new requests.
   * Empty when a role is open to everyone.
   */
  groupsActingOnOthers(): string[] {
    return [
      ...new Set([
        ...(this.roleGroups.reviewer ?? []),
        ...(this.roleGroups.decider ?? []),
      ]),
    ];
  }

  async resolve(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<WorkflowActor> {
    const info = await this.userInfo.getUserInfo(credentials);
    const ownershipEntityRefs = info.ownershipEntityRefs;
    const roles = (Object.keys(this.roleGroups) as WorkflowRole[]).filter(
      role => {
        const groups = this.roleGroups[role];
        return (
          !groups || groups.some(group => ownershipEntityRefs.includes(group))
        );
      },
    );
    return {
      userEntityRef: info.userEntityRef,
      ownershipEntityRefs,
      roles,
      ...(this.separateRequestingGroup && {
        separateFromRequestingGroup: true,
      }),
    };
  }
}
