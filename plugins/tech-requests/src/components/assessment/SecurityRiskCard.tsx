import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import DoneIcon from '@material-ui/icons/CheckCircle';
import MissingIcon from '@material-ui/icons/HourglassEmpty';
import {
  ReviewArea,
  RiskAssessment,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { WORDS } from '../format/words';
import { CorrectAnswersDialog } from './CorrectAnswersDialog';
import { FindingList } from './FindingList';

const useStyles = makeStyles(theme => ({
  low: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  medium: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  high: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  critical: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
  },
  reviews: { listStyle: 'none', margin: 0, padding: 0 },
  review: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
  },
  done: { color: theme.palette.success.dark },
  missing: { color: theme.palette.warning.dark },
}));

/** Each review the risk makes mandatory, and whether someone has added it yet. */
function MandatoryReviews(props: {
  mandatory: ReviewArea[];
  missing: ReviewArea[];
}) {
  const classes = useStyles();
  if (props.mandatory.length === 0) {
    return (
      <Typography variant="body2">
        None: at this risk no review is mandatory.
      </Typography>
    );
  }
  return (
    <ul
      className={classes.reviews}
      aria-label="Reviews required before a decision"
    >
      {props.mandatory.map(area => {
        const missing = props.missing.includes(area);
        return (
          <li key={area} className={classes.review}>
            {missing ? (
              <MissingIcon fontSize="small" className={classes.missing} />
            ) : (
              <DoneIcon fontSize="small" className={classes.done} />
            )}
            <Typography variant="body2">
              {WORDS.area[area]} review: {missing ? 'missing' : 'done'}
            </Typography>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The security risk tier read from the requester's answers, and what it asks for; reviewers
 * and deciders may correct the answers it rests on.
 */
export function SecurityRiskCard(props: {
  request: TechRequestView;
  risk: RiskAssessment;
  missingReviews: ReviewArea[];
  onUpdated: (request: TechRequestView) => void;
  onRefused: () => void;
}) {
  const { request, risk } = props;
  const classes = useStyles();
  const [correcting, setCorrecting] = useState(false);
  return (
    <InfoCard title="Security risk">
      <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
        <Chip
          label={`${WORDS.riskTier[risk.tier]} risk`}
          className={classes[risk.tier]}
        />
        <Typography variant="body2" color="textSecondary">
          {risk.points} {risk.points === 1 ? 'point' : 'points'}
        </Typography>
      </Box>
      <FindingList findings={risk.findings} label="Security findings" />
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          Reviews required before a decision
        </Typography>
        <MandatoryReviews
          mandatory={risk.mandatoryReviews}
          missing={props.missingReviews}
        />
      </Box>
      {request.allowedActions.includes('correct-answers') && (
        <Box mt={2}>
          <Button variant="outlined" onClick={() => setCorrecting(true)}>
            Correct the answers
          </Button>
        </Box>
      )}
      {correcting && (
        <CorrectAnswersDialog
          request={request}
          onClose={() => setCorrecting(false)}
          onUpdated={props.onUpdated}
          onRefused={props.onRefused}
        />
      )}
    </InfoCard>
  );
}
