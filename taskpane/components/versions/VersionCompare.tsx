/**
 * Two budget versions side by side, line by line (account and period): both amounts and the
 * change, changed lines marked by colour and an arrow (not colour alone), totals last. Fits the
 * pane at 320 px: the line's account and period share the first column.
 */
import { useState } from 'react';
import { Caption1, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { SAME_AMOUNT } from '../../../src/sheets/stale-cells';
import type { VersionComparison } from '../../../src/model/version';
import { ChangeTable } from '../tables/ChangeTable';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface VersionCompareProps {
  comparison: VersionComparison;
  /** Column headings: the two versions' names. */
  baseName: string;
  otherName: string;
}

export function VersionCompare({ comparison, baseName, otherName }: VersionCompareProps) {
  const styles = useStyles();
  const [changedOnly, setChangedOnly] = useState(true);
  const changed = comparison.lines.filter((l) => Math.abs(l.delta) >= SAME_AMOUNT);
  const shown = changedOnly ? changed : comparison.lines;
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
      <ChangeTable
        label={`${baseName} compared with ${otherName}`}
        beforeName={baseName}
        afterName={otherName}
        rows={shown.map((l) => ({
          key: `${l.account}\u0000${l.period}`,
          label: `${l.account} · ${l.period}`,
          before: l.base,
          after: l.other,
          change: l.delta,
        }))}
        total={{ before: comparison.totals.base, after: comparison.totals.other, change: comparison.totals.delta }}
      />
    </div>
  );
}
