/**
 * The whole pane with the test defaults (no host, an empty function list, the workbook double, an
 * in-memory store, this thread's runner); a test passes only what its case is about.
 */
import { render } from '@testing-library/react';
import { createMemoryRepository } from '../../src/store/memory-repository';
import type { Repository } from '../../src/store/repository';
import { App, type AppProps } from '../../taskpane/components/App';
import { createThreadRunner } from '../../taskpane/run/scenario-runner';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';

export function renderPane(repository: Repository = createMemoryRepository(), props: Partial<AppProps> = {}) {
  return render(
    <App
      host={null}
      loadCatalogue={async () => []}
      workbook={createWorkbookDouble()}
      openStore={async () => ({ repository })}
      runner={createThreadRunner()}
      {...props}
    />,
  );
}
