import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode, useState } from 'react';
import { downloadCsv, toCsv } from './csv';
import { FigureTable } from './figures';

const useStyles = makeStyles({
  // Cards break long words anywhere; a table of figures keeps its words whole and scrolls.
  cell: { wordBreak: 'normal', overflowWrap: 'normal', hyphens: 'none' },
});

/**
 * One figure of the portfolio: a chart to read at a glance, the numbers behind it as a
 * table, and those numbers as a CSV file.
 */
export function FigureCard(props: {
  title: string;
  /** What the figure counts, in a sentence. */
  subheader: string;
  table: FigureTable;
  /** The file name of the download, without `.csv`. */
  fileName: string;
  /** Absent for a figure that is a table only. */
  chart?: ReactNode;
  /** Shown instead of the chart and the table when there is nothing to count. */
  empty: string;
}) {
  const classes = useStyles();
  const [asTable, setAsTable] = useState(!props.chart);
  const { header, rows } = props.table;
  const hasRows = rows.length > 0;
  // Figures line up on the right; words read from the left.
  const alignOf = (column: number) =>
    rows.some(row => typeof row[column] === 'number') ? 'right' : 'left';
  const actions = hasRows && (
    // Below the figure, where a narrow screen has room for them.
    <Box display="flex" flexWrap="wrap" mt={1}>
      {props.chart && (
        <Button size="small" onClick={() => setAsTable(!asTable)}>
          {asTable ? 'Show chart' : 'Show numbers'}
        </Button>
      )}
      <Button
        size="small"
        onClick={() =>
          downloadCsv(`${props.fileName}.csv`, toCsv(header, rows))
        }
      >
        Download CSV
      </Button>
    </Box>
  );
  return (
    <section aria-label={props.title}>
      <InfoCard title={props.title} subheader={props.subheader}>
        {!hasRows && (
          <Typography color="textSecondary">{props.empty}</Typography>
        )}
        {hasRows && !asTable && props.chart}
        {hasRows && asTable && (
          <Box overflow="auto">
            <Table size="small" aria-label={`${props.title}: numbers`}>
              <TableHead>
                <TableRow>
                  {header.map((column, i) => (
                    <TableCell
                      key={column}
                      align={alignOf(i)}
                      className={classes.cell}
                    >
                      {column}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row, r) => (
                  <TableRow key={r}>
                    {row.map((value, i) => (
                      <TableCell
                        key={i}
                        align={alignOf(i)}
                        className={classes.cell}
                      >
                        {typeof value === 'number'
                          ? value.toLocaleString('en')
                          : (value ?? '–')}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
        {actions}
      </InfoCard>
    </section>
  );
}
