import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  PortfolioQuery,
  PortfolioReport,
} from '@tech-requests/plugin-tech-requests-common';
import { useEffect, useState } from 'react';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { formatMoney } from '../format/money';
import { GroupFilter } from '../shared/GroupFilter';
import {
  CapabilitiesChart,
  DecisionMixChart,
  DemandChart,
  MoneyChart,
  WaitingChart,
} from './charts';
import { FigureCard } from './FigureCard';
import {
  capabilitiesTable,
  decisionMixTable,
  deliveryTable,
  demandTable,
  moneyTable,
  sharedNeedsTable,
  waitingTable,
} from './figures';
import { PeriodChoice, periodDays, PERIODS } from './periods';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const longDate = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** A headline figure: one number and what it means. */
function Headline(props: { label: string; value: string; detail?: string }) {
  return (
    <Paper variant="outlined" style={{ height: '100%' }}>
      <Box p={2}>
        <Typography variant="body2" color="textSecondary">
          {props.label}
        </Typography>
        <Typography variant="h4" component="p">
          {props.value}
        </Typography>
        {props.detail && (
          <Typography variant="caption" color="textSecondary">
            {props.detail}
          </Typography>
        )}
      </Box>
    </Paper>
  );
}

function Headlines({ report }: { report: PortfolioReport }) {
  const filed = sum(report.demand.map(cell => cell.requests));
  const waiting = sum(report.waiting.map(stage => stage.requests));
  const overdue = sum(report.waiting.map(stage => stage.overdue ?? 0));
  const { decisions, medianDays, p90Days } = report.timeToDecision;
  const money = (amount: number) =>
    formatMoney(Math.round(amount), report.currency);
  const count = (n: number, one: string, many: string) =>
    `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  const days = (value: number) => count(value, 'day', 'days');
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6} md>
        <Headline label="Requests filed" value={filed.toLocaleString('en')} />
      </Grid>
      <Grid item xs={12} sm={6} md>
        <Headline
          label="Waiting now"
          value={waiting.toLocaleString('en')}
          detail={`${overdue.toLocaleString('en')} past their target`}
        />
      </Grid>
      <Grid item xs={12} sm={6} md>
        <Headline
          label="Typical time to a decision"
          value={medianDays === undefined ? '–' : days(medianDays)}
          detail={
            p90Days === undefined
              ? 'No decisions in this period'
              : `Over ${count(decisions, 'decision', 'decisions')}; 9 in 10 took at most ${days(p90Days)}`
          }
        />
      </Grid>
      <Grid item xs={12} sm={6} md>
        <Headline
          label="Approved, cost over three years"
          value={money(sum(report.money.map(row => row.approvedCost)))}
          detail={count(
            sum(report.money.map(row => row.approvals)),
            'approval',
            'approvals',
          )}
        />
      </Grid>
      <Grid item xs={12} sm={6} md>
        <Headline
          label="Saved by reuse"
          value={money(sum(report.money.map(row => row.reuseSaving)))}
          detail="Against the cheapest alternative, over three years"
        />
      </Grid>
    </Grid>
  );
}

/** "3 of 12 components, 2 of them in production, have no approved request behind them". */
function deliverySentence(report: PortfolioReport): string {
  const { inScope, uncovered, uncoveredInProduction } = report.delivery;
  const scope = report.department ? ' of this department' : '';
  if (!uncovered) {
    return `Of ${inScope} catalog entities${scope} the delivery gate covers`;
  }
  return `${uncovered} of ${inScope} catalog entities${scope} the delivery gate covers, ${uncoveredInProduction} of them in production, have no approved request behind them`;
}

function Figures({ report }: { report: PortfolioReport }) {
  const scope = report.department ? ' of this department' : '';
  const file = (name: string) =>
    `portfolio-${name}-${report.period.from}-to-${report.period.to}`;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <FigureCard
          title="Demand by department"
          subheader="Requests filed in the period, by where they stand now"
          chart={<DemandChart report={report} />}
          table={demandTable(report)}
          fileName={file('demand')}
          empty={`No requests${scope} were filed in this period.`}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <FigureCard
          title="Waiting now"
          subheader="Requests waiting in each stage today, by how long ago they were filed; the numbers say how many are past the stage's target"
          chart={<WaitingChart report={report} />}
          table={waitingTable(report)}
          fileName={file('waiting')}
          empty="Nothing is waiting."
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <FigureCard
          title="Decisions"
          subheader="What was decided in each quarter: reuse, buy, build, reject or defer"
          chart={<DecisionMixChart report={report} />}
          table={decisionMixTable(report)}
          fileName={file('decisions')}
          empty={`No decisions${scope} were taken in this period.`}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <FigureCard
          title="Money"
          subheader="What approvals cost over three years, and what reuse saved against the cheapest alternative"
          chart={<MoneyChart report={report} />}
          table={moneyTable(report)}
          fileName={file('money')}
          empty={`Nothing${scope} was approved in this period.`}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <FigureCard
          title="Most requested capabilities"
          subheader="What requests filed in the period asked for"
          chart={<CapabilitiesChart report={report} />}
          table={capabilitiesTable(report)}
          fileName={file('capabilities')}
          empty="No capabilities were named in this period."
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <FigureCard
          title="Built outside the front door"
          subheader={deliverySentence(report)}
          table={deliveryTable(report)}
          fileName={file('outside-the-front-door')}
          empty={
            report.delivery.inScope
              ? 'Every one has an approved request behind it.'
              : 'The delivery gate covers nothing in the catalog yet.'
          }
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <FigureCard
          title="Needs several departments share"
          subheader="Capabilities more than one department asked for: one purchase could serve them all"
          table={sharedNeedsTable(report)}
          fileName={file('shared-needs')}
          empty="No two departments asked for the same capability in this period."
        />
      </Grid>
    </Grid>
  );
}

/**
 * "Portfolio": where demand stands, for deciders and IT leadership. What the business asks
 * for, what waits and for how long, what was decided, and what it costs.
 */
export function PortfolioPage() {
  const api = useApi(techRequestsApiRef);
  const [period, setPeriod] = useState<PeriodChoice>('last-4-quarters');
  const [custom, setCustom] = useState<Pick<PortfolioQuery, 'from' | 'to'>>({});
  const [department, setDepartment] = useState<string>();
  const [report, setReport] = useState<PortfolioReport>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();

  const query: PortfolioQuery = {
    ...(period === 'custom' ? custom : periodDays(period)),
    department,
  };
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    let current = true;
    setLoading(true);
    api
      .getPortfolio(JSON.parse(queryKey))
      .then(answer => {
        if (current) {
          setReport(answer);
          setError(undefined);
        }
      })
      .catch(e => current && setError(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api, queryKey]);

  const forbidden = error instanceof ResponseError && error.statusCode === 403;
  let body;
  if (forbidden) {
    body = (
      <EmptyState
        missing="data"
        title="The portfolio is for deciders and IT leadership"
        description="It shows the demand, decisions and spending of every department. Your platform team can give your group access (the tech-requests.portfolio.read permission)."
      />
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!report) {
    body = <Progress />;
  } else {
    body = (
      <>
        <Headlines report={report} />
        <Box mt={3}>
          <Figures report={report} />
        </Box>
      </>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Portfolio"
        subtitle="Where demand stands: what the business asks for, what IT decided, and what it costs"
      />
      <Content>
        {!forbidden && (
          <Box display="flex" flexWrap="wrap" alignItems="center" mb={2}>
            <Box mr={2} mb={1} minWidth={200}>
              <FormControl variant="outlined" size="small" fullWidth>
                <InputLabel id="portfolio-period-label">Period</InputLabel>
                <Select
                  labelId="portfolio-period-label"
                  label="Period"
                  value={period}
                  onChange={event => {
                    const choice = event.target.value as PeriodChoice;
                    if (choice === 'custom' && report) {
                      // Start from the period shown, so nothing changes until a date does.
                      setCustom(report.period);
                    }
                    setPeriod(choice);
                  }}
                >
                  {Object.entries(PERIODS).map(([value, label]) => (
                    <MenuItem key={value} value={value}>
                      {label}
                    </MenuItem>
                  ))}
                </Select>
              </FormControl>
            </Box>
            {period === 'custom' &&
              (['from', 'to'] as const).map(end => (
                <Box key={end} mr={2} mb={1}>
                  <TextField
                    id={`tech-requests-portfolio-${end}`}
                    label={end === 'from' ? 'From' : 'To'}
                    type="date"
                    size="small"
                    variant="outlined"
                    InputLabelProps={{ shrink: true }}
                    value={custom[end] ?? ''}
                    onChange={event =>
                      setCustom({
                        ...custom,
                        [end]: event.target.value || undefined,
                      })
                    }
                  />
                </Box>
              ))}
            <Box mr={2} mb={1} minWidth={240}>
              <GroupFilter
                label="Department"
                value={department}
                onChange={setDepartment}
              />
            </Box>
            {report && (
              <Typography variant="body2" color="textSecondary">
                {longDate(report.period.from)} to {longDate(report.period.to)}
              </Typography>
            )}
          </Box>
        )}
        {loading && report && <LinearProgress />}
        {body}
      </Content>
    </Page>
  );
}
