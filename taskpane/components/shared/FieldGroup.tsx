/**
 * Fields under one legend (the Scenarios wizard's "SIP drivers" and "Outputs"): a fieldset, so screen
 * readers name the group, without the browser's own frame, margin and legend padding. Those put the
 * legend 4 px and the contents 2 px right of the fields beside the group ("SIP drivers" beside "Scenario
 * name" at 320 px); the layout e2e test checks that a group starts where the fields beside it start.
 */
import type { ReactNode } from 'react';
import { makeStyles, mergeClasses } from '@fluentui/react-components';

const useStyles = makeStyles({
  // minWidth 0: a fieldset is at least as wide as its contents by default, and must shrink with the pane.
  group: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0 },
});

export interface FieldGroupProps {
  legend: string;
  /** Lays out the contents (e.g. a column with a gap). */
  className?: string;
  children?: ReactNode;
}

export function FieldGroup({ legend, className, children }: FieldGroupProps) {
  const styles = useStyles();
  return (
    <fieldset className={mergeClasses(styles.group, className)}>
      <legend className={styles.legend}>{legend}</legend>
      {children}
    </fieldset>
  );
}
