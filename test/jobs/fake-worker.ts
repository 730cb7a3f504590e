/**
 * A stand-in for a Web Worker in Node tests: it runs the real job runner (src/jobs/runner.ts) on the
 * other side of a structured clone, answering on later turns of the event loop as a worker would,
 * and moving transferred buffers (they are detached on the sending side).
 */
import { createJobRunner } from '../../src/jobs/runner';
import type { WebWorkerLike } from '../../src/jobs/endpoints';
import type { JobCatalogue, JobHandlers, JobReply, JobRequest } from '../../src/jobs/protocol';

export interface FakeWorker extends WebWorkerLike {
  /** Every request it received, as received. */
  seen: JobRequest[];
  terminated: boolean;
  /** Makes the worker fail as a script that did not load would. */
  crash(): void;
}

const later = (fn: () => void): void => void setTimeout(fn, 0);

export function fakeWorker<C extends JobCatalogue>(
  handlers: JobHandlers<C>,
  options: { broken?: boolean } = {},
): FakeWorker {
  const worker: FakeWorker = {
    seen: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      const copy = structuredClone(message, { transfer }) as JobRequest;
      later(() => {
        if (worker.terminated) return;
        if (options.broken) worker.onerror?.({ message: 'worker script failed to load' });
        else {
          worker.seen.push(copy);
          receive(copy);
        }
      });
    },
    terminate() {
      worker.terminated = true;
    },
    crash() {
      later(() => worker.onerror?.({ message: 'worker crashed' }));
    },
  };
  const receive = createJobRunner(handlers, (reply: JobReply, transfer) => {
    const copy = structuredClone(reply, { transfer }) as JobReply;
    later(() => !worker.terminated && worker.onmessage?.({ data: copy }));
  });
  return worker;
}
