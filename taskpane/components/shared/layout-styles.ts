/**
 * The pane's layout primitives, written once: a column whose parts stack with the small (`column`)
 * or the medium (`spacedColumn`) vertical gap, as views, panels and forms do, and a row of controls
 * that wraps at the pane's width.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useLayoutStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  spacedColumn: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});
