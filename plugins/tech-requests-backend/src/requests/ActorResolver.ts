import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  RootConfigService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  REVIEW_AREAS,
  WorkflowActor,
  WorkflowRole,
} from '@tech-requests/plugin-tech-requests-common';
import { readWorkflowGroups, ReviewRouting } from '../config/workflow';
import { RequestReader } from './types';

/** Group refs per role; `undefined` means the role is not restricted to any group. */
type RoleGroups = Record<WorkflowRole, string[] | undefined>;

/** Turns credentials into the person the workflow reasons about: who they are, their groups and roles. */
export class ActorResolver {
  static fromConfig(options: {
    config: RootConfigService;
    userInfo: UserInfoService;
    logger: LoggerService;
  }): ActorResolver {
    const workflow = readWorkflowGroups(options.config);
    const roleGroups: RoleGroups = {
      reviewer: workflow.reviewerGroups,
      decider: workflow.deciderGroups,
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
      workflow.reviewAreas,
      // Independent review by default: a colleague of the requester is not independent.
      options.config.getOptionalBoolean(
        'techRequests.workflow.separateRequestingGroup',
      ) ?? true,
    );
  }

  constructor(
    private readonly userInfo: UserInfoService,
    private readonly roleGroups: RoleGroups,
    private readonly reviewRouting: ReviewRouting = {},
    private readonly separateRequestingGroup = true,
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

  /** The groups that decide; empty when the role is open to everyone. */
  deciderGroups(): string[] {
    return this.roleGroups.decider ?? [];
  }

  /** The groups that give each routed area's reviews. */
  routing(): ReviewRouting {
    return this.reviewRouting;
  }

  /** Who reads with these credentials: a person, or a service, which acts as nobody. */
  async readerOf(credentials: BackstageCredentials): Promise<RequestReader> {
    const isUser = (credentials.principal as { type?: string }).type === 'user';
    return {
      credentials,
      actor: isUser
        ? await this.resolve(
            credentials as BackstageCredentials<BackstageUserPrincipal>,
          )
        : undefined,
    };
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
    const inAny = (groups: string[]) =>
      groups.some(group => ownershipEntityRefs.includes(group));
    // Routed areas go to their groups; the others to whoever reviews or decides.
    const reviewAreas = REVIEW_AREAS.filter(area => {
      const groups = this.reviewRouting[area];
      return groups ? inAny(groups) : roles.length > 0;
    });
    return {
      userEntityRef: info.userEntityRef,
      ownershipEntityRefs,
      roles,
      reviewAreas,
      ...(this.separateRequestingGroup && {
        separateFromRequestingGroup: true,
      }),
    };
  }
}
