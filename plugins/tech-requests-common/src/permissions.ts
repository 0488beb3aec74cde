import {
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { RequestAction } from './workflow';

/** The resource type of technology requests in the permission framework. */
export const TECH_REQUEST_RESOURCE_TYPE = 'tech-request';

/** Filing a request. */
export const techRequestCreatePermission = createPermission({
  name: 'tech-requests.request.create',
  attributes: { action: 'create' },
});

/** Seeing a request, its history, reviews and comments, and commenting on it. */
export const techRequestReadPermission = createPermission({
  name: 'tech-requests.request.read',
  attributes: { action: 'read' },
  resourceType: TECH_REQUEST_RESOURCE_TYPE,
});

/** The requesting side's changes: edit, submit, withdraw, delete a draft. */
export const techRequestUpdatePermission = createPermission({
  name: 'tech-requests.request.update',
  attributes: { action: 'update' },
  resourceType: TECH_REQUEST_RESOURCE_TYPE,
});

/**
 * Reviewing: start a review, add reviews, assess reuse candidates, adjust the cost model,
 * move an approved request through delivery.
 */
export const techRequestReviewPermission = createPermission({
  name: 'tech-requests.request.review',
  attributes: { action: 'update' },
  resourceType: TECH_REQUEST_RESOURCE_TYPE,
});

/** Deciding: approve, reject, defer. */
export const techRequestDecidePermission = createPermission({
  name: 'tech-requests.request.decide',
  attributes: { action: 'update' },
  resourceType: TECH_REQUEST_RESOURCE_TYPE,
});

/**
 * Reading the portfolio: demand, decisions and money of every department, in aggregate. Not
 * tied to one request: a policy grants it to deciders and IT leadership.
 */
export const techRequestsPortfolioReadPermission = createPermission({
  name: 'tech-requests.portfolio.read',
  attributes: { action: 'read' },
});

/** Every permission of the plugin, for registration and for policies. */
export const techRequestsPermissions = [
  techRequestCreatePermission,
  techRequestReadPermission,
  techRequestUpdatePermission,
  techRequestReviewPermission,
  techRequestDecidePermission,
  techRequestsPortfolioReadPermission,
];

/** The permission each action on a request needs, besides the workflow's own rules. */
export const ACTION_PERMISSIONS: Record<
  RequestAction,
  ResourcePermission<typeof TECH_REQUEST_RESOURCE_TYPE>
> = {
  edit: techRequestUpdatePermission,
  delete: techRequestUpdatePermission,
  submit: techRequestUpdatePermission,
  withdraw: techRequestUpdatePermission,
  'start-review': techRequestReviewPermission,
  review: techRequestReviewPermission,
  'assess-reuse': techRequestReviewPermission,
  'adjust-costs': techRequestReviewPermission,
  'correct-answers': techRequestReviewPermission,
  approve: techRequestDecidePermission,
  reject: techRequestDecidePermission,
  defer: techRequestDecidePermission,
  'start-delivery': techRequestReviewPermission,
  complete: techRequestReviewPermission,
  comment: techRequestReadPermission,
};
