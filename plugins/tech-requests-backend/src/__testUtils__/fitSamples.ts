import {
  RequestDecision,
  ReuseCandidate,
  SimilarRequest,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { aRequest } from './aRequest';
import {
  assessFit,
  CatalogFacts,
  FitRuleSetting,
  RadarEntry,
} from '../assessment/fit';

export const RADAR: RadarEntry[] = [
  {
    name: 'DocuSign',
    ring: 'hold',
    aliases: ['DocuSign eSignature'],
    source: 'techRequests.standards.radar',
  },
  { name: 'Adobe Sign', ring: 'trial', source: 'radar.json' },
  { name: 'Yousign', ring: 'assess', source: 'radar.json' },
  {
    name: 'Zoom',
    ring: 'adopt',
    aliases: ['Zoom Video'],
    source: 'https://radar.example.com',
  },
];
export const ALL_SOURCES = [
  'techRequests.standards.radar',
  'radar.json',
  'https://radar.example.com',
];

export function facts(
  entityRef: string,
  fields: Partial<CatalogFacts> = {},
): CatalogFacts {
  return {
    entityRef,
    kind: entityRef.split(':')[0],
    lifecycle: 'production',
    offersApi: true,
    ...fields,
  };
}

export const ENTITIES = [
  facts('component:default/crm', { kind: 'Component', title: 'CRM' }),
  facts('component:default/legacy-crm', {
    kind: 'Component',
    offersApi: false,
  }),
  facts('system:default/erp', { kind: 'System', offersApi: false }),
  facts('api:default/crm-api', { kind: 'API', offersApi: false }),
  facts('resource:default/bucket', { kind: 'Resource', offersApi: false }),
  facts('component:default/old-mailer', {
    kind: 'Component',
    lifecycle: 'deprecated',
  }),
  facts('system:default/mainframe', {
    kind: 'System',
    lifecycle: 'deprecated',
  }),
  facts('component:default/esign-gateway', { title: 'E-sign gateway' }),
  facts('component:default/beta-sign', { lifecycle: 'experimental' }),
  facts('component:default/old-sign', { lifecycle: 'deprecated' }),
  facts('component:default/unlabelled', { lifecycle: undefined }),
];

export interface Extras {
  entities?: CatalogFacts[];
  similarRequests?: SimilarRequest[];
  rules?: Record<string, FitRuleSetting>;
  radar?: RadarEntry[];
}

export function fit(overrides: Partial<TechRequest>, extras: Extras = {}) {
  const entities = extras.entities ?? ENTITIES;
  return assessFit({
    request: aRequest(overrides),
    entities: new Map(entities.map(entity => [entity.entityRef, entity])),
    similarRequests: extras.similarRequests ?? [],
    standards: { radar: extras.radar ?? RADAR, rules: extras.rules ?? {} },
  });
}

/** ruleId, severity and evidence of each finding, in order. */
export function summary(overrides: Partial<TechRequest>, extras: Extras = {}) {
  return fit(overrides, extras).findings.map(finding => [
    finding.ruleId,
    finding.severity,
    finding.evidence,
  ]);
}

export const vendors = (...names: string[]) => ({
  vendorCandidates: names.map(name => ({ name })),
});

export function decision(fields: Partial<RequestDecision>): RequestDecision {
  return {
    outcome: 'approved',
    rationale: 'Fits',
    decidedBy: 'user:default/boss',
    decidedAt: '2025-02-01T00:00:00Z',
    ...fields,
  };
}

export function candidate(
  entityRef: string,
  state: ReuseCandidate['state'] = 'confirmed',
): ReuseCandidate {
  return { entityRef, origin: 'engine', state, reasons: [] };
}

export function similar(fields: Partial<SimilarRequest> = {}): SimilarRequest {
  return {
    id: 7,
    title: 'E-signature',
    status: 'in-review',
    requestingGroup: 'group:default/sales',
    entityRef: 'technologyrequest:default/tr-7-e-signature',
    score: 0.5,
    reasons: [],
    ...fields,
  };
}
