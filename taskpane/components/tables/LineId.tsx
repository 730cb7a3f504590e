/**
 * A line id (MKT-EVENTS), or a proposal's (P-20261207-1), on one line: a table sizes its column for the
 * whole id instead of breaking it at the hyphen ("MKT-" over "EVENTS" reads as two things). The layout e2e test finds every id by
 * `data-line-id` and checks that it stays on one line at 320 px.
 */
import { makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({ id: { whiteSpace: 'nowrap' } });

export function LineId({ id }: { id: string }) {
  const styles = useStyles();
  return (
    <span className={styles.id} data-line-id="">
      {id}
    </span>
  );
}
