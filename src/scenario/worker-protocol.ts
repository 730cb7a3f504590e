/**
 * The message protocol between the task pane and the scenario Web Worker, and the driver that runs
 * a scenario block by block with progress and cancellation. Pure: no DOM, no Worker API — the
 * worker file (taskpane/workers/scenario-worker.ts) only wires `createScenarioWorkerHandler` to
 * `postMessage`/`onmessage`, so the protocol is tested in Node.
 *
 * Flow: the pane posts `run` with an id and a spec; the worker answers `progress` after every
 * block (trials done, total), then exactly one of `result`, `error` or `cancelled`. A `cancel` with
 * the same id stops the run before its next block, i.e. within one block's time (blockSize trials,
 * default 100,000: about a second for the standard model).
 */
import { isFpaError } from '../errors';
import { AsyncRunOptions, runScenarioAsync, ScenarioResult } from './run';
import { ScenarioSpec } from './spec';

export type ScenarioWorkerRequest =
  | {
      type: 'run';
      id: string;
      spec: ScenarioSpec;
      /** output names whose trial values to send back ("*" = every output) */ trials?: string[];
    }
  | { type: 'cancel'; id: string };

export type ScenarioWorkerEvent =
  | { type: 'progress'; id: string; done: number; total: number }
  | { type: 'result'; id: string; result: ScenarioResult; trials?: Record<string, Float64Array> }
  | { type: 'error'; id: string; code: string; kind: string; message: string }
  | { type: 'cancelled'; id: string };

/**
 * Runs a scenario in blocks, reporting progress and honouring the abort signal between blocks.
 * @returns the result and the requested trial columns
 * @throws SCENARIO_CANCELLED when aborted; any SCENARIO_* input error
 */
export async function runScenarioChunks(
  spec: ScenarioSpec,
  options: AsyncRunOptions & { trials?: readonly string[] } = {},
): Promise<{ result: ScenarioResult; trials: Record<string, Float64Array> }> {
  const run = await runScenarioAsync(spec, options);
  const trials: Record<string, Float64Array> = {};
  const wanted = options.trials?.includes('*') ? run.plan.program.outputs : (options.trials ?? []);
  for (const name of wanted) {
    const index = run.plan.program.outputs.findIndex((o) => o.toLowerCase() === name.toLowerCase());
    if (index >= 0) trials[run.plan.program.outputs[index]] = run.simulation.outputColumns[index];
  }
  return { result: run.result, trials };
}

/**
 * A message handler for the worker: keeps one AbortController per running id.
 * @param post sends an event to the pane (postMessage); trial arrays may be transferred
 * @param yieldControl how to give the event loop a turn between blocks (default setTimeout 0)
 */
export function createScenarioWorkerHandler(
  post: (event: ScenarioWorkerEvent) => void,
  yieldControl?: () => Promise<void>,
): (request: ScenarioWorkerRequest) => Promise<void> {
  const running = new Map<string, AbortController>();
  return async (request) => {
    if (request.type === 'cancel') {
      running.get(request.id)?.abort();
      return;
    }
    const { id } = request;
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const { result, trials } = await runScenarioChunks(request.spec, {
        signal: controller.signal,
        trials: request.trials,
        yieldControl,
        onProgress: ({ done, total }) => post({ type: 'progress', id, done, total }),
      });
      post({ type: 'result', id, result, ...(request.trials ? { trials } : {}) });
    } catch (error) {
      if (isFpaError(error) && error.code === 'SCENARIO_CANCELLED') post({ type: 'cancelled', id });
      else if (isFpaError(error))
        post({ type: 'error', id, code: error.code, kind: error.kind, message: error.fullMessage });
      else
        post({
          type: 'error',
          id,
          code: 'INTERNAL',
          kind: 'internal',
          message: error instanceof Error ? error.message : String(error),
        });
    } finally {
      running.delete(id);
    }
  };
}
