import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_REQUEST_DETAILS,
  RequestDetails,
  SecurityAnswers,
  TechRequest,
} from '../model';

/**
 * A draft with every required field and nothing optional, as filed by Jane of Legal; tests
 * override what they are about.
 *
 * @public
 */
export function aTechRequest(
  overrides: Partial<TechRequest> = {},
): TechRequest {
  return {
    id: 1,
    title: 'Online contract signing',
    need: 'Legal wants clients to sign engagement letters online.',
    requestingGroup: 'group:default/legal',
    requester: 'user:default/jane.doe',
    ...DEFAULT_REQUEST_DETAILS,
    reuseSuggestions: [],
    status: 'draft',
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/**
 * Details with every field filled in, as a careful requester files them; tests override what
 * they are about.
 *
 * @public
 */
export function fullRequestDetails(
  overrides: Partial<RequestDetails> = {},
): RequestDetails {
  return {
    title: 'Online contract signing',
    need: 'Legal wants clients to sign engagement letters online.',
    requestingGroup: 'group:default/legal',
    businessSponsor: 'Ana Ruiz, General Counsel',
    audience: 'customers',
    expectedUsers: 40,
    wantedBy: '2027-06-30',
    budgetRange: { min: 5000, max: 20000, currency: 'EUR' },
    capabilities: ['e-signature'],
    integrations: ['system:default/crm', 'api:default/document-store'],
    namedReuseCandidates: ['component:default/esign-gateway'],
    dataClassification: 'confidential',
    handlesPersonalData: true,
    hosting: 'vendor-cloud',
    signIn: 'company-account',
    dataLocation: 'eu',
    vendorCertifications: ['iso27001'],
    vendorCandidates: [
      {
        name: 'DocuSign',
        url: 'https://www.docusign.com',
        quotedCost: { amount: 30, currency: 'EUR', period: 'per-user-monthly' },
      },
    ],
    preferredPath: 'buy',
    ...overrides,
  };
}

/**
 * Request 42, approved for reuse of the DocuSign gateway that reviewers confirmed, with
 * integrations and a dismissed candidate: every field its catalog entity and relations
 * are made from.
 *
 * @public
 */
export function anApprovedReuseRequest(
  overrides: Partial<TechRequest> = {},
): TechRequest {
  return aTechRequest({
    id: 42,
    title: 'E-signature for contracts',
    need: 'Legal signs around 4,000 contracts a year on paper.',
    capabilities: ['e-signature'],
    integrations: ['system:default/contracts', 'api:default/contracts-api'],
    namedReuseCandidates: ['component:default/adobe-sign'],
    reuseSuggestions: [
      {
        entityRef: 'component:default/docusign-gateway',
        origin: 'engine',
        state: 'confirmed',
        score: 0.8,
        reasons: ['Provides E-signature'],
        assessedBy: 'user:default/rob.reviewer',
        assessedAt: '2025-05-20T10:00:00.000Z',
      },
      {
        entityRef: 'component:default/adobe-sign',
        origin: 'requester',
        state: 'dismissed',
        reasons: [],
      },
    ],
    dataClassification: 'confidential',
    handlesPersonalData: true,
    preferredPath: 'reuse',
    requester: 'user:default/rita.requester',
    status: 'approved',
    decision: {
      outcome: 'approved',
      path: 'reuse',
      targetEntityRef: 'component:default/docusign-gateway',
      rationale: 'The gateway already serves procurement.',
      decidedBy: 'user:default/rob.reviewer',
      decidedAt: '2025-06-01T10:00:00.000Z',
    },
    createdAt: '2025-05-01T09:00:00.000Z',
    updatedAt: '2025-06-01T10:00:00.000Z',
    submittedAt: '2025-05-02T09:00:00.000Z',
    version: 3,
    entityName: 'tr-42-e-signature-for-contracts',
    ...overrides,
  });
}

/**
 * The answers to the data and security questions of a requester who checked with the vendor:
 * personal data, in the vendor's cloud, with company sign-in, kept in the EU, certified.
 *
 * @public
 */
export const CHECKED_SECURITY_ANSWERS: Omit<
  SecurityAnswers,
  'dataClassification'
> = {
  handlesPersonalData: true,
  hosting: 'vendor-cloud',
  signIn: 'company-account',
  dataLocation: 'eu',
  vendorCertifications: ['soc2', 'iso27001'],
};

/**
 * An entity of another kind than TechnologyRequest: a component of the catalog.
 *
 * @public
 */
export function aComponentEntity(name = 'docusign-gateway'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/legal',
    },
  };
}
