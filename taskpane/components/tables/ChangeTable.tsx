/**
 * Amounts before and after a change, line by line: both amounts and the change, changed lines marked
 * by colour and an arrow (not colour alone), an optional total last. The one table behind a
 * proposal's before/after and the comparison of two budget versions. Fits the pane at 320 px: the
 * line's label wraps between words (a line id given as a LineId only after its "/"), the amounts do not. Amount headings are right-aligned over their amounts.
 */
import type { ReactNode } from 'react';
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
import { SAME_AMOUNT } from '../../../src/sheets/stale-cells';
import { useNumbers } from '../../state/numbers';
import { useCompactTableStyles } from './compact-table-styles';

const useStyles = makeStyles({
  table: {
    tableLayout: 'auto',
    width: '100%',
    // Half the extra-small table's side padding: four columns of whole ids and amounts fit a card at 320 px.
    '& th, & td': { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  },
  // A header cell lays its text out in a flex button: textAlign does not reach it.
  numHead: { justifyContent: 'flex-end' },
  line: { wordBreak: 'break-word' },
  up: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  down: { backgroundColor: tokens.colorPaletteRedBackground1 },
  total: { fontWeight: tokens.fontWeightSemibold },
});

export interface ChangeRow {
  key: string;
  label: ReactNode;
  /** Shown on hover over the label (e.g. the line's cost centre). */
  title?: string;
  /** null: the line is absent on that side. */
  before: number | null;
  after: number | null;
  /** The change, when the caller has it (absent sides count as 0); default after − before. */
  change?: number;
}

export interface ChangeTableProps {
  rows: readonly ChangeRow[];
  /** Column headings of the two amounts, e.g. "Before"/"After" or the two versions' names. */
  beforeName: string;
  afterName: string;
  /** The table's accessible name. */
  label: string;
  /** A total row, last. */
  total?: { before: number | null; after: number | null; change?: number };
}

const changeOf = (r: { before: number | null; after: number | null; change?: number }): number =>
  r.change ?? (r.after ?? 0) - (r.before ?? 0);

export function ChangeTable({ rows, beforeName, afterName, label, total }: ChangeTableProps) {
  const styles = useStyles();
  const compact = useCompactTableStyles();
  const numbers = useNumbers();
  const amount = (v: number | null) => (v === null ? '–' : numbers.format(v, 'money'));
  const change = (d: number) =>
    Math.abs(d) < SAME_AMOUNT ? '–' : `${d > 0 ? '▲' : '▼'}${numbers.format(d, 'money', { sign: 'always' })}`;
  return (
    <Table size="extra-small" className={styles.table} aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Line</TableHeaderCell>
          <TableHeaderCell className={compact.number} button={{ className: styles.numHead }}>
            {beforeName}
          </TableHeaderCell>
          <TableHeaderCell className={compact.number} button={{ className: styles.numHead }}>
            {afterName}
          </TableHeaderCell>
          <TableHeaderCell className={compact.number} button={{ className: styles.numHead }}>
            Change
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => {
          const d = changeOf(r);
          return (
            <TableRow
              key={r.key}
              className={d >= SAME_AMOUNT ? styles.up : d <= -SAME_AMOUNT ? styles.down : undefined}
              data-changed={Math.abs(d) >= SAME_AMOUNT ? 'yes' : 'no'}
            >
              <TableCell className={styles.line} title={r.title}>
                {r.label}
              </TableCell>
              <TableCell className={compact.number}>{amount(r.before)}</TableCell>
              <TableCell className={compact.number}>{amount(r.after)}</TableCell>
              <TableCell className={compact.number}>{change(d)}</TableCell>
            </TableRow>
          );
        })}
        {total && (
          <TableRow className={styles.total}>
            <TableCell>Total</TableCell>
            <TableCell className={compact.number}>{amount(total.before)}</TableCell>
            <TableCell className={compact.number}>{amount(total.after)}</TableCell>
            <TableCell className={compact.number}>{change(changeOf(total))}</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
