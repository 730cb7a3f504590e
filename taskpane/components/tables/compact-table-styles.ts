/**
 * The pane's compact table: small type, 2 × 4 px cells ruled below, tabular figures, semibold
 * headings; amounts right-aligned and never wrapped, the chosen row shaded. The flag table, the
 * allocation inputs, the run's statistics and a driver's prior against its posterior are drawn with
 * it (each adds its own layout), and the Fluent table of ChangeTable takes its amount cells.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useCompactTableStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
    // Each heading sets its own alignment (a rule for every th here would beat the amounts' class).
    '& th': { fontWeight: tokens.fontWeightSemibold },
    '& th, & td': { padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  start: { textAlign: 'left' },
  chosen: { backgroundColor: tokens.colorNeutralBackground1Selected },
});
