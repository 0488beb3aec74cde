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
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
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
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { newRequestRouteRef, requestRouteRef } from '../../routes';
import { StatusChip } from '../shared/StatusChip';

/**
 * Whether an approved request is behind this entity, as the delivery gate sees it: a warning
 * with the way to file one when none is, a line naming it when one is, nothing when the
 * entity needs none (or the gate cannot be asked: the card is about the requests).
 */
function GateStanding(props: { entityRef: string }) {
  const api = useApi(techRequestsApiRef);
  const requestLink = useRouteRef(requestRouteRef);
  const newRequestLink = useRouteRef(newRequestRouteRef);
  const standing = useAsync(
    () => api.checkGate({ entityRef: props.entityRef }),
    [api, props.entityRef],
  );
  const answer = standing.value;
  if (!answer) {
    return null;
  }
  if (answer.verdict === 'covered' && answer.request) {
    return (
      <Typography variant="body2" paragraph>
        Built under{' '}
        <Link to={requestLink({ id: String(answer.request.id) })}>
          request {answer.request.id}: {answer.request.title}
        </Link>
        .
      </Typography>
    );
  }
  if (answer.verdict !== 'refused') {
    return null;
  }
  return (
    <Box mb={2}>
      <Alert
        severity={answer.allowed ? 'info' : 'warning'}
        action={
          answer.request ? (
            <Button
              component={RouterLink}
              to={requestLink({ id: String(answer.request.id) })}
              size="small"
            >
              Open request
            </Button>
          ) : (
            <Button component={RouterLink} to={newRequestLink()} size="small">
              File a request
            </Button>
          )
        }
      >
        <AlertTitle>No approved request is behind this</AlertTitle>
        {answer.reason}
      </Alert>
    </Box>
  );
}

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
      <GateStanding entityRef={stringifyEntityRef(entity)} />
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
