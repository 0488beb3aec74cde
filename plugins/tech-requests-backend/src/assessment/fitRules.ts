import {
  FindingSeverity,
  SimilarRequest,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';

/** What the catalog says about an entity a request references. */
export interface CatalogFacts {
  entityRef: string;
  kind: string;
  title?: string;
  lifecycle?: string;
  /** component providesApi relations, a system with API parts, or an API itself */
  offersApi: boolean;
}

/** The rings of a Tech Radar, from "use it" to "do not start anything new with it". */
export type RadarRing = 'adopt' | 'trial' | 'assess' | 'hold';

/** One technology or vendor on the Tech Radar. */
export interface RadarEntry {
  name: string;
  ring: RadarRing;
  aliases?: string[];
  /** where it was read: a config key or a file/URL, used as evidence */
  source: string;
}

/** How the organisation tunes one fit rule. */
export interface FitRuleSetting {
  enabled?: boolean;
  severity?: FindingSeverity;
}

/** The organisation's standards the fit is measured against. */
export interface Standards {
  radar: RadarEntry[];
  rules: Record<string, FitRuleSetting>;
}

/** Everything the fit of a request is judged on; gathered by the caller, so this stays pure. */
export interface FitContext {
  request: TechRequest;
  /**
   * Facts about entities the request references; a ref without facts is not in the catalog.
   * Undefined when the catalog could not be read: those entities are then not judged.
   */
  entities: Map<string, CatalogFacts> | undefined;
  similarRequests: SimilarRequest[];
  standards: Standards;
}

/** The fit rules, with their default severity; config may turn them off or reweigh them. */
export const FIT_RULES: ReadonlyArray<{
  id: string;
  severity: FindingSeverity;
  description: string;
}> = [
  {
    id: 'vendor-on-hold',
    severity: 'blocker',
    description: 'A named vendor is on hold in the Tech Radar',
  },
  {
    id: 'vendor-in-trial',
    severity: 'info',
    description: 'A named vendor is in trial or assess in the Tech Radar',
  },
  {
    id: 'vendor-adopted',
    severity: 'info',
    description: 'A named vendor is adopted in the Tech Radar',
  },
  {
    id: 'vendor-not-on-radar',
    severity: 'info',
    description: 'A named vendor is not on the Tech Radar',
  },
  {
    id: 'integration-not-in-catalog',
    severity: 'warning',
    description: 'An integration target is not in the catalog',
  },
  {
    id: 'integration-without-api',
    severity: 'warning',
    description: 'An integration target offers no API in the catalog',
  },
  {
    id: 'integration-deprecated',
    severity: 'warning',
    description: 'An integration target is deprecated',
  },
  {
    id: 'build-on-deprecated-system',
    severity: 'blocker',
    description: 'A build would integrate with a deprecated system',
  },
  {
    id: 'duplicate-request',
    // A chance to join forces, not an objection to the request: and since requests are
    // matched by their words, a false duplicate must not cost the request points.
    severity: 'info',
    description: 'Another group has an open request for much the same',
  },
  {
    id: 'reuse-target-not-in-production',
    severity: 'warning',
    description: 'What would be reused is experimental or deprecated',
  },
  {
    id: 'reuse-available',
    severity: 'info',
    description: 'A confirmed reuse candidate runs in production',
  },
  {
    id: 'catalog-unavailable',
    severity: 'info',
    description:
      'The catalog could not be read, so the entities the request names were not judged yet',
  },
];

/** The finding of an assessment made while the catalog could not be read. */
export const CATALOG_UNAVAILABLE_RULE = 'catalog-unavailable';

/** The score of a request no rule objects to. */
export const MAX_FIT_SCORE = 100;
/** A blocker stands in the way of the request as it is: it weighs like several warnings. */
export const BLOCKER_PENALTY = 35;
export const WARNING_PENALTY = 10;
/** Info findings are context for the reviewer, not objections: they cost nothing. */
export const INFO_PENALTY = 0;

export const PENALTIES: Record<FindingSeverity, number> = {
  blocker: BLOCKER_PENALTY,
  warning: WARNING_PENALTY,
  info: INFO_PENALTY,
};

/** When two matching radar entries disagree, the most restrictive ring wins. */
export const RING_STRICTNESS: Record<RadarRing, number> = {
  adopt: 0,
  trial: 1,
  assess: 2,
  hold: 3,
};

/** The rule ids in settings that no rule has, for the backend to report as config errors. */
export function unknownRuleIds(
  settings: Record<string, FitRuleSetting>,
): string[] {
  const known = new Set(FIT_RULES.map(rule => rule.id));
  return Object.keys(settings).filter(id => !known.has(id));
}
