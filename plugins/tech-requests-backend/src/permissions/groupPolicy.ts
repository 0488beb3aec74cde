import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  techRequestCreatePermission,
  techRequestDecidePermission,
  techRequestReadPermission,
  techRequestReviewPermission,
  techRequestUpdatePermission,
  techRequestsPortfolioReadPermission,
} from '@tech-requests/plugin-tech-requests-common';
import {
  createTechRequestConditionalDecision,
  techRequestConditions,
} from './rules';

/**
 * The groups a policy grants review and decision rights to: `readWorkflowGroups(config)` reads
 * them from `techRequests.workflow`.
 */
export interface TechRequestsPolicyGroups {
  reviewerGroups?: string[];
  deciderGroups?: string[];
  /** The groups of routed review areas: they review too (the workflow checks which area). */
  reviewAreas?: Partial<Record<string, string[]>>;
  /** Who reads the portfolio besides those who review or decide: IT leadership, for example. */
  portfolioReaderGroups?: string[];
}

/**
 * Decides the Tech Requests permissions by group, for a permission policy to delegate to:
 *
 * - anyone signed in may file requests;
 * - everyone reads requests once submitted; drafts only the requester and the requesting
 *   group;
 * - only the requester and the requesting group change a request;
 * - reviewer, decider and review-area groups review; decider groups decide;
 * - those who review or decide, and portfolio reader groups, read the portfolio.
 *
 * Returns undefined for permissions of other plugins, which the policy decides itself.
 *
 * @public
 */
export function decideTechRequestPermission(
  query: PolicyQuery,
  user: PolicyQueryUser | undefined,
  groups: TechRequestsPolicyGroups,
): PolicyDecision | undefined {
  const { permission } = query;
  const claims = user?.info.ownershipEntityRefs ?? [];
  const inAny = (refs: string[]) => refs.some(ref => claims.includes(ref));
  const deciderGroups = groups.deciderGroups ?? [];
  const reviews = inAny([
    ...(groups.reviewerGroups ?? []),
    ...deciderGroups,
    ...Object.values(groups.reviewAreas ?? {}).flatMap(refs => refs ?? []),
  ]);
  const isRequester = techRequestConditions.isRequester({ claims });
  const isInRequestingGroup = techRequestConditions.isInRequestingGroup({
    claims,
  });

  if (isPermission(permission, techRequestCreatePermission)) {
    return { result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
  if (isPermission(permission, techRequestReadPermission)) {
    // Drafts are the requesting side's until submitted; everything else is open, so that two
    // departments asking for the same thing find each other.
    return createTechRequestConditionalDecision(permission, {
      anyOf: [
        isRequester,
        isInRequestingGroup,
        { not: techRequestConditions.hasStatus({ statuses: ['draft'] }) },
      ],
    });
  }
  if (isPermission(permission, techRequestUpdatePermission)) {
    return createTechRequestConditionalDecision(permission, {
      anyOf: [isRequester, isInRequestingGroup],
    });
  }
  if (isPermission(permission, techRequestReviewPermission)) {
    return { result: reviews ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
  if (isPermission(permission, techRequestDecidePermission)) {
    return {
      result: inAny(deciderGroups)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    };
  }
  if (isPermission(permission, techRequestsPortfolioReadPermission)) {
    return {
      result:
        reviews || inAny(groups.portfolioReaderGroups ?? [])
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    };
  }
  return undefined;
}
