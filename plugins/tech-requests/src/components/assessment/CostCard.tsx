import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  CostAssessment,
  DecisionPath,
  DECISION_PATHS,
  PathCost,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { CostChart } from './CostChart';
import { CostInputsForm, CostInputsSummary } from './CostInputsForm';
import { CostTable } from './CostTable';
import { formatMoney } from '../format/money';

/** Why a path has no figures: the cost model leaves out what it cannot price. */
const NOT_COSTED: Record<DecisionPath, string> = {
  reuse: 'Reuse is not costed: it needs a confirmed reuse candidate.',
  buy: "Buy is not costed: it needs a price, from a vendor's quote or a licence, subscription or implementation cost among the cost inputs.",
  build: 'Build is not costed.',
};

const useStyles = makeStyles(theme => ({
  assumptions: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
}));

/** How one path's figures were reached, folded: most readers only need the totals. */
function Assumptions(props: { pathCost: PathCost }) {
  const classes = useStyles();
  const { pathCost } = props;
  if (pathCost.assumptions.length === 0) return null;
  return (
    <details>
      <summary>
        <Typography variant="body2" component="span">
          How the {pathCost.path} figures were reached (
          {pathCost.assumptions.length})
        </Typography>
      </summary>
      <ul className={classes.assumptions}>
        {pathCost.assumptions.map(assumption => (
          <Typography key={assumption} component="li" variant="body2">
            {assumption}
          </Typography>
        ))}
      </ul>
    </details>
  );
}

/** What reuse saves over buying, or what it costs more. */
function savingSentence(cost: CostAssessment): string | undefined {
  const saving = cost.reuseSavingOverBuy;
  if (saving === undefined) return undefined;
  return saving >= 0
    ? `Reuse saves ${formatMoney(saving, cost.currency)} over buying.`
    : `Reuse costs ${formatMoney(-saving, cost.currency)} more than buying.`;
}

/**
 * Reuse, buy and build side by side over the horizon, with how each figure was reached,
 * and the inputs behind them: editable for reviewers and deciders, read-only for others.
 */
export function CostCard(props: {
  request: TechRequestView;
  cost: CostAssessment;
  onUpdated: (request: TechRequestView) => void;
  onRefused: () => void;
}) {
  const { request, cost } = props;
  const costed = new Set(cost.paths.map(p => p.path));
  const notCosted = DECISION_PATHS.filter(path => !costed.has(path));
  const saving = savingSentence(cost);
  const mayAdjust = request.allowedActions.includes('adjust-costs');
  return (
    <InfoCard
      title="Cost of each path"
      subheader={`Over ${cost.horizonYears} ${
        cost.horizonYears === 1 ? 'year' : 'years'
      } for ${cost.users} ${cost.users === 1 ? 'user' : 'users'}, in ${
        cost.currency
      }`}
    >
      {cost.paths.length > 0 && (
        <>
          <CostChart cost={cost} />
          <Box mt={2}>
            <CostTable cost={cost} />
          </Box>
        </>
      )}
      {saving && (
        <Typography variant="body1" style={{ marginTop: 16 }}>
          {saving}
        </Typography>
      )}
      <Box mt={1}>
        {cost.paths.map(pathCost => (
          <Assumptions key={pathCost.path} pathCost={pathCost} />
        ))}
      </Box>
      {notCosted.map(path => (
        <Typography key={path} variant="body2" style={{ marginTop: 8 }}>
          {NOT_COSTED[path]}
        </Typography>
      ))}
      <Box mt={3}>
        <Typography variant="subtitle1" component="h3" gutterBottom>
          Cost inputs
        </Typography>
        {mayAdjust ? (
          <CostInputsForm
            request={request}
            currency={cost.currency}
            onUpdated={props.onUpdated}
            onRefused={props.onRefused}
          />
        ) : (
          <CostInputsSummary request={request} currency={cost.currency} />
        )}
      </Box>
    </InfoCard>
  );
}
