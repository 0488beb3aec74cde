import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Alert from '@material-ui/lab/Alert';
import {
  ReviewArea,
  ReviewRoutingResponse,
} from '@tech-requests/plugin-tech-requests-common';
import { Fragment } from 'react';
import { reviewGroupsOf } from '../hooks/useReviewRouting';

/**
 * Which mandatory reviews a decision still waits for, and who gives them. The decision buttons
 * stay: the backend refuses approve and reject until the reviews are in, and says so.
 */
export function MissingReviewsNotice(props: {
  missingReviews: ReviewArea[];
  /** When given, each review names the groups that give it. */
  routing?: ReviewRoutingResponse;
  /** Missing areas whose review was of an earlier version: said, so nobody wonders why. */
  staleAreas?: ReviewArea[];
}) {
  if (props.missingReviews.length === 0) {
    return null;
  }
  return (
    // A status, not an alert: it is known when the page opens and nothing went wrong.
    <Alert severity="info" role="status" aria-label="Reviews still needed">
      Still needed before a decision:{' '}
      {props.missingReviews.map((area, index) => {
        const groups = reviewGroupsOf(props.routing, area);
        return (
          <Fragment key={area}>
            {index > 0 && ', '}
            {area} review
            {props.staleAreas?.includes(area) &&
              ' again, as the one given was of an earlier version'}
            {groups.length > 0 && (
              <>
                {' (by '}
                <EntityRefLinks entityRefs={groups} defaultKind="group" />)
              </>
            )}
          </Fragment>
        );
      })}
    </Alert>
  );
}
