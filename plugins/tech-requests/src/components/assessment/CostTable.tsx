import Chip from '@material-ui/core/Chip';
import { Theme } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { CostAssessment } from '@tech-requests/plugin-tech-requests-common';
import { ReactNode } from 'react';
import { formatMoney } from '../format/money';
import { WORDS } from '../format/words';

/** One figure of a path: a year's cost, the total or the cost per user and month. */
interface Measure {
  label: string;
  strong?: boolean;
  of: (path: CostAssessment['paths'][number]) => number | undefined;
}

/** The figures behind the chart: each path's years, total and cost per user and month. */
export function CostTable(props: { cost: CostAssessment }) {
  const { cost } = props;
  // On a phone the paths become the columns: three narrow ones fit, seven do not.
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('xs'));
  const years = Math.max(
    cost.horizonYears,
    ...cost.paths.map(p => p.perYear.length),
  );
  const measures: Measure[] = [
    ...Array.from({ length: years }, (_, year) => ({
      label: `Year ${year + 1}`,
      of: (path: CostAssessment['paths'][number]) => path.perYear[year],
    })),
    { label: 'Total', strong: true, of: path => path.total },
    { label: 'Per user per month', of: path => path.perUserPerMonth },
  ];
  const figure = (measure: Measure, path: CostAssessment['paths'][number]) => {
    const amount = measure.of(path);
    const text =
      amount === undefined ? '—' : formatMoney(amount, cost.currency);
    return measure.strong ? <strong>{text}</strong> : text;
  };
  const pathName = (path: CostAssessment['paths'][number]): ReactNode => (
    <>
      {WORDS.path[path.path]}
      {cost.cheapest === path.path && (
        <Chip
          size="small"
          color="primary"
          label="cheapest"
          style={{ marginLeft: 8 }}
        />
      )}
    </>
  );

  if (narrow) {
    return (
      <Table size="small" aria-label="Cost of each path">
        <TableHead>
          <TableRow>
            <TableCell />
            {cost.paths.map(path => (
              <TableCell key={path.path} align="right">
                {pathName(path)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {measures.map(measure => (
            <TableRow key={measure.label}>
              <TableCell component="th" scope="row">
                {measure.label}
              </TableCell>
              {cost.paths.map(path => (
                <TableCell key={path.path} align="right">
                  {figure(measure, path)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }
  return (
    <Table size="small" aria-label="Cost of each path">
      <TableHead>
        <TableRow>
          <TableCell>Path</TableCell>
          {measures.map(measure => (
            <TableCell key={measure.label} align="right">
              {measure.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {cost.paths.map(path => (
          <TableRow key={path.path}>
            <TableCell component="th" scope="row">
              {pathName(path)}
            </TableCell>
            {measures.map(measure => (
              <TableCell key={measure.label} align="right">
                {figure(measure, path)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
