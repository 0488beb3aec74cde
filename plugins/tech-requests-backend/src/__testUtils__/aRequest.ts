import { TechRequest } from '@tech-requests/plugin-tech-requests-common';
import { aTechRequest } from '@tech-requests/plugin-tech-requests-common/testUtils';

/** A submitted request that names nothing risky or costly; tests override what they need. */
export function aRequest(overrides: Partial<TechRequest> = {}): TechRequest {
  return aTechRequest({
    title: 'Sign contracts online',
    need: 'Customers sign contracts online.',
    requester: 'user:default/jane',
    status: 'submitted',
    dataClassification: 'public',
    hosting: 'on-premises',
    signIn: 'company-account',
    dataLocation: 'eu',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  });
}
