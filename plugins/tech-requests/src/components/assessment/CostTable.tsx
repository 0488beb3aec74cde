import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { CostAssessment } from '@tech-requests/plugin-tech-requests-common';
import { formatMoney } from '../format/money';
import { WORDS } from '../format/words';

/** The figures behind the chart: each path's years, total and cost per user and month. */
export function CostTable(props: { cost: CostAssessment }) {
  const { cost } = props;
  const years = Math.max(
    cost.horizonYears,
    ...cost.paths.map(p => p.perYear.length),
  );
  const money = (amount: number) => formatMoney(amount, cost.currency);
  return (
    <Table size="small" aria-label="Cost of each path">
      <TableHead>
        <TableRow>
          <TableCell>Path</TableCell>
          {Array.from({ length: years }, (_, year) => (
            <TableCell key={year} align="right">
              Year {year + 1}
            </TableCell>
          ))}
          <TableCell align="right">Total</TableCell>
          <TableCell align="right">Per user per month</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {cost.paths.map(pathCost => (
          <TableRow key={pathCost.path}>
            <TableCell component="th" scope="row">
              {WORDS.path[pathCost.path]}
              {cost.cheapest === pathCost.path && (
                <Chip
                  size="small"
                  color="primary"
                  label="cheapest"
                  style={{ marginLeft: 8 }}
                />
              )}
            </TableCell>
            {Array.from({ length: years }, (_, year) => (
              <TableCell key={year} align="right">
                {pathCost.perYear[year] === undefined
                  ? '—'
                  : money(pathCost.perYear[year])}
              </TableCell>
            ))}
            <TableCell align="right">
              <strong>{money(pathCost.total)}</strong>
            </TableCell>
            <TableCell align="right">
              {pathCost.perUserPerMonth === undefined
                ? '—'
                : money(pathCost.perUserPerMonth)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
