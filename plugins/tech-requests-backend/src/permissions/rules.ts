import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  REQUEST_STATUSES,
  TECH_REQUEST_RESOURCE_TYPE,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { z } from 'zod';
import { RequestFilter } from '../database/RequestFilter';

export type { RequestFilter };

/** Technology requests as a resource of the permission framework. */
export const techRequestResourceRef = createPermissionResourceRef<
  TechRequest,
  RequestFilter
>().with({
  pluginId: 'tech-requests',
  resourceType: TECH_REQUEST_RESOURCE_TYPE,
});

const claims = z.object({
  claims: z
    .array(z.string())
    .describe("The user's entity ref and groups (ownershipEntityRefs)"),
});

const isRequester = createPermissionRule({
  name: 'IS_REQUESTER',
  description: 'The user filed the request',
  resourceRef: techRequestResourceRef,
  paramsSchema: claims,
  apply: (request, { claims: refs }) => refs.includes(request.requester),
  toQuery: ({ claims: refs }) => ({ field: 'requester', values: refs }),
});

const isInRequestingGroup = createPermissionRule({
  name: 'IS_IN_REQUESTING_GROUP',
  description: 'The user belongs to the group that asks for the request',
  resourceRef: techRequestResourceRef,
  paramsSchema: claims,
  apply: (request, { claims: refs }) => refs.includes(request.requestingGroup),
  toQuery: ({ claims: refs }) => ({ field: 'requestingGroup', values: refs }),
});

const isInGroup = createPermissionRule({
  name: 'IS_IN_GROUP',
  description:
    'The user belongs to one of the groups, for example a review group (whatever the request)',
  resourceRef: techRequestResourceRef,
  paramsSchema: claims.extend({
    groups: z.array(z.string()).describe('Group entity refs'),
  }),
  apply: (_request, { claims: refs, groups }) =>
    groups.some(group => refs.includes(group)),
  toQuery: ({ claims: refs, groups }) => ({
    constant: groups.some(group => refs.includes(group)),
  }),
});

const hasStatus = createPermissionRule({
  name: 'HAS_STATUS',
  description: 'The request is in one of the statuses',
  resourceRef: techRequestResourceRef,
  paramsSchema: z.object({
    statuses: z.array(z.enum(REQUEST_STATUSES)).describe('Request statuses'),
  }),
  apply: (request, { statuses }) => statuses.includes(request.status),
  toQuery: ({ statuses }) => ({ field: 'status', values: statuses }),
});

/** The rules a permission policy can put conditions on requests with. */
export const techRequestRules = {
  isRequester,
  isInRequestingGroup,
  isInGroup,
  hasStatus,
};

/**
 * Conditions for permission policies, in the shape of the catalog's: for example
 * `createTechRequestConditionalDecision(permission, techRequestConditions.isRequester({ claims }))`.
 *
 * @public
 */
export const {
  conditions: techRequestConditions,
  createConditionalDecision: createTechRequestConditionalDecision,
} = createConditionExports({
  pluginId: 'tech-requests',
  resourceType: TECH_REQUEST_RESOURCE_TYPE,
  rules: techRequestRules,
});
