import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import {
  AGE_BANDS,
  PORTFOLIO_DECISIONS,
  PortfolioDecision,
  PortfolioReport,
  RequestStatus,
} from '@tech-requests/plugin-tech-requests-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoney } from '../format/money';
import { WORDS } from '../format/words';
import {
  AGE_NAMES,
  DECISION_NAMES,
  demandByDepartment,
  demandStatuses,
  moneyByQuarter,
} from './figures';

const useStyles = makeStyles(theme => ({
  // Recharts draws SVG text in its own grey; the theme's text reads in dark mode too.
  chart: {
    '& .recharts-text, & .recharts-legend-item-text': {
      fill: theme.palette.text.secondary,
    },
    '& .recharts-default-tooltip': {
      backgroundColor: `${theme.palette.background.paper} !important`,
    },
  },
}));

/** Colours that say something: waiting in blues, done in greens, refused in red. */
function statusColours(theme: Theme): Record<RequestStatus, string> {
  const { palette } = theme;
  return {
    draft: palette.grey[400],
    submitted: palette.info.light,
    'in-review': palette.info.dark,
    deferred: palette.warning.main,
    approved: palette.success.light,
    'in-delivery': palette.success.main,
    completed: palette.success.dark,
    rejected: palette.error.main,
    withdrawn: palette.grey[500],
  };
}

function decisionColours(theme: Theme): Record<PortfolioDecision, string> {
  const { palette } = theme;
  return {
    reuse: palette.success.main,
    buy: palette.info.main,
    build: palette.secondary.main,
    rejected: palette.error.main,
    deferred: palette.warning.main,
  };
}

/** A chart's frame: as wide as its card, as high as its rows need. */
function Frame(props: { height: number; children: JSX.Element }) {
  const classes = useStyles();
  return (
    <div
      className={classes.chart}
      style={{ width: '100%', height: props.height }}
    >
      <ResponsiveContainer>{props.children}</ResponsiveContainer>
    </div>
  );
}

const ROW_HEIGHT = 28;

// Bars are drawn at once, not grown: the figures are read, not watched (and people who ask
// for reduced motion get none).

/** The series in the order they are drawn (not sorted by name), named in the theme's text colour. */
function ChartLegend() {
  const theme = useTheme();
  return (
    <Legend
      itemSorter={null}
      formatter={value => (
        <span style={{ color: theme.palette.text.primary }}>{value}</span>
      )}
    />
  );
}
const integer = (value: unknown) => Number(value).toLocaleString('en');

/** Requests per department, stacked by status: where demand comes from and where it stands. */
export function DemandChart(props: { report: PortfolioReport }) {
  const theme = useTheme();
  const colours = statusColours(theme);
  const data = demandByDepartment(props.report).slice(0, 15);
  return (
    <Frame height={80 + data.length * ROW_HEIGHT}>
      <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="department" width={120} />
        <Tooltip formatter={integer} />
        <ChartLegend />
        {demandStatuses(props.report).map(status => (
          <Bar
            isAnimationActive={false}
            key={status}
            dataKey={status}
            name={WORDS.status[status]}
            stackId="status"
            fill={colours[status]}
          />
        ))}
      </BarChart>
    </Frame>
  );
}

/** Requests waiting in each stage, stacked by how long ago they were submitted. */
export function WaitingChart(props: { report: PortfolioReport }) {
  const theme = useTheme();
  const shades = [
    theme.palette.success.light,
    theme.palette.info.main,
    theme.palette.warning.main,
    theme.palette.error.main,
  ];
  const data = props.report.waiting.map(stage => ({
    stage: WORDS.status[stage.stage],
    ...stage.ages,
  }));
  return (
    <Frame height={300}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="stage" />
        <YAxis allowDecimals={false} />
        <Tooltip formatter={integer} />
        <ChartLegend />
        {AGE_BANDS.map((band, i) => (
          <Bar
            isAnimationActive={false}
            key={band}
            dataKey={band}
            name={AGE_NAMES[band]}
            stackId="age"
            fill={shades[i]}
          />
        ))}
      </BarChart>
    </Frame>
  );
}

/** Decisions per quarter, stacked by what was decided. */
export function DecisionMixChart(props: { report: PortfolioReport }) {
  const theme = useTheme();
  const colours = decisionColours(theme);
  return (
    <Frame height={300}>
      <BarChart data={props.report.decisionMix}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="quarter" />
        <YAxis allowDecimals={false} />
        <Tooltip formatter={integer} />
        <ChartLegend />
        {PORTFOLIO_DECISIONS.map(kind => (
          <Bar
            isAnimationActive={false}
            key={kind}
            dataKey={kind}
            name={DECISION_NAMES[kind]}
            stackId="decision"
            fill={colours[kind]}
          />
        ))}
      </BarChart>
    </Frame>
  );
}

/** The most requested capabilities, longest bar first. */
export function CapabilitiesChart(props: { report: PortfolioReport }) {
  const theme = useTheme();
  const data = props.report.topCapabilities;
  return (
    <Frame height={60 + data.length * ROW_HEIGHT}>
      <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="capability" width={180} />
        <Tooltip formatter={integer} />
        <Bar
          isAnimationActive={false}
          dataKey="requests"
          name="Requests"
          fill={theme.palette.info.main}
        />
      </BarChart>
    </Frame>
  );
}

/** Per quarter: what approvals cost over three years, and what reuse saved. */
export function MoneyChart(props: { report: PortfolioReport }) {
  const theme = useTheme();
  const { currency } = props.report;
  const money = (value: unknown) => formatMoney(Number(value), currency);
  return (
    <Frame height={300}>
      <BarChart data={moneyByQuarter(props.report)} margin={{ left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="quarter" />
        <YAxis tickFormatter={money} width={90} />
        <Tooltip formatter={money} />
        <ChartLegend />
        <Bar
          isAnimationActive={false}
          dataKey="approvedCost"
          name="Three-year cost of approvals"
          fill={theme.palette.info.main}
        />
        <Bar
          isAnimationActive={false}
          dataKey="reuseSaving"
          name="Saved by reuse"
          fill={theme.palette.success.main}
        />
      </BarChart>
    </Frame>
  );
}
