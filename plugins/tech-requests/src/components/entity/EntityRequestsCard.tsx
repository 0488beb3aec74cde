import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityRefLinks,
  useEntity,
} from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_REQUEST_ID,
  RELATION_FULFILLS,
  RELATION_INTEGRATION_OF,
  RELATION_REUSE_CANDIDATE_OF,
  RELATION_REUSED_BY,
  RequestStatus,
} from '@tech-requests/plugin-tech-requests-common';
import useAsync from 'react-use/esm/useAsync';
import { requestRouteRef } from '../../routes';
import { StatusChip } from '../shared/StatusChip';

const ROLES: Record<string, string> = {
  [RELATION_FULFILLS]: 'serves it',
  [RELATION_REUSE_CANDIDATE_OF]: 'could be reused',
  [RELATION_INTEGRATION_OF]: 'must integrate',
};

/**
 * The teams that reuse this entity through approved requests, and the requests that name it as
 * a reuse candidate, an integration or their fulfilment.
 */
export function EntityRequestsCard() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const requestLink = useRouteRef(requestRouteRef);

  const related = (entity.relations ?? []).filter(
    r =>
      r.type in ROLES &&
      parseEntityRef(r.targetRef).kind === 'technologyrequest',
  );
  const requests = useAsync(async () => {
    const refs = [...new Set(related.map(r => r.targetRef))];
    if (!refs.length) {
      return [];
    }
    const { items } = await catalogApi.getEntitiesByRefs({ entityRefs: refs });
    return items.filter((item): item is Entity => Boolean(item));
  }, [catalogApi, entity]);

  let body;
  if (requests.loading) {
    body = <Progress />;
  } else if (requests.error) {
    body = <ResponseErrorPanel error={requests.error} />;
  } else if (!requests.value?.length) {
    body = (
      <Typography variant="body2">
        No technology request names this {entity.kind.toLowerCase()}.
      </Typography>
    );
  } else {
    body = (
      <List dense aria-label="Technology requests">
        {requests.value.map(request => {
          const ref = stringifyEntityRef(request);
          const roles = related
            .filter(r => r.targetRef === ref)
            .map(r => ROLES[r.type]);
          const id = request.metadata.annotations?.[ANNOTATION_REQUEST_ID];
          return (
            <ListItem key={ref}>
              <ListItemText
                primary={
                  id ? (
                    <Link to={requestLink({ id })}>
                      {request.metadata.title ?? request.metadata.name}
                    </Link>
                  ) : (
                    (request.metadata.title ?? request.metadata.name)
                  )
                }
                secondary={roles.join(', ')}
              />
              <StatusChip status={request.spec?.status as RequestStatus} />
            </ListItem>
          );
        })}
      </List>
    );
  }
  const reusers = (entity.relations ?? [])
    .filter(r => r.type === RELATION_REUSED_BY)
    .map(r => r.targetRef);
  return (
    <InfoCard title="Technology requests">
      {reusers.length > 0 && (
        <Typography variant="body2" paragraph>
          Reused by{' '}
          {reusers.length === 1 ? '1 team' : `${reusers.length} teams`} through
          approved requests:{' '}
          <EntityRefLinks entityRefs={reusers} defaultKind="group" />
        </Typography>
      )}
      {body}
    </InfoCard>
  );
}
