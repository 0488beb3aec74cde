import Alert from '@material-ui/lab/Alert';
import { ReviewArea } from '@tech-requests/plugin-tech-requests-common';

/**
 * Which mandatory reviews a decision still waits for. The decision buttons stay: the
 * backend refuses approve and reject until the reviews are in, and says so.
 */
export function MissingReviewsNotice(props: { missingReviews: ReviewArea[] }) {
  if (props.missingReviews.length === 0) {
    return null;
  }
  return (
    // A status, not an alert: it is known when the page opens and nothing went wrong.
    <Alert severity="info" role="status">
      Still needed before a decision:{' '}
      {props.missingReviews.map(area => `${area} review`).join(', ')}
    </Alert>
  );
}
