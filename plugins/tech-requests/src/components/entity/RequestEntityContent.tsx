import { InfoCard, Link, MarkdownContent } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import {
  ANNOTATION_REQUEST_ID,
  RequestStatus,
} from '@tech-requests/plugin-tech-requests-common';
import { requestRouteRef } from '../../routes';
import { StatusChip } from '../shared/StatusChip';
import { sameOriginImageUri } from '../format/markdown';

/** On a TechnologyRequest entity: the request's summary and the way to its page. */
export function RequestEntityContent() {
  const { entity } = useEntity();
  const requestLink = useRouteRef(requestRouteRef);
  const id = entity.metadata.annotations?.[ANNOTATION_REQUEST_ID];
  return (
    <InfoCard title={entity.metadata.title ?? entity.metadata.name}>
      <Box mb={2}>
        <StatusChip status={entity.spec?.status as RequestStatus} />
      </Box>
      <MarkdownContent
        content={entity.metadata.description ?? ''}
        transformImageUri={sameOriginImageUri}
      />
      {id && (
        <Box mt={2}>
          <Link to={requestLink({ id })}>
            Open the request, its reviews and its history
          </Link>
        </Box>
      )}
    </InfoCard>
  );
}
