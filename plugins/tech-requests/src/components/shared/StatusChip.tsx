import Chip from '@material-ui/core/Chip';
import { RequestStatus } from '@tech-requests/plugin-tech-requests-common';

const COLORS: Record<RequestStatus, 'default' | 'primary' | 'secondary'> = {
  draft: 'default',
  submitted: 'primary',
  'in-review': 'primary',
  approved: 'secondary',
  rejected: 'default',
  deferred: 'default',
  'in-delivery': 'secondary',
  completed: 'secondary',
  withdrawn: 'default',
};

/** The status of a request, as a chip people can scan in a table. */
export function StatusChip(props: { status: RequestStatus }) {
  return (
    <Chip
      size="small"
      label={props.status}
      color={COLORS[props.status]}
      variant={
        props.status === 'draft' || props.status === 'withdrawn'
          ? 'outlined'
          : 'default'
      }
    />
  );
}
