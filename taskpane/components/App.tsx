/**
 * The task pane shell: a one-line header (name, environment, identity chip), one row of view tabs
 * with the rest under "More", and the selected view. It follows the Office theme, opens the local
 * store (telling the user when it falls back to the workbook copy), and gives every view the one
 * number formatter of the user's locale.
 */
import { useEffect, useMemo, useState } from 'react';
import { FluentProvider, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Connector } from '../../src/connector';
import type { NumberStyle } from '../../src/format';
import type { OpenedStore } from '../../src/store/open-store';
import type { Solver } from '../../src/solver/types';
import { glpkBrowserSolver } from '../../src/solver/glpk-browser';
import { paneConnector } from '../connector/pane-connector';
import { signedInOf, useConnector } from '../connector/use-signed-in';
import { keepSentModel } from '../drivers/shared-models';
import type { CatalogueEntry } from '../function-catalogue';
import { useReview } from '../review/use-review';
import { createThreadCashRunner } from '../run/cash-runner';
import type { CashRunner } from '../run/cash-runner';
import type { ScenarioRunner } from '../run/scenario-runner';
import { NumbersProvider } from '../state/numbers';
import { usePaneData } from '../state/use-pane-data';
import { fluentTheme, ThemeName } from '../theme';
import type { Workbook } from '../workbook/types';
import { Header } from './shell/Header';
import { KnownLineIds } from './tables/KnownLineIds';
import { IdentityChip } from './shell/IdentityChip';
import { Navigation } from './shell/Navigation';
import { VIEWS, viewById } from './shell/views';

/** A view's id (see shell/views.tsx). */
export type TabId = string;

export interface AppProps {
  /** The Office host name ("Excel"), or null outside Office. */
  host: string | null;
  loadCatalogue: () => Promise<CatalogueEntry[]>;
  workbook: Workbook;
  openStore: () => Promise<OpenedStore>;
  runner: ScenarioRunner;
  /** @default "light" */
  theme?: ThemeName;
  /** @default "drivers" */
  initialTab?: TabId;
  /** LP solver for reallocation proposals. @default glpk.js in a Web Worker */
  solver?: Solver;
  /** Where the Cash view's plans are computed. @default this thread, over `solver` */
  cashRunner?: CashRunner;
  /** Locale, currency and separators for every number shown or typed. @default en-US */
  numberStyle?: NumberStyle;
  /** The team server connection (Settings › Team server connects it). @default the pane's connector */
  getConnector?: () => Promise<Connector>;
}

const useStyles = makeStyles({
  root: {
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minWidth: '280px',
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  panel: { paddingTop: tokens.spacingVerticalS, minWidth: 0 },
});

const DEFAULT_STYLE: NumberStyle = {};

export function App({
  host,
  loadCatalogue,
  workbook,
  openStore,
  runner,
  theme = 'light',
  initialTab = 'drivers',
  solver = glpkBrowserSolver,
  cashRunner,
  numberStyle = DEFAULT_STYLE,
  getConnector = paneConnector,
}: AppProps) {
  const styles = useStyles();
  const cash = useMemo(() => cashRunner ?? createThreadCashRunner(solver), [cashRunner, solver]);
  const [tab, setTab] = useState<string>(viewById(initialTab).id);
  const [store, setStore] = useState<OpenedStore | null>(null);
  const [storeError, setStoreError] = useState<string | null>(null);
  useEffect(() => {
    openStore().then(setStore, (e: unknown) => setStoreError(e instanceof Error ? e.message : String(e)));
  }, [openStore]);
  const repository = store?.repository ?? null;
  const { data, actions, copyProblem } = usePaneData(repository, workbook);
  const team = useConnector(getConnector);
  // One identity per server and verified user: a state change that keeps both (a write queued or
  // sent) does not make every view re-read the team's data, racing the view's own reads and writes.
  const connected = team.state !== null && team.state.status !== 'disconnected';
  const signedIn = useMemo(
    () => signedInOf(team.state, team.connector),
    [team.connector, connected, team.state?.baseUrl, team.state?.user],
  );
  const review = useReview(repository, workbook, signedIn, numberStyle);
  const { reload } = actions;
  // A save of the model that reaches the server later (from the queue) moves its link to the new version.
  useEffect(() => {
    if (!team.connector || !repository) return undefined;
    return team.connector.onSent((sent) => {
      void keepSentModel(repository, sent).then((kept) => kept && reload());
    });
  }, [team.connector, repository, reload]);
  const view = viewById(tab);
  // The ids a message may name: the scanned lines and cost centres and the user's cost centres.
  const signedInCentres = signedIn?.user.costCentres;
  const lineIds = useMemo(
    () => [
      ...(review.scan?.lines.flatMap((l) => [l.id, l.costCentre]) ?? []),
      ...review.identity.costCentres,
      ...(Array.isArray(signedInCentres) ? signedInCentres : []),
    ],
    [review.scan, review.identity, signedInCentres],
  );

  return (
    <FluentProvider theme={fluentTheme(theme)}>
      <NumbersProvider style={numberStyle}>
        <main className={styles.root} aria-labelledby="openfpa-title" data-theme={theme}>
          <Header
            environment={host ? null : workbook.label}
            identity={
              <IdentityChip
                identity={review.identity}
                signedIn={signedIn}
                onChange={(next) => void review.setIdentity(next)}
              />
            }
          />
          {store?.problem && (
            <MessageBar intent="warning" role="alert">
              <MessageBarBody>{store.problem}</MessageBarBody>
            </MessageBar>
          )}
          {(storeError || copyProblem) && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{storeError ?? copyProblem}</MessageBarBody>
            </MessageBar>
          )}
          <Navigation views={VIEWS} selected={view.id} onSelect={setTab} />
          <div className={styles.panel} role="tabpanel" id={`panel-${view.id}`} aria-labelledby={`tab-${view.id}`}>
            {!data && !storeError && <Spinner size="small" label="Opening your data" />}
            <KnownLineIds ids={lineIds}>
              {data &&
                repository &&
                view.render({
                  data,
                  actions,
                  repository,
                  review,
                  workbook,
                  runner,
                  cashRunner: cash,
                  solver,
                  loadCatalogue,
                  navigate: setTab,
                  getConnector,
                })}
            </KnownLineIds>
          </div>
        </main>
      </NumbersProvider>
    </FluentProvider>
  );
}
