/**
 * The scenario Web Worker: runs large Monte Carlo scenarios off the task pane's thread. All logic
 * lives in src/scenario/worker-protocol.ts; this file only connects it to the worker's message port.
 * Create it from the pane with
 *   new Worker(new URL('./workers/scenario-worker.ts', import.meta.url))
 * and post `ScenarioWorkerRequest` messages; `ScenarioWorkerEvent` messages come back.
 */
import {
  createScenarioWorkerHandler,
  ScenarioWorkerEvent,
  ScenarioWorkerRequest,
} from '../../src/scenario/worker-protocol';

interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ScenarioWorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

const handle = createScenarioWorkerHandler((event: ScenarioWorkerEvent) => {
  // Trial columns are transferred, not copied: a 1,000,000-trial column is 8 MB.
  const transfer =
    event.type === 'result' && event.trials ? Object.values(event.trials).map((t) => t.buffer as ArrayBuffer) : [];
  scope.postMessage(event, transfer);
});

scope.onmessage = (event) => {
  void handle(event.data);
};
