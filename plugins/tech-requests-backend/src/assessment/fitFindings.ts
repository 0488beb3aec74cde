import { parseEntityRef } from '@backstage/catalog-model';
import {
  confirmedReuseCandidates,
  Finding,
  SimilarRequest,
  statusInSentence,
  TechRequest,
  UNSETTLED_STATUSES,
} from '@tech-requests/plugin-tech-requests-common';
import {
  CATALOG_UNAVAILABLE_RULE,
  CatalogFacts,
  RadarEntry,
  RING_STRICTNESS,
} from './fitRules';

/** What each rule of the architecture fit finds in a request, before severities are applied. */

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
export function factsLookup(
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

/**
 * An entity as a sentence names it: its title, or else the name in its ref. The ref itself is
 * in the finding's evidence, so a reviewer can still follow it, and a requester reads no ids.
 */
function displayName(facts: CatalogFacts): string {
  return facts.title ?? nameInRef(facts.entityRef);
}

function nameInRef(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/**
 * The path the request is heading for: the decision's when it set one, otherwise the
 * requester's preference (a deferred decision has no path, and the preference still stands).
 */
function headsFor(request: TechRequest): string {
  return request.decision?.path ?? request.preferredPath;
}

export type RawFinding = Omit<Finding, 'severity'>;

export function vendorFindings(
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

export function integrationFindings(
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
        message: `${nameInRef(ref)} is not in the catalog: an integration target should be registered`,
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

export function duplicateFindings(
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
        similar.requestingGroup.toLocaleLowerCase('en-US') !== group,
    )
    .map(similar => ({
      ruleId: 'duplicate-request',
      message: `Request #${similar.id} "${similar.title}" of ${nameInRef(similar.requestingGroup)} asks for much the same and is still ${statusInSentence(similar.status)}: consider joining forces`,
      evidence: [similar.entityRef ?? `tech-requests:request/${similar.id}`],
    }));
}

export function reuseFindings(
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

/** Without the catalog, the entities a request names wait to be judged: a reviewer is told. */
export function catalogUnavailableFindings(request: TechRequest): RawFinding[] {
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
