/**
 * Amounts before and after a change, line by line: both amounts and the change, changed lines marked
 * by colour and an arrow (not colour alone), an optional total last. The one table behind a
 * proposal's before/after and the comparison of two budget versions. Fits the pane at 320 px: the
 * line's label wraps between words (a line id given as a LineId only after its "/"), the amounts do not. Amount headings are right-aligned over their amounts.
 * Where the four columns still do not fit (the sample company's "OPS-FACILITIES/" beside 4,208,208 and
 * "▲+19,646" cut the Change column 27 px inside a proposal card at 320 px), the rows are stacked: each
 * line's label on a row of its own, its three amounts under it, whole.
 */
import { Fragment, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { SAME_AMOUNT } from '../../../src/sheets/stale-cells';
import { useNumbers } from '../../state/numbers';
import { useElementWidth } from '../../state/use-element-width';
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
  // A stacked line's label row: no rule between it and its amounts.
  labelRow: { '& td': { borderBottomStyle: 'none', paddingBottom: 0 } },
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

/** A row's change: the one it carries, else after − before (an absent side counts as 0). */
export const changeOf = (r: { before: number | null; after: number | null; change?: number }): number =>
  r.change ?? (r.after ?? 0) - (r.before ?? 0);

/**
 * Whether the table is stacked: side by side it is drawn first, and stacked when it is wider than `width`
 * (its label column and amounts cannot shrink further); stacked, it goes back side by side once `width`
 * reaches the width it needed, or its content changes.
 */
function useStacked(table: React.RefObject<HTMLTableElement>, width: number, content: string): boolean {
  /** The width the side-by-side table took when it did not fit (0: it fits, or not measured yet). */
  const [needed, setNeeded] = useState(0);
  const stacked = width > 0 && needed > width + 1;
  useLayoutEffect(() => setNeeded(0), [content]);
  useLayoutEffect(() => {
    if (stacked || width === 0 || !table.current) return;
    const drawn = table.current.getBoundingClientRect().width;
    if (drawn > width + 1 && drawn !== needed) setNeeded(drawn);
  });
  return stacked;
}

export function ChangeTable({ rows, beforeName, afterName, label, total }: ChangeTableProps) {
  const styles = useStyles();
  const compact = useCompactTableStyles();
  const numbers = useNumbers();
  const [wrap, width] = useElementWidth<HTMLDivElement>();
  const table = useRef<HTMLTableElement>(null);
  const content = [beforeName, afterName, ...rows.map((r) => `${r.key}:${r.before}:${r.after}:${r.change}`)].join('|');
  const stacked = useStacked(table, width, content);
  const amount = (v: number | null) => (v === null ? '–' : numbers.format(v, 'money'));
  const change = (d: number) =>
    Math.abs(d) < SAME_AMOUNT ? '–' : `${d > 0 ? '▲' : '▼'}${numbers.format(d, 'money', { sign: 'always' })}`;
  const heading = (name: string) => (
    <TableHeaderCell className={compact.number} button={{ className: styles.numHead }}>
      {name}
    </TableHeaderCell>
  );
  const amounts = (r: { before: number | null; after: number | null; change?: number }) => (
    <>
      <TableCell className={compact.number}>{amount(r.before)}</TableCell>
      <TableCell className={compact.number}>{amount(r.after)}</TableCell>
      <TableCell className={compact.number}>{change(changeOf(r))}</TableCell>
    </>
  );
  const line = (name: ReactNode, title?: string, className?: string) =>
    stacked ? (
      <TableCell colSpan={3} className={mergeClasses(styles.line, className)} title={title}>
        {name}
      </TableCell>
    ) : (
      <TableCell className={mergeClasses(styles.line, className)} title={title}>
        {name}
      </TableCell>
    );
  return (
    <div ref={wrap} data-stacked={stacked ? 'yes' : 'no'}>
      <Table size="extra-small" className={styles.table} aria-label={label} ref={table}>
        <TableHeader>
          <TableRow>
            {!stacked && <TableHeaderCell>Line</TableHeaderCell>}
            {heading(beforeName)}
            {heading(afterName)}
            {heading('Change')}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => {
            const d = changeOf(r);
            const tint = d >= SAME_AMOUNT ? styles.up : d <= -SAME_AMOUNT ? styles.down : undefined;
            const changed = Math.abs(d) >= SAME_AMOUNT ? 'yes' : 'no';
            return stacked ? (
              <Fragment key={r.key}>
                <TableRow className={mergeClasses(tint, styles.labelRow)}>{line(r.label, r.title)}</TableRow>
                <TableRow className={tint} data-changed={changed}>
                  {amounts(r)}
                </TableRow>
              </Fragment>
            ) : (
              <TableRow key={r.key} className={tint} data-changed={changed}>
                {line(r.label, r.title)}
                {amounts(r)}
              </TableRow>
            );
          })}
          {total &&
            (stacked ? (
              <>
                <TableRow className={mergeClasses(styles.total, styles.labelRow)}>{line('Total')}</TableRow>
                <TableRow className={styles.total}>{amounts(total)}</TableRow>
              </>
            ) : (
              <TableRow className={styles.total}>
                {line('Total')}
                {amounts(total)}
              </TableRow>
            ))}
        </TableBody>
      </Table>
    </div>
  );
}
