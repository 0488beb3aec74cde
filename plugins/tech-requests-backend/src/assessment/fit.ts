import {
  confirmedReuseCandidates,
  Finding,
  FINDING_SEVERITIES,
  FindingSeverity,
  FitAssessment,
  SimilarRequest,
  TechRequest,
  UNSETTLED_STATUSES,
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
    severity: 'warning',
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

const PENALTIES: Record<FindingSeverity, number> = {
  blocker: BLOCKER_PENALTY,
  warning: WARNING_PENALTY,
  info: INFO_PENALTY,
};

/** From this score on a similar request counts as a duplicate rather than a relative. */
export const DUPLICATE_MIN_SCORE = 0.5;

/** When two matching radar entries disagree, the most restrictive ring wins. */
const RING_STRICTNESS: Record<RadarRing, number> = {
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

/** Vendor names are typed freely: "DocuSign " and "docusign" are the same vendor. */
function normalizeName(name: string): string {
  return name.trim().toLocaleLowerCase('en-US');
}

function findRadarEntry(
  radar: RadarEntry[],
  vendor: string,
): RadarEntry | undefined {
  const key = normalizeName(vendor);
  let found: RadarEntry | undefined;
  for (const entry of radar) {
    const names = [entry.name, ...(entry.aliases ?? [])].map(normalizeName);
    if (
      names.includes(key) &&
      (!found || RING_STRICTNESS[entry.ring] > RING_STRICTNESS[found.ring])
    ) {
      found = entry;
    }
  }
  return found;
}

/** The vendors the request names, once each, as first spelled. */
function namedVendors(request: TechRequest): string[] {
  const names = [
    ...request.vendorCandidates.map(vendor => vendor.name),
    ...(request.decision?.vendor ? [request.decision.vendor] : []),
  ];
  const seen = new Set<string>();
  const vendors: string[] = [];
  for (const name of names) {
    const key = normalizeName(name);
    if (key && !seen.has(key)) {
      seen.add(key);
      vendors.push(name.trim());
    }
  }
  return vendors;
}

/** Entity refs are case-insensitive in the catalog, so the lookup is too. */
function factsLookup(
  entities: Map<string, CatalogFacts>,
): (ref: string) => CatalogFacts | undefined {
  const lowered = new Map<string, CatalogFacts>();
  for (const [ref, facts] of entities) {
    lowered.set(ref.toLocaleLowerCase('en-US'), facts);
  }
  return ref =>
    entities.get(ref) ?? lowered.get(ref.toLocaleLowerCase('en-US'));
}

function lifecycleOf(facts: CatalogFacts): string {
  return (facts.lifecycle ?? '').toLocaleLowerCase('en-US');
}

function kindOf(facts: CatalogFacts): string {
  return facts.kind.toLocaleLowerCase('en-US');
}

function displayName(facts: CatalogFacts): string {
  return facts.title ? `${facts.title} (${facts.entityRef})` : facts.entityRef;
}

/**
 * The path the request is heading for: the decision's when it set one, otherwise the
 * requester's preference (a deferred decision has no path, and the preference still stands).
 */
function headsFor(request: TechRequest): string {
  return request.decision?.path ?? request.preferredPath;
}

type RawFinding = Omit<Finding, 'severity'>;

function vendorFindings(
  request: TechRequest,
  radar: RadarEntry[],
): RawFinding[] {
  const findings: RawFinding[] = [];
  const radarSources = [...new Set(radar.map(entry => entry.source))];
  for (const vendor of namedVendors(request)) {
    const entry = findRadarEntry(radar, vendor);
    if (!entry) {
      // An empty radar says nothing about any vendor.
      if (radar.length) {
        findings.push({
          ruleId: 'vendor-not-on-radar',
          message: `${vendor} is not on the Tech Radar: architecture has not assessed it yet`,
          evidence: radarSources,
        });
      }
      continue;
    }
    // The radar's own spelling, so that a vendor named twice by name and alias reads once.
    const name = entry.name.trim();
    const evidence = [entry.source];
    if (entry.ring === 'hold') {
      findings.push({
        ruleId: 'vendor-on-hold',
        message: `${name} is on hold in the Tech Radar: new use needs an exception`,
        evidence,
      });
    } else if (entry.ring === 'adopt') {
      findings.push({
        ruleId: 'vendor-adopted',
        message: `${name} is adopted in the Tech Radar`,
        evidence,
      });
    } else {
      findings.push({
        ruleId: 'vendor-in-trial',
        message: `${name} is in ${entry.ring} in the Tech Radar: expect conditions`,
        evidence,
      });
    }
  }
  return findings;
}

function integrationFindings(
  request: TechRequest,
  lookup: (ref: string) => CatalogFacts | undefined,
): RawFinding[] {
  const findings: RawFinding[] = [];
  const building = headsFor(request) === 'build';
  for (const ref of request.integrations) {
    const facts = lookup(ref);
    if (!facts) {
      findings.push({
        ruleId: 'integration-not-in-catalog',
        message: `${ref} is not in the catalog: an integration target should be registered`,
        evidence: [ref],
      });
      continue;
    }
    const name = displayName(facts);
    const evidence = [facts.entityRef];
    const kind = kindOf(facts);
    if ((kind === 'component' || kind === 'system') && !facts.offersApi) {
      findings.push({
        ruleId: 'integration-without-api',
        message: `${name} offers no API in the catalog: integrations go through registered APIs`,
        evidence,
      });
    }
    if (lifecycleOf(facts) === 'deprecated') {
      findings.push({
        ruleId: 'integration-deprecated',
        message: `${name} is deprecated: integrating with it adds work when it goes`,
        evidence,
      });
      if (building && kind === 'system') {
        findings.push({
          ruleId: 'build-on-deprecated-system',
          message: `The request would build on ${name}, a deprecated system: build on its successor instead`,
          evidence,
        });
      }
    }
  }
  return findings;
}

function duplicateFindings(
  request: TechRequest,
  similarRequests: SimilarRequest[],
): RawFinding[] {
  const group = request.requestingGroup.toLocaleLowerCase('en-US');
  return similarRequests
    .filter(
      similar =>
        similar.id !== request.id &&
        // Another group still working on it; decided or abandoned ones are history.
        UNSETTLED_STATUSES.includes(similar.status) &&
        similar.requestingGroup.toLocaleLowerCase('en-US') !== group &&
        similar.score >= DUPLICATE_MIN_SCORE,
    )
    .map(similar => ({
      ruleId: 'duplicate-request',
      message: `Request #${similar.id} "${similar.title}" of ${similar.requestingGroup} asks for much the same and is still ${similar.status}: consider joining forces`,
      evidence: [similar.entityRef ?? `tech-requests:request/${similar.id}`],
    }));
}

function reuseFindings(
  request: TechRequest,
  lookup: (ref: string) => CatalogFacts | undefined,
): RawFinding[] {
  const findings: RawFinding[] = [];
  const confirmed = request.reuseSuggestions
    .filter(candidate => candidate.state === 'confirmed')
    .map(candidate => candidate.entityRef);
  const target = request.decision?.targetEntityRef;
  const refs = [...confirmed, ...(target ? [target] : [])];
  for (const ref of refs) {
    const facts = lookup(ref);
    if (!facts) {
      continue;
    }
    const name = displayName(facts);
    const evidence = [facts.entityRef];
    const lifecycle = lifecycleOf(facts);
    if (lifecycle === 'experimental') {
      findings.push({
        ruleId: 'reuse-target-not-in-production',
        message: `${name} is experimental: reuse it only when its owners commit to running it for others`,
        evidence,
      });
    } else if (lifecycle === 'deprecated') {
      findings.push({
        ruleId: 'reuse-target-not-in-production',
        message: `${name} is deprecated: reuse it only with a plan to move off it`,
        evidence,
      });
    } else if (lifecycle === 'production' && confirmed.includes(ref)) {
      findings.push({
        ruleId: 'reuse-available',
        message: `${name} is confirmed for reuse and runs in production`,
        evidence,
      });
    }
  }
  return findings;
}

/** The severity a rule has in this organisation, or undefined when it is turned off. */
function effectiveSeverity(
  ruleId: string,
  standards: Standards,
): FindingSeverity | undefined {
  const rule = FIT_RULES.find(r => r.id === ruleId);
  const setting = standards.rules[ruleId];
  if (!rule || setting?.enabled === false) {
    return undefined;
  }
  return setting?.severity && FINDING_SEVERITIES.includes(setting.severity)
    ? setting.severity
    : rule.severity;
}

const SEVERITY_ORDER: FindingSeverity[] = ['blocker', 'warning', 'info'];

/** The score a list of findings leaves: blockers and warnings take points off, never below 0. */
export function fitScore(findings: Pick<Finding, 'severity'>[]): number {
  const penalty = findings.reduce(
    (sum, finding) => sum + PENALTIES[finding.severity],
    0,
  );
  return Math.max(0, MAX_FIT_SCORE - penalty);
}

/** Without the catalog, the entities a request names wait to be judged: a reviewer is told. */
function catalogUnavailableFindings(request: TechRequest): RawFinding[] {
  const unjudged = [
    ...new Set([
      ...request.integrations,
      ...confirmedReuseCandidates(request.reuseSuggestions),
      ...(request.decision?.targetEntityRef
        ? [request.decision.targetEntityRef]
        : []),
    ]),
  ];
  return unjudged.length
    ? [
        {
          ruleId: CATALOG_UNAVAILABLE_RULE,
          message:
            'The catalog could not be read: the entities this request names are judged once it can be',
          evidence: unjudged,
        },
      ]
    : [];
}

/**
 * How well a request fits architecture and standards: each rule that objects adds a
 * finding with its evidence; the same rule on the same evidence counts once, so a vendor
 * named twice or an entity both confirmed and chosen does not weigh double.
 */
export function assessFit(context: FitContext): FitAssessment {
  const { request, standards } = context;
  const lookup = context.entities && factsLookup(context.entities);
  const raw = [
    ...vendorFindings(request, standards.radar),
    ...(lookup
      ? integrationFindings(request, lookup)
      : catalogUnavailableFindings(request)),
    ...duplicateFindings(request, context.similarRequests),
    ...(lookup ? reuseFindings(request, lookup) : []),
  ];
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const finding of raw) {
    const severity = effectiveSeverity(finding.ruleId, standards);
    // The message is part of the key: two vendors on hold share the radar as evidence.
    const key = JSON.stringify([
      finding.ruleId,
      finding.evidence,
      finding.message,
    ]);
    if (severity && !seen.has(key)) {
      seen.add(key);
      findings.push({ ...finding, severity });
    }
  }
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
  return { score: fitScore(findings), findings };
}
