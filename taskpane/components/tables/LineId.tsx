/**
 * A line id (MKT-EVENTS/Travel), or a proposal's (P-20261207-1): never broken at a hyphen ("MKT-" over
 * "EVENTS" reads as two things). A cost-centre/account id may break after its "/" (RD-PLATFORM/ over
 * Contractors) and nowhere else: each part stays whole, so a table sizes its column for the longer part
 * and the sample company's lines fit 320 px (whole, "RD-PLATFORM/Contractors" pushed the allocation
 * table 52 px past the pane). The layout e2e test finds every id by `data-line-id` and checks that each
 * part (`data-line-part`) stays on one line at 320 px.
 */
import { makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({ id: { whiteSpace: 'nowrap' } });

export function LineId({ id }: { id: string }) {
  const styles = useStyles();
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1)
    return (
      <span className={styles.id} data-line-id="">
        {id}
      </span>
    );
  return (
    <span data-line-id="">
      <span className={styles.id} data-line-part="">
        {id.slice(0, slash + 1)}
      </span>
      <wbr />
      <span className={styles.id} data-line-part="">
        {id.slice(slash + 1)}
      </span>
    </span>
  );
}
