import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import {
  ACTION_PERMISSIONS,
  RequestAction,
  techRequestCreatePermission,
  techRequestReadPermission,
} from '@tech-requests/plugin-tech-requests-common';
import { RequestFilter } from './rules';

/** What a reader may see of the request list. */
export type ReadScope =
  | { nothing: true }
  | { nothing: false; readable?: PermissionCriteria<RequestFilter> };

/** How drafts are kept from services: whether they may read them, and how to tell them. */
export interface DraftsOfOthers {
  servicesReadDrafts: boolean;
  /** Of these requests, the ids of drafts. */
  draftsAmong(ids: number[]): Promise<Set<number>>;
}

const NO_DRAFTS_FOR_SERVICES: DraftsOfOthers = {
  servicesReadDrafts: true,
  draftsAmong: async () => new Set(),
};

const NOT_A_DRAFT: PermissionCriteria<RequestFilter> = {
  not: { field: 'status', values: ['draft'] },
};

/**
 * Asks the permission framework about requests: every endpoint goes through here, so the
 * organisation's policy decides on top of the workflow's own rules. With the framework
 * turned off, everything is allowed and the workflow alone decides.
 */
export class RequestPermissions {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly toFilter: ConditionTransformer<RequestFilter>,
    private readonly drafts: DraftsOfOthers = NO_DRAFTS_FOR_SERVICES,
  ) {}

  /**
   * Whether these credentials are a service's that may not read drafts. The permission
   * framework allows services everything; a draft is still its owner's, unless
   * `techRequests.serviceAccess.readDrafts` says otherwise.
   */
  private missesDrafts(credentials: BackstageCredentials): boolean {
    return (
      (credentials.principal as { type?: string }).type === 'service' &&
      !this.drafts.servicesReadDrafts
    );
  }

  async ensureCreate(credentials: BackstageCredentials): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission: techRequestCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not file requests (permission ${techRequestCreatePermission.name})`,
      );
    }
  }

  /** The requests this reader may list: all, some (as a filter for the store), or none. */
  async readScope(credentials: BackstageCredentials): Promise<ReadScope> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: techRequestReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      return { nothing: true };
    }
    const byPolicy =
      decision.result === AuthorizeResult.CONDITIONAL
        ? this.toFilter(decision.conditions)
        : undefined;
    if (this.missesDrafts(credentials)) {
      return {
        nothing: false,
        readable: byPolicy ? { allOf: [byPolicy, NOT_A_DRAFT] } : NOT_A_DRAFT,
      };
    }
    return byPolicy
      ? { nothing: false, readable: byPolicy }
      : { nothing: false };
  }

  /** Which of these requests the reader may see. */
  async readable(
    credentials: BackstageCredentials,
    ids: number[],
  ): Promise<Set<number>> {
    if (!ids.length) {
      return new Set();
    }
    const decisions = await this.permissions.authorize(
      ids.map(id => ({
        permission: techRequestReadPermission,
        resourceRef: String(id),
      })),
      { credentials },
    );
    const allowed = ids.filter(
      (_id, i) => decisions[i].result === AuthorizeResult.ALLOW,
    );
    if (!this.missesDrafts(credentials) || !allowed.length) {
      return new Set(allowed);
    }
    const drafts = await this.drafts.draftsAmong(allowed);
    return new Set(allowed.filter(id => !drafts.has(id)));
  }

  /** Refuses with 403 unless the policy lets this person take the action on the request. */
  async ensure(
    credentials: BackstageCredentials,
    action: RequestAction,
    id: number,
  ): Promise<void> {
    const permission = ACTION_PERMISSIONS[action];
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef: String(id) }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${action} request ${id} (permission ${permission.name})`,
      );
    }
  }

  /** The actions, among those the workflow allows, that the policy allows too. */
  async filterActions(
    credentials: BackstageCredentials,
    id: number,
    actions: RequestAction[],
  ): Promise<RequestAction[]> {
    const permissions = [
      ...new Set(actions.map(action => ACTION_PERMISSIONS[action])),
    ];
    if (!permissions.length) {
      return actions;
    }
    const decisions = await this.permissions.authorize(
      permissions.map(permission => ({ permission, resourceRef: String(id) })),
      { credentials },
    );
    const allowed = new Set(
      permissions.filter(
        (_permission, i) => decisions[i].result === AuthorizeResult.ALLOW,
      ),
    );
    return actions.filter(action => allowed.has(ACTION_PERMISSIONS[action]));
  }
}
