import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  ReuseCandidate,
  ReuseCandidateState,
} from '@tech-requests/plugin-tech-requests-common';
import { nameInRef } from '../format/names';
import { WORDS } from '../format/words';
import { PersonName } from '../shared/EntityName';
import { timeAgo } from '../format/time';

const useStyles = makeStyles(theme => ({
  dismissed: { opacity: 0.6 },
  confirmed: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  reasons: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
}));

/** What a candidate is called on the page: its title, or the name in its ref when it has none. */
export const candidateName = (candidate: ReuseCandidate) =>
  candidate.title ?? nameInRef(candidate.entityRef);

/**
 * One reuse candidate of a request: what it is, where it came from, what reviewers made of
 * it and, for those who may assess it, the buttons to confirm or dismiss it.
 */
export function ReuseCandidateItem(props: {
  candidate: ReuseCandidate;
  /** Absent when the viewer may not assess candidates. */
  onAssess?: (state: ReuseCandidateState) => void;
}) {
  const { candidate, onAssess } = props;
  const classes = useStyles();
  const dismissed = candidate.state === 'dismissed';
  return (
    <Box
      component="article"
      aria-label={candidateName(candidate)}
      py={1}
      className={dismissed ? classes.dismissed : undefined}
    >
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="subtitle1" component="h3">
          <EntityRefLink entityRef={candidate.entityRef}>
            {candidateName(candidate)}
          </EntityRefLink>
        </Typography>
        <Chip
          size="small"
          label={WORDS.candidateState[candidate.state]}
          variant={dismissed ? 'outlined' : 'default'}
          className={
            candidate.state === 'confirmed' ? classes.confirmed : undefined
          }
        />
      </Box>
      <Typography variant="body2" color="textSecondary">
        {WORDS.candidateOrigin[candidate.origin]}
        {/* Catalog kinds and match scores help reviewers weigh a candidate; to a requester they are noise. */}
        {onAssess && candidate.kind && ` · ${candidate.kind}`}
        {onAssess &&
          candidate.score !== undefined &&
          ` · match ${candidate.score.toFixed(2)}`}
      </Typography>
      {candidate.assessedBy && (
        <Typography variant="body2">
          {WORDS.candidateState[candidate.state]} by{' '}
          <PersonName entityRef={candidate.assessedBy} />
          {candidate.assessedAt && ` ${timeAgo(candidate.assessedAt)}`}
          {candidate.note && ` — ${candidate.note}`}
        </Typography>
      )}
      {!candidate.assessedBy && candidate.note && (
        <Typography variant="body2">{candidate.note}</Typography>
      )}
      {candidate.reasons.length > 0 && (
        // Folded: the reasons back up the score, most readers only need the verdict.
        <details>
          <summary>
            <Typography variant="body2" component="span">
              Why it might fit ({candidate.reasons.length})
            </Typography>
          </summary>
          <ul className={classes.reasons}>
            {candidate.reasons.map(reason => (
              <Typography key={reason} component="li" variant="body2">
                {reason}
              </Typography>
            ))}
          </ul>
        </details>
      )}
      {onAssess && (
        <Box mt={0.5}>
          {candidate.state !== 'confirmed' && (
            <Button
              size="small"
              color="primary"
              onClick={() => onAssess('confirmed')}
            >
              Confirm
            </Button>
          )}
          {candidate.state !== 'dismissed' && (
            <Button size="small" onClick={() => onAssess('dismissed')}>
              Dismiss
            </Button>
          )}
        </Box>
      )}
    </Box>
  );
}
