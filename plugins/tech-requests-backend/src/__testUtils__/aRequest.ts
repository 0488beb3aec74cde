import { TechRequest } from '@tech-requests/plugin-tech-requests-common';

/** A submitted request that names nothing risky or costly; tests override what they need. */
export function aRequest(overrides: Partial<TechRequest> = {}): TechRequest {
  return {
    id: 1,
    title: 'Sign contracts online',
    need: 'Customers sign contracts online.',
    requester: 'user:default/jane',
    requestingGroup: 'group:default/legal',
    status: 'submitted',
    capabilities: [],
    integrations: [],
    reuseCandidates: [],
    dataClassification: 'public',
    handlesPersonalData: false,
    hosting: 'on-premises',
    signIn: 'company-account',
    dataLocation: 'eu',
    vendorCertifications: [],
    vendorCandidates: [],
    preferredPath: 'unsure',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    version: 1,
    reuseSuggestions: [],
    ...overrides,
  };
}
