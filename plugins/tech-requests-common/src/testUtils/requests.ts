import { DEFAULT_REQUEST_DETAILS, TechRequest } from '../model';

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
    reuseCandidates: ['component:default/adobe-sign'],
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
