import { Entity, EntityRelation } from '@backstage/catalog-model';
import {
  ANNOTATION_REQUEST_ID,
  HistoryEntry,
  RequestAssessment,
  RequestComment,
  RequestReview,
  TechRequest,
  ReviewRoutingResponse,
  ReuseSuggestion,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import {
  aComponentEntity,
  aTechRequest,
} from '@tech-requests/plugin-tech-requests-common/testUtils';

/** Where discovery points the client in the tests. */
export const BACKEND_URL = 'http://localhost:7007';
/** The tech-requests backend as the client reaches it. */
export const BASE_URL = `${BACKEND_URL}/api/tech-requests`;

const hoursAgo = (hours: number) =>
  new Date(Date.now() - hours * 3600 * 1000).toISOString();

/** A request as the list returns it. */
export function aRequest(overrides: Partial<TechRequest> = {}): TechRequest {
  return aTechRequest({
    id: 42,
    title: 'Online contract signing',
    need: 'Legal prints, signs and scans **40 contracts** a month.',
    businessSponsor: 'Head of Legal',
    expectedUsers: 40,
    wantedBy: '2031-03-01',
    budgetRange: { max: 20000, currency: 'EUR' },
    capabilities: ['e-signature', 'reminders'],
    integrations: ['system:default/crm'],
    namedReuseCandidates: ['component:default/esign-gateway'],
    dataClassification: 'confidential',
    handlesPersonalData: true,
    vendorCandidates: [{ name: 'DocuSign', url: 'https://www.docusign.com' }],
    preferredPath: 'buy',
    status: 'in-review',
    createdAt: hoursAgo(72),
    updatedAt: hoursAgo(5),
    submittedAt: hoursAgo(70),
    version: 3,
    entityName: 'tr-42-online-contract-signing',
    ...overrides,
  });
}

/**
 * An assessment of the request above: a fit with concerns, a high risk whose security
 * review is in (see REVIEWS) and whose privacy review is not, and all three paths costed
 * over three years for 40 users at 800 EUR a day and 4000 EUR a person-week.
 */
export function anAssessment(
  overrides: Partial<RequestAssessment> = {},
): RequestAssessment {
  return {
    version: 2,
    computedAt: hoursAgo(5),
    fit: {
      score: 65,
      findings: [
        {
          ruleId: 'vendor-in-trial',
          severity: 'info',
          message: 'DocuSign is in trial in the Tech Radar: expect conditions',
          evidence: ['techRequests.standards.radar.entries[0]'],
        },
        {
          ruleId: 'integration-without-api',
          severity: 'warning',
          message:
            'CRM offers no API in the catalog: integrations go through registered APIs',
          evidence: ['system:default/crm'],
        },
      ],
    },
    risk: {
      tier: 'high',
      points: 7,
      findings: [
        {
          ruleId: 'confidential-data',
          severity: 'warning',
          message: 'Confidential data: +3 points',
          evidence: ['dataClassification'],
        },
        {
          ruleId: 'personal-data',
          severity: 'warning',
          message: 'Personal data: +4 points',
          evidence: ['handlesPersonalData'],
        },
      ],
      mandatoryReviews: ['security', 'privacy'],
    },
    cost: {
      currency: 'EUR',
      horizonYears: 3,
      users: 40,
      paths: [
        {
          path: 'reuse',
          perYear: [6400, 2400, 2400],
          total: 11200,
          perUserPerMonth: 7.78,
          assumptions: [
            'Onboarding of 5 person-days at 800 EUR a day, default of techRequests.cost.defaults.reuseOnboardingDays',
            'Charge-back of 5 EUR per user and month from tech-requests.io/cost-per-user-month of component:default/esign-gateway',
            "40 users, the request's expected users",
          ],
        },
        {
          path: 'buy',
          perYear: [23760, 5760, 5760],
          total: 35280,
          perUserPerMonth: 24.5,
          assumptions: [
            'Licence of 12 EUR per user and month, from the cost inputs',
            "40 users, the request's expected users",
            'Implementation of 10000 EUR, default of techRequests.cost.defaults.buyImplementationCost',
            'Integration of 10 person-days at 800 EUR a day, default of techRequests.cost.defaults.buyIntegrationDays',
          ],
        },
        {
          path: 'build',
          perYear: [54000, 13200, 13200],
          total: 80400,
          perUserPerMonth: 55.83,
          assumptions: [
            'Build effort of 12 person-weeks at 4000 EUR a week, default of techRequests.cost.defaults.buildEffortPersonWeeks',
            'Hosting and operations of 6000 EUR a year, default of techRequests.cost.defaults.buildRunCostPerYear',
            'Maintenance of 15% of the build cost a year after the first, default of techRequests.cost.defaults.buildMaintenanceShare',
          ],
        },
      ],
      cheapest: 'reuse',
      reuseSavingOverBuy: 24080,
    },
    missingReviews: ['privacy'],
    ...overrides,
  };
}

/** Security and privacy reviews routed to their offices; the other areas open to every reviewer. */
export const ROUTING: ReviewRoutingResponse = {
  areas: [
    { area: 'architecture', groups: [] },
    { area: 'security', groups: ['group:default/security-office'] },
    { area: 'privacy', groups: ['group:default/privacy-office'] },
    { area: 'finance', groups: [] },
    { area: 'portfolio', groups: [] },
  ],
  deciderGroups: ['group:default/portfolio-board'],
};

/** A request as one person sees it, with what they may do. */
export function aRequestView(
  overrides: Partial<TechRequestView> = {},
): TechRequestView {
  return {
    ...aRequest(),
    allowedActions: ['comment'],
    reviewableAreas: [],
    ...overrides,
  };
}

export const HISTORY: HistoryEntry[] = [
  {
    id: 1,
    requestId: 42,
    actor: 'user:default/jane.doe',
    action: 'create',
    at: hoursAgo(72),
    changes: {},
  },
  {
    id: 2,
    requestId: 42,
    actor: 'user:default/jane.doe',
    action: 'submit',
    at: hoursAgo(70),
    changes: {},
  },
  {
    id: 3,
    requestId: 42,
    actor: 'user:default/ivan.it',
    action: 'start-review',
    at: hoursAgo(48),
    changes: {},
    note: 'Checking what we already run',
  },
];

export const REVIEWS: RequestReview[] = [
  {
    id: 7,
    requestId: 42,
    reviewer: 'user:default/sam.sec',
    area: 'security',
    verdict: 'concerns',
    comment: 'Needs SSO and an EU data centre',
    createdAt: hoursAgo(24),
    requestVersion: 2,
    changedSince: [],
  },
];

export const COMMENTS: RequestComment[] = [
  {
    id: 9,
    requestId: 42,
    author: 'user:default/bob',
    body: 'Sales would use it too',
    createdAt: hoursAgo(10),
  },
];

/** The body Backstage's error handler answers with. */
export function errorBody(name: string, message: string, statusCode: number) {
  return {
    error: { name, message },
    request: { method: 'GET', url: '/api/tech-requests/requests' },
    response: { statusCode },
  };
}

/** A TechnologyRequest entity as the catalog module writes it. */
export function aRequestEntity(
  name: string,
  options: {
    title?: string;
    status?: string;
    id?: string;
    description?: string;
  } = {},
): Entity {
  return {
    apiVersion: 'tech-requests.io/v1alpha1',
    kind: 'TechnologyRequest',
    metadata: {
      name,
      namespace: 'default',
      ...(options.title && { title: options.title }),
      ...(options.description && { description: options.description }),
      annotations: options.id ? { [ANNOTATION_REQUEST_ID]: options.id } : {},
    },
    spec: {
      status: options.status ?? 'submitted',
      owner: 'group:default/legal',
      requester: 'user:default/jane.doe',
    },
  };
}

/** The e-signature gateway IT runs, as the catalog holds it, with the relations a test gives it. */
export function aGatewayEntity(relations: EntityRelation[] = []): Entity {
  const entity = aComponentEntity('esign-gateway');
  return {
    ...entity,
    metadata: { ...entity.metadata, namespace: 'default' },
    spec: { ...entity.spec, owner: 'group:default/it' },
    relations,
  };
}

/** The gateway as the reuse engine suggests it for a signing need. */
export function aGatewaySuggestion(
  overrides: Partial<ReuseSuggestion> = {},
): ReuseSuggestion {
  return {
    entityRef: 'component:default/esign-gateway',
    kind: 'Component',
    title: 'E-sign gateway',
    owner: 'group:default/it',
    lifecycle: 'production',
    score: 0.82,
    reasons: ['offers e-signature'],
    ...overrides,
  };
}
