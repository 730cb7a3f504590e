/**
 * The forecast Web Worker: runs forecast jobs posted by functions/forecast-pool.ts. All logic is in
 * src/forecast/worker-protocol.ts; this file only connects it to the worker's message port.
 */
import { answerForecastJob } from '../../src/forecast/worker-protocol';
import type { ForecastJobMessage, ForecastJobReply } from '../../src/forecast/worker-protocol';

interface WorkerScope {
  postMessage(message: ForecastJobReply): void;
  onmessage: ((event: MessageEvent<ForecastJobMessage>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  scope.postMessage(answerForecastJob(event.data));
};
