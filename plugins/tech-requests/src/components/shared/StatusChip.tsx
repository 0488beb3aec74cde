import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { RequestStatus } from '@tech-requests/plugin-tech-requests-common';
import { WORDS } from '../format/words';

/** How each status reads at a glance: waiting in blue, going ahead in green, stopped in grey. */
const TONES: Record<RequestStatus, 'waiting' | 'ahead' | 'stopped'> = {
  draft: 'stopped',
  submitted: 'waiting',
  'in-review': 'waiting',
  approved: 'ahead',
  rejected: 'stopped',
  deferred: 'stopped',
  'in-delivery': 'ahead',
  completed: 'ahead',
  withdrawn: 'stopped',
};

const useStyles = makeStyles(theme => ({
  ahead: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
}));

/** The status of a request, in words, as a chip people can scan in a table. */
export function StatusChip(props: { status: RequestStatus }) {
  const classes = useStyles();
  const tone = TONES[props.status];
  return (
    <Chip
      size="small"
      label={WORDS.status[props.status]}
      color={tone === 'waiting' ? 'primary' : 'default'}
      className={tone === 'ahead' ? classes.ahead : undefined}
      variant={
        props.status === 'draft' || props.status === 'withdrawn'
          ? 'outlined'
          : 'default'
      }
    />
  );
}
