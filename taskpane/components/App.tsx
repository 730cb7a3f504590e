/**
 * The task pane shell: follows the Office theme, and lists the planning functions this add-in
 * registers with links to their help. Driver, scenario, review and settings views join it as their
 * issues land.
 */
import { useEffect, useState } from 'react';
import { FluentProvider, webLightTheme, Title3, Body1, Caption1, Link, Spinner, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { CatalogueEntry } from '../function-catalogue';

export interface AppProps {
  /** The Office host name ("Excel"), or null outside Office. */
  host: string | null;
  loadCatalogue: () => Promise<CatalogueEntry[]>;
}

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: '280px' },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  name: { fontFamily: tokens.fontFamilyMonospace },
});

export function App({ host, loadCatalogue }: AppProps) {
  const styles = useStyles();
  const [functions, setFunctions] = useState<CatalogueEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    loadCatalogue().then(setFunctions, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }, [loadCatalogue]);

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} aria-labelledby="openfpa-title">
        <Title3 as="h1" id="openfpa-title">OpenFPA</Title3>
        <Body1>{host ? `Connected to ${host}.` : 'Not running inside Office: functions are listed for reference.'}</Body1>
        <section aria-labelledby="functions-title">
          <Title3 as="h2" id="functions-title" style={{ fontSize: tokens.fontSizeBase400 }}>
            Planning functions
          </Title3>
          {problem && (
            <MessageBar intent="error">
              <MessageBarBody>{problem}</MessageBarBody>
            </MessageBar>
          )}
          {!functions && !problem && <Spinner size="tiny" label="Loading functions" />}
          {functions && (
            <ul className={styles.list} data-testid="function-list">
              {functions.map((f) => (
                <li key={f.name}>
                  {f.helpUrl ? (
                    <Link href={f.helpUrl} target="_blank" className={styles.name}>
                      {f.name}
                    </Link>
                  ) : (
                    <span className={styles.name}>{f.name}</span>
                  )}
                  <Caption1 block>{f.description}</Caption1>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </FluentProvider>
  );
}
