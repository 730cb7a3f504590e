/**
 * The task pane shell: follows the Office theme, opens the local store (telling the user when it
 * falls back to the workbook copy), and navigates between Drivers, Scenarios, Anomalies, Proposals
 * and Settings with a keyboard-accessible tab list.
 */
import { useEffect, useState } from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { OpenedStore } from '../../src/store/open-store';
import type { CatalogueEntry } from '../function-catalogue';
import type { ScenarioRunner } from '../run/scenario-runner';
import { usePaneData } from '../state/use-pane-data';
import { fluentTheme, ThemeName } from '../theme';
import type { Workbook } from '../workbook/types';
import { DriversView } from './drivers/DriversView';
import { ScenariosView } from './scenarios/ScenariosView';
import { SettingsView } from './settings/SettingsView';
import { AnomaliesView } from './anomalies/AnomaliesView';
import { ProposalsView } from './proposals/ProposalsView';
import { useReview } from '../review/use-review';
import type { Solver } from '../../src/solver/types';
import { glpkBrowserSolver } from '../../src/solver/glpk-browser';

export type TabId = 'drivers' | 'scenarios' | 'anomalies' | 'proposals' | 'settings';

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
}

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: '280px',
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  tabs: { flexWrap: 'wrap' },
});

const TABS: { id: TabId; label: string }[] = [
  { id: 'drivers', label: 'Drivers' },
  { id: 'scenarios', label: 'Scenarios' },
  { id: 'anomalies', label: 'Anomalies' },
  { id: 'proposals', label: 'Proposals' },
  { id: 'settings', label: 'Settings' },
];

export function App({
  host,
  loadCatalogue,
  workbook,
  openStore,
  runner,
  theme = 'light',
  initialTab = 'drivers',
  solver = glpkBrowserSolver,
}: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(initialTab);
  const [store, setStore] = useState<OpenedStore | null>(null);
  const [storeError, setStoreError] = useState<string | null>(null);
  useEffect(() => {
    openStore().then(setStore, (e: unknown) => setStoreError(e instanceof Error ? e.message : String(e)));
  }, [openStore]);
  const repository = store?.repository ?? null;
  const { data, actions, copyProblem } = usePaneData(repository, workbook);
  const review = useReview(repository, workbook);

  return (
    <FluentProvider theme={fluentTheme(theme)}>
      <main className={styles.root} aria-labelledby="openfpa-title" data-theme={theme}>
        <Title3 as="h1" id="openfpa-title">
          OpenFPA
        </Title3>
        {!host && (
          <MessageBar intent="info">
            <MessageBarBody>Not running inside Office: {workbook.label} is used.</MessageBarBody>
          </MessageBar>
        )}
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
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabId)}
          aria-label="Views"
          size="small"
        >
          {TABS.map((t) => (
            <Tab key={t.id} value={t.id} id={`tab-${t.id}`} aria-controls={`panel-${t.id}`}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {!data && !storeError && <Spinner size="small" label="Opening your data" />}
          {data && repository && tab === 'anomalies' && <AnomaliesView repository={repository} review={review} />}
          {data && repository && tab === 'proposals' && (
            <ProposalsView repository={repository} review={review} workbook={workbook} solver={solver} />
          )}
          {data && repository && tab === 'drivers' && <DriversView data={data} actions={actions} workbook={workbook} />}
          {data && repository && tab === 'scenarios' && (
            <ScenariosView data={data} actions={actions} workbook={workbook} runner={runner} />
          )}
          {data && repository && tab === 'settings' && (
            <SettingsView data={data} actions={actions} repository={repository} loadCatalogue={loadCatalogue} />
          )}
        </div>
      </main>
    </FluentProvider>
  );
}
