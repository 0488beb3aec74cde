import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { TechRequest } from '@tech-requests/plugin-tech-requests-common';
import {
  certificationLabel,
  DATA_LOCATION_LABELS,
  HOSTING_LABELS,
  inSentence,
  SIGN_IN_LABELS,
} from '../format/securityAnswers';
import { WORDS } from '../format/words';

/** Who will use it and roughly how many, as far as the requester said. */
function usedBy(request: TechRequest): string {
  const who = [
    request.audience && WORDS.audience[request.audience],
    request.expectedUsers !== undefined &&
      `about ${request.expectedUsers.toLocaleString('en-US')} people`,
  ].filter(Boolean);
  return who.join(', ') || '—';
}

/** What the requester told about the need: who, how many, by when, which data, which systems. */
export function FactsCard({ request }: { request: TechRequest }) {
  return (
    <InfoCard title="Facts">
      <StructuredMetadataTable
        metadata={{
          'Requesting group': (
            <EntityRefLinks
              entityRefs={[request.requestingGroup]}
              defaultKind="group"
            />
          ),
          Requester: (
            <EntityRefLinks
              entityRefs={[request.requester]}
              defaultKind="user"
            />
          ),
          'Business sponsor': request.businessSponsor ?? '—',
          'Used by': usedBy(request),
          'Needed by': request.wantedBy ?? '—',
          Budget: request.budgetRange?.max
            ? `${request.budgetRange.max} ${request.budgetRange.currency}`
            : '—',
          Capabilities: request.capabilities.join(', ') || '—',
          'Kind of information':
            WORDS.dataClassification[request.dataClassification],
          'Information about people': request.handlesPersonalData
            ? 'Yes'
            : 'No',
          'Who runs it': inSentence(HOSTING_LABELS[request.hosting]),
          'Sign in': inSentence(SIGN_IN_LABELS[request.signIn]),
          'Data stored': inSentence(DATA_LOCATION_LABELS[request.dataLocation]),
          'Vendor certifications':
            request.vendorCertifications.map(certificationLabel).join(', ') ||
            '—',
          'Preferred way': WORDS.preferredPath[request.preferredPath],
          'Works with': request.integrations.length ? (
            <EntityRefLinks entityRefs={request.integrations} />
          ) : (
            '—'
          ),
          Vendors: request.vendorCandidates.map(v => v.name).join(', ') || '—',
        }}
      />
    </InfoCard>
  );
}
