/**
 * Settings › Team server: connect to the optional backend, see its status (online, offline with N
 * queued writes, error), the last sync time, and settle conflicts by choosing between your version
 * and the server's. The add-in works fully without it.
 */
import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { NoticeBar } from '../shared/Notice';
import { statusLine, type Connector, type ConnectorState } from '../../../src/connector';
import { TitledSection } from '../shared/TitledSection';
import { useLayoutStyles } from '../shared/layout-styles';

export interface TeamServerProps {
  /** The backend URL from Settings ('' when none is set). */
  baseUrl: string;
  /** Resolves the pane's connector (created lazily; its queue lives in IndexedDB). */
  getConnector: () => Promise<Connector>;
  /** Builds the token source from a pasted development token (Office SSO first where available). */
  tokenSource: (pastedToken: string) => () => Promise<string>;
}

const useStyles = makeStyles({
  conflict: {
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
  },
});

const time = (epochMs: number) => new Date(epochMs).toLocaleTimeString();

export function TeamServer({ baseUrl, getConnector, tokenSource }: TeamServerProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [connector, setConnector] = useState<Connector | null>(null);
  const [state, setState] = useState<ConnectorState | null>(null);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let unsubscribe = () => {};
    getConnector().then(
      (c) => {
        setConnector(c);
        setState(c.getState());
        unsubscribe = c.subscribe(setState);
      },
      (error: unknown) =>
        setProblem(
          `The offline queue could not be opened (${error instanceof Error ? error.message : String(error)}); the team server is unavailable in this session.`,
        ),
    );
    return () => unsubscribe();
  }, [getConnector]);

  const act = async (work: (c: Connector) => Promise<ConnectorState>) => {
    if (!connector) return;
    setBusy(true);
    setProblem(null);
    try {
      setState(await work(connector));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const connected = state !== null && state.status !== 'disconnected';
  return (
    <TitledSection id="team-server" title="Team server" level="h3" className={layout.column}>
      <Body1 data-testid="team-server-status" role="status">
        {state ? statusLine(state, time) : 'Not connected'}
      </Body1>
      {!baseUrl && <Caption1>Set a backend URL above to share models, reviews and proposals with your team.</Caption1>}
      {baseUrl && !connected && (
        <Field label="Development token" hint="Used when Office sign-in is not available (ask your administrator).">
          <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} autoComplete="off" />
        </Field>
      )}
      <div className={layout.row}>
        {!connected ? (
          <Button
            appearance="primary"
            disabled={!baseUrl || !connector || busy}
            onClick={() => act((c) => c.connect(baseUrl, tokenSource(token)))}
          >
            Connect
          </Button>
        ) : (
          <>
            <Button disabled={busy} onClick={() => act((c) => c.sync({ ignoreBackoff: true }))}>
              Sync now
            </Button>
            <Button disabled={busy} onClick={() => act((c) => c.disconnect())}>
              Disconnect
            </Button>
          </>
        )}
      </div>
      {problem && <NoticeBar intent="error" text={problem} />}
      {state?.conflicts.map((conflict) => (
        <div
          key={conflict.seq}
          className={styles.conflict}
          role="group"
          aria-label={`Conflict on ${conflict.write.endpoint}`}
        >
          <Body1>{conflict.message}</Body1>
          <Caption1 block>Yours</Caption1>
          <div className={styles.code}>{JSON.stringify(conflict.yours, null, 1)}</div>
          <Caption1 block>On the server now</Caption1>
          <div className={styles.code}>{JSON.stringify(conflict.current, null, 1)}</div>
          <div className={layout.row}>
            <Button size="small" disabled={busy} onClick={() => act((c) => c.resolveConflict(conflict.seq, 'mine'))}>
              Keep mine
            </Button>
            <Button size="small" disabled={busy} onClick={() => act((c) => c.resolveConflict(conflict.seq, 'theirs'))}>
              Keep theirs
            </Button>
          </div>
        </div>
      ))}
    </TitledSection>
  );
}
