import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  normalizeEntityRef,
  REVIEW_AREAS,
  ReviewArea,
} from '@tech-requests/plugin-tech-requests-common';

/** Group refs per routed review area; an area that is absent is open to reviewers and deciders. */
export type ReviewRouting = Partial<Record<ReviewArea, string[]>>;

/** Who acts on requests filed by others, as `techRequests.workflow` configures it. */
export interface WorkflowGroups {
  reviewerGroups?: string[];
  deciderGroups?: string[];
  reviewAreas: ReviewRouting;
  /** Who reads the portfolio besides reviewers and deciders. */
  portfolioReaderGroups?: string[];
}

function readGroupRefs(
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

function readReviewRouting(config: RootConfigService): ReviewRouting {
  const areas =
    config.getOptionalConfig('techRequests.workflow.reviewAreas')?.keys() ?? [];
  const routing: ReviewRouting = {};
  for (const area of areas) {
    if (!(REVIEW_AREAS as readonly string[]).includes(area)) {
      throw new Error(
        `techRequests.workflow.reviewAreas has an unknown area '${area}'; the areas are ${REVIEW_AREAS.join(', ')}`,
      );
    }
    routing[area as ReviewArea] = readGroupRefs(config, `reviewAreas.${area}`);
  }
  return routing;
}

/**
 * Reads `techRequests.workflow`: reviewer, decider and review-area groups as full group refs.
 * Throws, naming the key, when a ref is not a group ref or an area is unknown. Permission
 * policies read the same groups through this function.
 *
 * @public
 */
export function readWorkflowGroups(config: RootConfigService): WorkflowGroups {
  return {
    reviewerGroups: readGroupRefs(config, 'reviewerGroups'),
    deciderGroups: readGroupRefs(config, 'deciderGroups'),
    reviewAreas: readReviewRouting(config),
    portfolioReaderGroups: readGroupRefs(config, 'portfolioReaderGroups'),
  };
}
