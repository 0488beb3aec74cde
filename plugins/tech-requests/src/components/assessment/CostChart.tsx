import Box from '@material-ui/core/Box';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  CostAssessment,
  PathCost,
} from '@tech-requests/plugin-tech-requests-common';
import { formatMoney } from '../format/money';
import { WORDS } from '../format/words';

const BAR_WIDTH = 72;
const BAR_GAP = 56;
const SIDE = 24;
/** Room above the bars for their totals, and below for the path names. */
const TOP = 28;
const BOTTOM = 40;
const PLOT_HEIGHT = 180;

const useStyles = makeStyles(theme => ({
  chart: { display: 'block', maxWidth: '100%', height: 'auto' },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1, 2),
    listStyle: 'none',
    margin: theme.spacing(1, 0, 0),
    padding: 0,
  },
  swatch: {
    display: 'inline-block',
    width: 12,
    height: 12,
    marginRight: theme.spacing(0.5),
    verticalAlign: 'middle',
  },
}));

/**
 * The shade of a year: one hue from dark (the first year, usually the dearest with its
 * one-off costs) to light, so the years of every bar read alike without a rainbow.
 */
function yearShade(year: number, years: number): string {
  const lightness = years <= 1 ? 40 : 25 + (50 * year) / (years - 1);
  return `hsl(210, 65%, ${Math.round(lightness)}%)`;
}

/** How high a bar stacks: a year that would be negative draws as nothing. */
function stackHeight(pathCost: PathCost): number {
  return pathCost.perYear.reduce((sum, amount) => sum + Math.max(amount, 0), 0);
}

/**
 * Reuse, buy and build as stacked bars, one segment per year of the horizon, each bar
 * labelled with its total. Screen readers get the totals from the label.
 */
export function CostChart(props: { cost: CostAssessment }) {
  const { cost } = props;
  const classes = useStyles();
  const theme = useTheme();
  const years = Math.max(
    cost.horizonYears,
    ...cost.paths.map(p => p.perYear.length),
  );
  const highest = Math.max(...cost.paths.map(stackHeight), 0);
  // Everything free still draws: the bars are then empty rather than a division by zero.
  const scale = highest > 0 ? PLOT_HEIGHT / highest : 0;
  const width =
    SIDE * 2 +
    cost.paths.length * BAR_WIDTH +
    (cost.paths.length - 1) * BAR_GAP;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const baseline = TOP + PLOT_HEIGHT;
  const money = (amount: number) => formatMoney(amount, cost.currency);
  const summary = `Cost over ${cost.horizonYears} ${
    cost.horizonYears === 1 ? 'year' : 'years'
  }: ${cost.paths
    .map(p => `${p.path} ${money(p.total)}`)
    .join(', ')}${cost.cheapest ? `; ${cost.cheapest} is the cheapest` : ''}`;
  const textColor = theme.palette.text.primary;

  return (
    <Box>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        className={classes.chart}
      >
        <title>{summary}</title>
        <line
          x1={SIDE / 2}
          x2={width - SIDE / 2}
          y1={baseline}
          y2={baseline}
          stroke={theme.palette.divider}
        />
        {cost.paths.map((pathCost, index) => {
          const x = SIDE + index * (BAR_WIDTH + BAR_GAP);
          const centre = x + BAR_WIDTH / 2;
          let top = baseline;
          const segments = pathCost.perYear.map((amount, year) => {
            const segmentHeight = Math.max(amount, 0) * scale;
            top -= segmentHeight;
            return (
              <rect
                key={year}
                x={x}
                y={top}
                width={BAR_WIDTH}
                height={segmentHeight}
                fill={yearShade(year, years)}
              >
                <title>{`${WORDS.path[pathCost.path]}, year ${year + 1}: ${money(amount)}`}</title>
              </rect>
            );
          });
          return (
            <g key={pathCost.path}>
              {segments}
              <text
                x={centre}
                y={top - 8}
                textAnchor="middle"
                fontSize={12}
                fontWeight="bold"
                fill={textColor}
              >
                {money(pathCost.total)}
              </text>
              <text
                x={centre}
                y={baseline + 16}
                textAnchor="middle"
                fontSize={12}
                fill={textColor}
              >
                {WORDS.path[pathCost.path]}
              </text>
              {cost.cheapest === pathCost.path && (
                <text
                  x={centre}
                  y={baseline + 32}
                  textAnchor="middle"
                  fontSize={11}
                  fill={theme.palette.text.secondary}
                >
                  cheapest
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className={classes.legend} aria-label="Years">
        {Array.from({ length: years }, (_, year) => (
          <li key={year}>
            <span
              className={classes.swatch}
              style={{ backgroundColor: yearShade(year, years) }}
            />
            <Typography variant="caption">Year {year + 1}</Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
}
