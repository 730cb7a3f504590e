/**
 * A save of the pane's model that met a newer copy on the team server: the server's message, both
 * versions side by side (expression lines and drivers), and the choice, keep mine or take theirs.
 */
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ConflictEntry } from '../../../src/connector/queue-store';
import type { DriverModel, DriverSpec } from '../../../src/model/driver';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorPaletteRedBorder2}`,
  },
  sides: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  side: { flexGrow: 1, flexBasis: '130px', minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Expression lines as code: monospace, wrapped anywhere so a long line never widens the pane. */
export const useCodeStyles = makeStyles({
  code: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
});

/** "units pert, price normal": the drivers a saved model holds. */
export const driverNames = (drivers: readonly DriverSpec[] | undefined): string =>
  (drivers ?? []).map((d) => `${d.name} ${d.distribution}`).join(', ') || 'none';

/** One side of a conflict: its expression lines and drivers. */
function ModelSide({ title, model }: { title: string; model: Partial<DriverModel> | null | undefined }) {
  const styles = useStyles();
  const code = useCodeStyles();
  return (
    <div className={styles.side} role="group" aria-label={title}>
      <Body1 block>{title}</Body1>
      <pre className={code.code}>{model?.expression ?? ''}</pre>
      <Caption1>Drivers: {driverNames(model?.drivers)}</Caption1>
    </div>
  );
}

export function ModelConflict({
  conflict,
  busy,
  onSettle,
}: {
  conflict: ConflictEntry;
  busy: boolean;
  onSettle: (choice: 'mine' | 'theirs') => void;
}) {
  const styles = useStyles();
  const current = conflict.current as Partial<DriverModel> | null;
  return (
    <div className={styles.root} role="group" aria-label="Model conflict">
      <Body1>{conflict.message}</Body1>
      <div className={styles.sides}>
        <ModelSide title="Yours" model={conflict.yours as Partial<DriverModel>} />
        <ModelSide title={`On the server (version ${current?.version ?? '?'})`} model={current} />
      </div>
      <div className={styles.row}>
        <Button size="small" disabled={busy} onClick={() => onSettle('mine')}>
          Keep mine
        </Button>
        <Button size="small" disabled={busy} onClick={() => onSettle('theirs')}>
          Take theirs
        </Button>
      </div>
    </div>
  );
}
