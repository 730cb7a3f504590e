/** A list without bullets, its items stacked with the pane's small vertical gap. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const usePlainListStyles = makeStyles({
  list: {
    listStyleType: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});
