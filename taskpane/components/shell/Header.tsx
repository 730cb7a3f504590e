/**
 * The pane's compact header, one line: the product name, where the pane is working (a chip when it
 * is not Excel), and the identity chip. Problems with storage show below it, only when there are any.
 */
import type { ReactNode } from 'react';
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '32px',
    minWidth: 0,
  },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, flexShrink: 0 },
  // One line at 320 px: the chip keeps its words together; the identity chip beside it shortens instead.
  environment: { flexShrink: 0, whiteSpace: 'nowrap' },
  spacer: { flexGrow: 1 },
});

export function Header({ environment, identity }: { environment: string | null; identity: ReactNode }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Text as="h1" id="openfpa-title" className={styles.title}>
        OpenFPA
      </Text>
      {environment && (
        <Badge
          appearance="tint"
          color="informative"
          size="small"
          className={styles.environment}
          data-testid="environment"
          title={`Not running inside Office: ${environment} is used.`}
          aria-label={`test workbook: not running inside Office, ${environment} is used`}
        >
          test workbook
        </Badge>
      )}
      <span className={styles.spacer} />
      {identity}
    </header>
  );
}
