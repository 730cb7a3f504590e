/**
 * Two budget versions side by side, line by line (account and period): both amounts and the
 * change, changed lines marked by colour and an arrow (not colour alone), totals last. Fits the
 * pane at 320 px: the line's account and period share the first column.
 */
import { useState } from 'react';
import {
  Caption1,
  Switch,
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
import type { VersionComparison } from '../../../src/model/version';
import { useNumbers } from '../../state/numbers';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  table: { tableLayout: 'auto', width: '100%' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  line: { wordBreak: 'break-word' },
  up: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  down: { backgroundColor: tokens.colorPaletteRedBackground1 },
  total: { fontWeight: tokens.fontWeightSemibold },
});

export interface VersionCompareProps {
  comparison: VersionComparison;
  /** Column headings: the two versions' names. */
  baseName: string;
  otherName: string;
}

export function VersionCompare({ comparison, baseName, otherName }: VersionCompareProps) {
  const styles = useStyles();
  const numbers = useNumbers();
  const [changedOnly, setChangedOnly] = useState(true);
  const changed = comparison.lines.filter((l) => Math.abs(l.delta) >= SAME_AMOUNT);
  const shown = changedOnly ? changed : comparison.lines;
  const amount = (v: number | null) => (v === null ? '–' : numbers.format(v, 'money'));
  const change = (d: number) =>
    Math.abs(d) < SAME_AMOUNT ? '–' : `${d > 0 ? '▲' : '▼'}${numbers.format(d, 'money', { sign: 'always' })}`;
  return (
    <div className={styles.wrap} data-testid="version-compare">
      <Caption1>
        {changed.length} of {comparison.lines.length} lines differ.
      </Caption1>
      <Switch
        label="Changed lines only"
        checked={changedOnly}
        onChange={(_, d) => setChangedOnly(Boolean(d.checked))}
      />
      <Table size="extra-small" className={styles.table} aria-label={`${baseName} compared with ${otherName}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Line</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{baseName}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{otherName}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>Change</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((l) => (
            <TableRow
              key={`${l.account}\u0000${l.period}`}
              className={l.delta >= SAME_AMOUNT ? styles.up : l.delta <= -SAME_AMOUNT ? styles.down : undefined}
              data-changed={Math.abs(l.delta) >= SAME_AMOUNT ? 'yes' : 'no'}
            >
              <TableCell className={styles.line}>
                {l.account} · {l.period}
              </TableCell>
              <TableCell className={styles.num}>{amount(l.base)}</TableCell>
              <TableCell className={styles.num}>{amount(l.other)}</TableCell>
              <TableCell className={styles.num}>{change(l.delta)}</TableCell>
            </TableRow>
          ))}
          <TableRow className={styles.total}>
            <TableCell>Total</TableCell>
            <TableCell className={styles.num}>{amount(comparison.totals.base)}</TableCell>
            <TableCell className={styles.num}>{amount(comparison.totals.other)}</TableCell>
            <TableCell className={styles.num}>{change(comparison.totals.delta)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}
