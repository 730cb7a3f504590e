/** The pane with a plan/actual sheet scanned, on the Proposals view (the proposals tests share it). */
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../taskpane/components/App';
import { openView } from './open-view';
import { createThreadRunner } from '../../taskpane/run/scenario-runner';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';
import { createMemoryRepository } from '../../src/store/memory-repository';
import type { Repository } from '../../src/store/repository';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { sampleSheet } from '../../taskpane/review/sample-sheet';
import type { Cell } from '../../taskpane/workbook/types';
import type { Connector } from '../../src/connector';

(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

export async function openProposals(
  values: Cell[][] = sampleSheet(),
  repository: Repository = createMemoryRepository(),
  getConnector?: () => Promise<Connector>,
) {
  const workbook = createWorkbookDouble({ selection: { address: 'Budget!A1:AC7', values } });
  render(
    <App
      host={null}
      loadCatalogue={async () => []}
      workbook={workbook}
      openStore={async () => ({ repository })}
      runner={createThreadRunner()}
      initialTab="anomalies"
      solver={glpkNodeSolver}
      {...(getConnector ? { getConnector } : {})}
    />,
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Scan selection' }, { timeout: 10000 }));
  await screen.findByText(/^6 lines over 12 periods/, {}, { timeout: 10000 });
  await openView('Proposals');
  return { repository, workbook };
}
