/**
 * A before/after table's rows, the changed ones only unless the user asks for all: "3 of 36 lines
 * differ." and a switch. A proposal on the sample company listed its 36 lines, 33 of them unchanged,
 * and made the card 3,000 px tall at 320 px; two versions compared listed every line alike.
 */
import { useState, type ReactNode } from 'react';
import { Caption1, Switch, makeStyles } from '@fluentui/react-components';
import { SAME_AMOUNT } from '../../../src/sheets/stale-cells';
import { useNumbers } from '../../state/numbers';
import { changeOf, type ChangeRow } from './ChangeTable';

const useStyles = makeStyles({
  // The switch's track starts under the count's first letter: Fluent's 8 px margin put it right of it.
  flush: { marginLeft: 0 },
});

/** The rows to show and the count and switch that choose them (nothing to choose when every line differs). */
export function useChangedOnly<R extends Pick<ChangeRow, 'before' | 'after' | 'change'>>(
  rows: readonly R[],
): { shown: readonly R[]; control: ReactNode } {
  const numbers = useNumbers();
  const styles = useStyles();
  const [changedOnly, setChangedOnly] = useState(true);
  const changed = rows.filter((r) => Math.abs(changeOf(r)) >= SAME_AMOUNT);
  const control = (
    <>
      <Caption1>
        {numbers.format(changed.length, 'count')} of {numbers.format(rows.length, 'count')} lines differ.
      </Caption1>
      {changed.length < rows.length && (
        <Switch
          indicator={{ className: styles.flush }}
          label="Changed lines only"
          checked={changedOnly}
          onChange={(_, d) => setChangedOnly(Boolean(d.checked))}
        />
      )}
    </>
  );
  return { shown: changedOnly ? changed : rows, control };
}
