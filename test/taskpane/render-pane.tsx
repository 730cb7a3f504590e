/** The whole pane over `repository`, with the test defaults (no host, the workbook double, this thread's runner). */
import { render } from '@testing-library/react';
import type { Repository } from '../../src/store/repository';
import { App, type AppProps } from '../../taskpane/components/App';
import { createThreadRunner } from '../../taskpane/run/scenario-runner';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';

export function renderPane(repository: Repository, props: Partial<AppProps> = {}) {
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
