/** The pane with a plan/actual sheet scanned, on the Proposals view (the proposals tests share it). */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { openView } from './open-view';
import { renderPane } from './render-pane';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';
import { createMemoryRepository } from '../../src/store/memory-repository';
import type { Repository } from '../../src/store/repository';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { sampleSheet } from '../../taskpane/review/sample-sheet';
import type { Cell } from '../../taskpane/workbook/types';
import type { Connector } from '../../src/connector';

export async function openProposals(
  values: Cell[][] = sampleSheet(),
  repository: Repository = createMemoryRepository(),
  getConnector?: () => Promise<Connector>,
) {
  const workbook = createWorkbookDouble({ selection: { address: 'Budget!A1:AC7', values } });
  renderPane(repository, {
    workbook,
    initialTab: 'anomalies',
    solver: glpkNodeSolver,
    ...(getConnector ? { getConnector } : {}),
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Scan selection' }, { timeout: 10000 }));
  await screen.findByText(/^6 lines over 12 periods/, {}, { timeout: 10000 });
  await openView('Proposals');
  // The view reads the stored proposals as it opens (aria-busy until then): wait for that read, so
  // its state updates land here and not in the middle of the test's next step.
  const view = (await screen.findByText('Proposals', { selector: 'h2' }, { timeout: 10000 })).closest('section')!;
  await waitFor(() => expect(view.getAttribute('aria-busy')).toBeNull(), { timeout: 10000 });
  return { repository, workbook };
}
