import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { ServiceLevel } from '@tech-requests/plugin-tech-requests-common';
import { timeAgo } from '../format/time';
import { WORDS } from '../format/words';

/** A red chip for a request past the service-level target of its stage. */
export function OverdueChip(props: { serviceLevel?: ServiceLevel }) {
  if (!props.serviceLevel?.overdue) {
    return null;
  }
  return (
    <Chip
      size="small"
      label="overdue"
      style={{ marginLeft: 4 }}
      color="secondary"
      title={`Due ${new Date(props.serviceLevel.dueAt).toLocaleDateString('en-GB')}`}
    />
  );
}

/** When the current stage should be over, and whether it is late. */
export function ServiceLevelNote(props: { serviceLevel?: ServiceLevel }) {
  const level = props.serviceLevel;
  if (!level) {
    return null;
  }
  const stage = WORDS.status[level.stage];
  const since = timeAgo(level.since);
  const due = new Date(level.dueAt).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  return (
    <Typography
      variant="body2"
      color={level.overdue ? 'error' : 'textSecondary'}
      paragraph
    >
      {level.overdue
        ? `Overdue: ${stage.toLocaleLowerCase('en-US')} since ${since}, due ${due}`
        : `${stage} since ${since}; due ${due}`}
    </Typography>
  );
}
