/** Before/after budgets per line of a proposal, on the pane's one change table; line ids never break. */
import { makeStyles } from '@fluentui/react-components';
import { ChangeTable } from '../tables/ChangeTable';
import { LineId } from '../tables/LineId';

const useStyles = makeStyles({ wrap: { overflowX: 'auto' } });

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
      <ChangeTable
        label={label}
        beforeName="Before"
        afterName="After"
        rows={rows.map((r) => ({
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
