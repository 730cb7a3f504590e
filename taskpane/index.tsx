/**
 * Task pane entry. In the shared runtime this page also hosts the custom functions (functions.js is
 * loaded first by taskpane.html); the pane renders once Office is ready, or at once outside Office
 * (a plain browser, used by the browser tests). Outside Excel, or with `?workbook=double`, the pane
 * talks to the in-memory workbook double, exposed as `window.__openfpaWorkbook` for the e2e test.
 * `?theme=light|dark`, `?tab=` and `?locale=` override the theme, the first view and the number locale
 * (otherwise Office's display language, or the browser's language outside Office).
 */
import { createRoot } from 'react-dom/client';
import { openStore } from '../src/store/open-store';
import type { StoreBundle } from '../src/store/schema';
import { App, TabId } from './components/App';
import { loadFunctionCatalogue } from './function-catalogue';
import { createJobPool } from '../src/jobs/pool';
import { scenarioJobHandlers } from '../src/scenario/jobs';
import { createCashJobHandlers } from '../src/cash/jobs';
import type { CashJobs } from '../src/cash/jobs';
import type { ScenarioJobs } from '../src/scenario/jobs';
import { glpkBrowserSolver } from '../src/solver/glpk-browser';
import { createCashRunner } from './run/cash-runner';
import { createScenarioRunner } from './run/scenario-runner';
import { startScenarioWorker } from './run/start-worker';
import { themeName } from './theme';
import { createOfficeWorkbook } from './workbook/office-workbook';
import { createWorkbookDouble } from './workbook/workbook-double';
import type { Workbook } from './workbook/types';

/** Every job the pane's worker serves (taskpane/workers/scenario-worker.ts). */
type PaneJobs = ScenarioJobs & CashJobs;

function render(host: string | null): void {
  const container = document.getElementById('root');
  if (!container) return;
  document.body.style.margin = '0'; // the pane's own background reaches the edges in every theme
  const query = new URLSearchParams(window.location.search);
  let workbook: Workbook;
  if (host === 'Excel' && query.get('workbook') !== 'double') workbook = createOfficeWorkbook();
  else {
    const double = createWorkbookDouble();
    (window as unknown as { __openfpaWorkbook: unknown }).__openfpaWorkbook = double;
    workbook = double;
  }
  const officeBackground = typeof Office !== 'undefined' ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  const theme = themeName(
    officeBackground,
    query.get('theme'),
    window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  );
  const copy = {
    load: async () => {
      const text = await workbook.loadDocumentCopy();
      return text ? (JSON.parse(text) as StoreBundle) : null;
    },
    save: (bundle: StoreBundle) => workbook.saveDocumentCopy(JSON.stringify(bundle)),
  };
  const open = () => openStore(copy);
  // Large scenarios and cash plans run in a Web Worker so the pane stays responsive; `?runner=thread`
  // forces the fallback.
  const pool = createJobPool<PaneJobs>({
    handlers: { ...scenarioJobHandlers, ...createCashJobHandlers(glpkBrowserSolver) },
    start: startScenarioWorker,
    size: query.get('runner') === 'thread' ? 0 : 1,
  });
  const runner = createScenarioRunner(pool);
  const cashRunner = createCashRunner(pool);
  const locale =
    query.get('locale') ??
    (typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined) ??
    navigator.language;
  createRoot(container).render(
    <App
      host={host}
      loadCatalogue={loadFunctionCatalogue}
      workbook={workbook}
      openStore={open}
      runner={runner}
      cashRunner={cashRunner}
      theme={theme}
      initialTab={(query.get('tab') as TabId | null) ?? 'drivers'}
      numberStyle={{ locale }}
    />,
  );
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => render(info.host ? String(info.host) : null));
} else {
  render(null);
}
