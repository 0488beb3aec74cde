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
  actionWaitsFor,
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
import { ACTION_LABELS, DECISIONS, RunChange } from './actions';
import { decisionSentence, reviewsNamed } from '../format/words';
import { MissingReviewsNotice } from './MissingReviewsNotice';

/**
 * What can happen to the request now: its decision, the actions the viewer may take, the
 * reviews a decision still waits for, and its catalog entity. Its status is in the summary.
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
    (a): a is TransitionAction =>
      a in ACTION_LABELS &&
      // One way to drop a draft: deleting it, which leaves nothing behind.
      !(a === 'withdraw' && allowed.includes('delete')),
  );
  // Once decided, reviews that never came no longer hold anything back.
  const awaitingDecision = AWAITING_DECISION_STATUSES.includes(request.status);
  const missingReviews = request.assessment?.missingReviews ?? [];
  /** Whether the action must wait (a decision, for its mandatory reviews), as the backend says. */
  const waitsForReviews = (action: TransitionAction) =>
    actionWaitsFor(request, action) !== undefined;
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
      <ServiceLevelNote serviceLevel={request.serviceLevel} />
      {request.decision && (
        <Typography variant="body2" paragraph>
          {decisionSentence(request.decision)} {request.decision.rationale}
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
            disabled={waitsForReviews(action)}
            onClick={() => {
              if (DECISIONS.includes(action)) {
                props.onDecide(action);
                return;
              }
              const sure =
                action !== 'withdraw' ||
                // Withdrawing cannot be undone: reviewers stop, the request stays on record.
                // eslint-disable-next-line no-alert
                window.confirm(
                  'Withdraw this request? Reviewers stop working on it, and it cannot be reopened.',
                );
              if (sure) {
                act(() =>
                  api.transition(id, { action, version: request.version }),
                );
              }
            }}
          >
            {ACTION_LABELS[action]}
          </Button>
        ))}
      </Box>
      {transitions.some(waitsForReviews) && (
        <Typography variant="body2" color="textSecondary">
          A decision waits for the {reviewsNamed(missingReviews)}.
        </Typography>
      )}
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
