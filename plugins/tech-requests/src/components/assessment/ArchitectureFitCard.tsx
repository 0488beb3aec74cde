import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { FitAssessment } from '@tech-requests/plugin-tech-requests-common';
import { FindingList } from './FindingList';

const useStyles = makeStyles(theme => ({
  good: { color: theme.palette.success.dark },
  warning: { color: theme.palette.warning.dark },
  error: { color: theme.palette.error.dark },
}));

/** How a score reads: the colour alone would not tell everyone. */
export function ratingOf(score: number): {
  rating: 'good' | 'warning' | 'error';
  words: string;
} {
  if (score >= 80) return { rating: 'good', words: 'fits well' };
  if (score >= 50) return { rating: 'warning', words: 'fits with concerns' };
  return { rating: 'error', words: 'fits poorly' };
}

/** How well the request fits the architecture and standards, and which rules say so. */
export function ArchitectureFitCard(props: { fit: FitAssessment }) {
  const { fit } = props;
  const classes = useStyles();
  const { rating, words } = ratingOf(fit.score);
  return (
    <InfoCard title="Architecture fit">
      <Box display="flex" alignItems="baseline" mb={1} style={{ gap: 8 }}>
        <Typography variant="h4" component="p" className={classes[rating]}>
          {fit.score} / 100
        </Typography>
        <Typography variant="body2" className={classes[rating]}>
          {words}
        </Typography>
      </Box>
      <FindingList findings={fit.findings} label="Architecture findings" />
    </InfoCard>
  );
}
