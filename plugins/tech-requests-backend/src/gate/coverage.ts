import {
  reviewsInWords,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';

/** Whether a request covers new work, and why, in words a developer acts on. */
export type Coverage = {
  covered: boolean;
  reason: string;
  /** The entity to reuse instead, when the decision was to reuse. */
  reuse?: string;
};

const day = (iso: string) => iso.slice(0, 10);

/** What a request that is not decided yet waits for. */
function waitingFor(request: TechRequest): string {
  const missing = request.assessment?.missingReviews ?? [];
  if (missing.length) {
    return `waiting for the ${reviewsInWords(missing)}`;
  }
  return request.status === 'submitted'
    ? 'waiting for a reviewer to pick it up'
    : 'waiting for a decision';
}

/**
 * Whether the request covers new work: approved (or in delivery, or delivered) to build or
 * buy. A decision to reuse covers no new build: it names what to use instead. Every other
 * status refuses, saying what the request waits for.
 */
export function coverageOf(request: TechRequest): Coverage {
  const named = `Request ${request.id} ("${request.title}")`;
  const decision = request.decision;
  switch (request.status) {
    case 'draft':
      return {
        covered: false,
        reason: `${named} is a draft: submit it, and start once it is approved`,
      };
    case 'submitted':
    case 'in-review':
      return {
        covered: false,
        reason: `${named} is ${request.status === 'submitted' ? 'submitted' : 'in review'}: ${waitingFor(request)}`,
      };
    case 'deferred':
    case 'rejected':
      return {
        covered: false,
        reason: `${named} was ${request.status}${
          decision
            ? ` on ${day(decision.decidedAt)}: ${decision.rationale}`
            : ''
        }`,
      };
    case 'withdrawn':
      return { covered: false, reason: `${named} was withdrawn` };
    default:
  }
  if (decision?.path === 'reuse') {
    const target = decision.targetEntityRef;
    return {
      covered: false,
      reason: `${named} was approved to reuse ${target ?? 'what already exists'}: use that instead of building something new`,
      ...(target && { reuse: target }),
    };
  }
  return {
    covered: true,
    reason: decision?.path
      ? `${named} was approved to ${decision.path} on ${day(decision.decidedAt)}`
      : `${named} is ${request.status}`,
  };
}
