import { DecisionOutcome, DecisionPath, RequestStatus } from './values';

/** What the gate is asked about: a request, or an entity whose annotation names one. */
export interface GateQuery {
  /** A request's id. */
  requestId?: number;
  /** An entity ref, such as `component:default/booking-service`. */
  entityRef?: string;
}

/**
 * What the gate says of a piece of work:
 * - `covered`: an approved (or delivering, or delivered) request to build or buy is behind it;
 * - `refused`: none is; the reason says why and what to do;
 * - `exempt`: the entity's system or owner is exempt (`techRequests.gate.exempt`);
 * - `not-required`: the entity's kind or type need not be covered (`techRequests.gate.covered`).
 */
export const GATE_VERDICTS = [
  'covered',
  'refused',
  'exempt',
  'not-required',
] as const;

/** The gate's verdict on a piece of work. */
export type GateVerdict = (typeof GATE_VERDICTS)[number];

/** `enforce` refuses uncovered work; `warn` lets it through with the reason, for a rollout. */
export const GATE_MODES = ['enforce', 'warn'] as const;

/** How the gate treats uncovered work. */
export type GateMode = (typeof GATE_MODES)[number];

/** The request a gate answer rests on. */
export type GateRequest = {
  id: number;
  title: string;
  status: RequestStatus;
  /** The request's page in the portal. */
  url: string;
  decision?: {
    outcome: DecisionOutcome;
    path?: DecisionPath;
    targetEntityRef?: string;
    vendor?: string;
    decidedBy: string;
    decidedAt: string;
  };
};

/** The gate's answer. */
export type GateAnswer = {
  /** Whether the work may go on: anything but `refused`, and `refused` too in warn-only mode. */
  allowed: boolean;
  verdict: GateVerdict;
  /** Why, in words a developer acts on. */
  reason: string;
  mode: GateMode;
  /** The entity asked about, as a full ref. */
  entityRef?: string;
  request?: GateRequest;
  /** What to reuse instead of building, when the decision was to reuse. */
  reuse?: string;
  /** Where to file a request, when none covers the work. */
  fileRequestUrl?: string;
};
