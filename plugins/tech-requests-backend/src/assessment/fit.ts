import {
  Finding,
  FINDING_SEVERITIES,
  FindingSeverity,
  FitAssessment,
} from '@tech-requests/plugin-tech-requests-common';
import {
  catalogUnavailableFindings,
  duplicateFindings,
  factsLookup,
  integrationFindings,
  reuseFindings,
  vendorFindings,
} from './fitFindings';
import {
  FIT_RULES,
  FitContext,
  MAX_FIT_SCORE,
  PENALTIES,
  Standards,
} from './fitRules';

export * from './fitRules';

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
