/**
 * Before/after budgets per line of a proposal, on the pane's one change table; line ids never break.
 * The changed lines only, unless the user asks for all (tables/ChangedOnly.tsx).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { ChangeTable } from '../tables/ChangeTable';
import { useChangedOnly } from '../tables/ChangedOnly';
import { LineId } from '../tables/LineId';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface BeforeAfterRow {
  id: string;
  costCentre: string;
  before: number;
  after: number;
}

export function BeforeAfterTable({ rows, label }: { rows: BeforeAfterRow[]; label: string }) {
  const styles = useStyles();
  const { shown, control } = useChangedOnly(rows);
  return (
    <div className={styles.wrap}>
      {control}
      <ChangeTable
        label={label}
        beforeName="Before"
        afterName="After"
        rows={shown.map((r) => ({
          key: r.id,
          label: <LineId id={r.id} />,
          title: r.costCentre,
          before: r.before,
          after: r.after,
        }))}
      />
    </div>
  );
}
