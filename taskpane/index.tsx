/**
 * Task pane entry. In the shared runtime this page also hosts the custom functions (functions.js is
 * loaded first by taskpane.html); the pane renders once Office is ready, or at once outside Office
 * (a plain browser, used by the browser tests).
 */
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { loadFunctionCatalogue } from './function-catalogue';

function render(host: string | null): void {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(<App host={host} loadCatalogue={loadFunctionCatalogue} />);
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => render(info.host ? String(info.host) : null));
} else {
  render(null);
}
