import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  RequestAssessment,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { ArchitectureFitCard } from './ArchitectureFitCard';
import { CostCard } from './CostCard';
import { SecurityRiskCard } from './SecurityRiskCard';
import { timeAgo } from '../format/time';

/**
 * The request's assessment: how it fits the architecture, its security risk, and what
 * reuse, buy and build would cost. Shown once there is one (drafts have none).
 */
export function AssessmentPanel(props: {
  request: TechRequestView;
  assessment: RequestAssessment;
  /** Called with the request as the backend answered after its cost inputs or answers changed. */
  onUpdated: (request: TechRequestView) => void;
  /** Called when the backend refused a change, so the page reads the request again. */
  onRefused: () => void;
}) {
  const { request, assessment } = props;
  return (
    <Box component="section" aria-label="Assessment">
      <Box display="flex" alignItems="baseline" mb={1} style={{ gap: 8 }}>
        <Typography variant="h5" component="h2">
          Assessment
        </Typography>
        <Typography variant="body2" color="textSecondary">
          computed {timeAgo(assessment.computedAt)}
        </Typography>
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <ArchitectureFitCard fit={assessment.fit} />
        </Grid>
        <Grid item xs={12} md={6}>
          <SecurityRiskCard
            request={request}
            risk={assessment.risk}
            missingReviews={assessment.missingReviews}
            onUpdated={props.onUpdated}
            onRefused={props.onRefused}
          />
        </Grid>
        <Grid item xs={12}>
          <CostCard
            request={request}
            cost={assessment.cost}
            onUpdated={props.onUpdated}
            onRefused={props.onRefused}
          />
        </Grid>
      </Grid>
    </Box>
  );
}
