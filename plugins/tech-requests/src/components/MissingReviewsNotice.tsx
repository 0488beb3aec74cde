import Alert from '@material-ui/lab/Alert';
import {
  ReviewArea,
  ReviewRoutingResponse,
} from '@tech-requests/plugin-tech-requests-common';
import { reviewersOf } from './useReviewRouting';

/**
 * Which mandatory reviews a decision still waits for. The decision buttons stay: the
 * backend refuses approve and reject until the reviews are in, and says so.
 */
export function MissingReviewsNotice(props: {
  missingReviews: ReviewArea[];
  /** When given, each review names the groups that give it. */
  routing?: ReviewRoutingResponse;
}) {
  if (props.missingReviews.length === 0) {
    return null;
  }
  return (
    // A status, not an alert: it is known when the page opens and nothing went wrong.
    <Alert severity="info" role="status">
      Still needed before a decision:{' '}
      {props.missingReviews
        .map(area => {
          const by = reviewersOf(props.routing, area);
          return by ? `${area} review (by ${by})` : `${area} review`;
        })
        .join(', ')}
    </Alert>
  );
}
