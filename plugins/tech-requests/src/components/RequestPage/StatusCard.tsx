import { InfoCard, Link } from '@backstage/core-components';
import { configApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  EntityRefLinks,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  AWAITING_DECISION_STATUSES,
  buildTemplatePath,
  decidedFulfilment,
  TechRequestView,
  TransitionAction,
} from '@tech-requests/plugin-tech-requests-common';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { rootRouteRef } from '../../routes';
import { ReviewRoutingResponse } from '@tech-requests/plugin-tech-requests-common';
import { ServiceLevelNote } from '../shared/ServiceLevelNote';
import { StatusChip } from '../shared/StatusChip';
import { ACTION_LABELS, DECISIONS, RunChange } from './actions';
import { MissingReviewsNotice } from './MissingReviewsNotice';

/**
 * Where the request stands: its status and decision, the actions the viewer may take now,
 * the reviews a decision still waits for, and its catalog entity.
 */
export function StatusCard(props: {
  request: TechRequestView;
  routing?: ReviewRoutingResponse;
  act: RunChange;
  /** Opens the dialog of a decision. */
  onDecide: (action: TransitionAction) => void;
}) {
  const { request, routing, act } = props;
  const id = request.id;
  const api = useApi(techRequestsApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const navigate = useNavigate();
  const listLink = useRouteRef(rootRouteRef);
  const allowed = request.allowedActions;
  const transitions = allowed.filter(
    (a): a is TransitionAction => a in ACTION_LABELS,
  );
  // Once decided, reviews that never came no longer hold anything back.
  const awaitingDecision = AWAITING_DECISION_STATUSES.includes(request.status);
  const buildTemplate = useApi(configApiRef).getOptionalString(
    'techRequests.delivery.buildTemplate',
  );
  const approved = request.decision?.outcome === 'approved';
  const servedBy = decidedFulfilment(request);
  const catalogLink = request.entityName
    ? entityRoute({
        kind: 'technologyrequest',
        namespace: 'default',
        name: request.entityName,
      })
    : undefined;
  return (
    <InfoCard title="Status">
      <Box mb={2}>
        <StatusChip status={request.status} />
      </Box>
      <ServiceLevelNote serviceLevel={request.serviceLevel} />
      {request.decision && (
        <Typography variant="body2" paragraph>
          {request.decision.outcome}
          {request.decision.path && ` — ${request.decision.path}`}
          {request.decision.vendor && ` (${request.decision.vendor})`}:{' '}
          {request.decision.rationale}
        </Typography>
      )}
      {servedBy && (
        <Typography variant="body2" paragraph>
          Served by <EntityRefLinks entityRefs={[servedBy]} />
        </Typography>
      )}
      {approved && request.decision?.path === 'build' && buildTemplate && (
        <Typography variant="body2" paragraph>
          <Link to={buildTemplatePath(buildTemplate, request)}>
            Start the build from its template
          </Link>{' '}
          (name, owner and description filled in from this request)
        </Typography>
      )}
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {allowed.includes('edit') && (
          <Button variant="outlined" component={RouterLink} to="edit">
            Edit
          </Button>
        )}
        {allowed.includes('delete') && (
          <Button
            variant="outlined"
            onClick={() => {
              const sure =
                // A plain confirmation is enough for the one irreversible action here.
                // eslint-disable-next-line no-alert
                window.confirm('Delete this draft? This cannot be undone.');
              if (sure) {
                act(async () => {
                  await api.deleteRequest(id);
                  navigate(listLink());
                });
              }
            }}
          >
            Delete draft
          </Button>
        )}
        {transitions.map(action => (
          <Button
            key={action}
            variant={DECISIONS.includes(action) ? 'contained' : 'outlined'}
            color="primary"
            onClick={() =>
              DECISIONS.includes(action)
                ? props.onDecide(action)
                : act(() =>
                    api.transition(id, {
                      action,
                      version: request.version,
                    }),
                  )
            }
          >
            {ACTION_LABELS[action]}
          </Button>
        ))}
      </Box>
      {awaitingDecision && (
        <Box mt={2}>
          <MissingReviewsNotice
            missingReviews={request.assessment?.missingReviews ?? []}
            staleAreas={request.assessment?.staleReviews?.map(
              review => review.area,
            )}
            routing={routing}
          />
        </Box>
      )}
      {catalogLink && (
        <Box mt={2}>
          <Link to={catalogLink}>See it in the catalog</Link>
        </Box>
      )}
    </InfoCard>
  );
}
