/**
 * Two budget versions side by side, line by line (account and period): both amounts and the
 * change, changed lines marked by colour and an arrow (not colour alone), totals last. Fits the
 * pane at 320 px: the line's account and period share the first column. The changed lines only,
 * unless the user asks for all (tables/ChangedOnly.tsx).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { VersionComparison } from '../../../src/model/version';
import { ChangeTable } from '../tables/ChangeTable';
import { useChangedOnly } from '../tables/ChangedOnly';

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
  const { shown, control } = useChangedOnly(
    comparison.lines.map((l) => ({ ...l, before: l.base, after: l.other, change: l.delta })),
  );
  return (
    <div className={styles.wrap} data-testid="version-compare">
      {control}
      <ChangeTable
        label={`${baseName} compared with ${otherName}`}
        beforeName={baseName}
        afterName={otherName}
        rows={shown.map((l) => ({
          key: `${l.account}\u0000${l.period}`,
          label: `${l.account} · ${l.period}`,
          before: l.before,
          after: l.after,
          change: l.change,
        }))}
        total={{ before: comparison.totals.base, after: comparison.totals.other, change: comparison.totals.delta }}
      />
    </div>
  );
}
