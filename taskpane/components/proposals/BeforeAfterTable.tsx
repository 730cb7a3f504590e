/** Before/after budgets per line, changed lines highlighted (colour and an arrow, not colour alone). */
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { money } from '../../../src/anomaly/format';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  up: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  down: { backgroundColor: tokens.colorPaletteRedBackground1 },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  id: { wordBreak: 'break-word' },
});

export interface BeforeAfterRow {
  id: string;
  costCentre: string;
  before: number;
  after: number;
}

export function BeforeAfterTable({ rows, label }: { rows: BeforeAfterRow[]; label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table size="extra-small" aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Line</TableHeaderCell>
            <TableHeaderCell>Before</TableHeaderCell>
            <TableHeaderCell>After</TableHeaderCell>
            <TableHeaderCell>Change</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => {
            const change = Math.round((r.after - r.before) * 100) / 100;
            const cls = change > 0 ? styles.up : change < 0 ? styles.down : undefined;
            return (
              <TableRow key={r.id} className={cls} data-changed={change !== 0 ? 'yes' : 'no'}>
                <TableCell className={styles.id} title={r.costCentre}>
                  {r.id}
                </TableCell>
                <TableCell className={styles.num}>{money(r.before)}</TableCell>
                <TableCell className={styles.num}>{money(r.after)}</TableCell>
                <TableCell className={styles.num}>
                  {change === 0 ? '–' : `${change > 0 ? '▲+' : '▼'}${money(change)}`}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
