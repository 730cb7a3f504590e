/**
 * The three places a job can run, each behind a JobEndpoint: a Web Worker (here a MessageChannel,
 * which clones and transfers as a worker's port does), a real worker_threads Worker, and this thread.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  inThreadEndpoint,
  nodeWorkerEndpoint,
  serveWebWorker,
  tryWebWorker,
  webWorkerEndpoint,
  workersForCores,
} from '../../src/jobs/endpoints';
import type { JobEndpoint, WebWorkerLike, WebWorkerScopeLike } from '../../src/jobs/endpoints';
import type { JobReply, JobRequest } from '../../src/jobs/protocol';
import { testHandlers } from './handlers';

/** Sends one run and collects the replies until the last one. */
function runOnce(endpoint: JobEndpoint, request: Extract<JobRequest, { type: 'run' }>): Promise<JobReply[]> {
  return new Promise((resolve, reject) => {
    const replies: JobReply[] = [];
    endpoint.listen(
      (reply) => {
        replies.push(reply);
        if (reply.type !== 'progress') resolve(replies);
      },
      (reason) => reject(new Error(reason)),
    );
    endpoint.send(request);
  });
}

describe('job endpoints', () => {
  test('a Web Worker: requests and replies cross a real structured clone, results are moved', async () => {
    const channel = new MessageChannel();
    const scope = channel.port2 as unknown as WebWorkerScopeLike;
    serveWebWorker(scope, testHandlers);
    const port = channel.port1;
    const worker: WebWorkerLike = {
      postMessage: (message, transfer) => port.postMessage(message, transfer),
      set onmessage(listener: WebWorkerLike['onmessage']) {
        port.onmessage = listener as (event: MessageEvent) => void;
      },
      get onmessage() {
        return port.onmessage as WebWorkerLike['onmessage'];
      },
      onerror: null,
      terminate: () => {
        port.close();
        channel.port2.close();
      },
    };
    const endpoint = webWorkerEndpoint(worker);
    try {
      const replies = await runOnce(endpoint, { type: 'run', id: 1, kind: 'column', payload: { n: 10 } });
      expect(replies).toHaveLength(1);
      const value = (replies[0] as { value: { values: Float64Array } }).value;
      // (Cloned by Node itself, so the array belongs to Node's realm, not the test's.)
      expect(Object.prototype.toString.call(value.values)).toBe('[object Float64Array]');
      expect(Array.from(value.values)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5]);
    } finally {
      endpoint.close();
    }
  });

  test('a worker_threads Worker: progress, result, and a worker that dies is reported', async () => {
    const fixture = path.join(__dirname, 'fixtures', 'node-worker.ts');
    const start = (): JobEndpoint =>
      nodeWorkerEndpoint(
        new Worker("require('tsx/cjs/api').register(); require(require('worker_threads').workerData);", {
          eval: true,
          workerData: fixture,
        }),
      );
    const endpoint = start();
    try {
      const replies = await runOnce(endpoint, { type: 'run', id: 1, kind: 'count', payload: { to: 6, block: 2 } });
      expect(replies.map((r) => r.type)).toEqual(['progress', 'progress', 'progress', 'result']);
      expect(replies[3]).toEqual({ type: 'result', id: 1, value: { counted: 6, blocks: 3 } });
      await expect(runOnce(endpoint, { type: 'run', id: 2, kind: 'exit', payload: 3 })).rejects.toThrow(
        'the worker exited with code 3',
      );
    } finally {
      endpoint.close();
    }
  }, 30_000);

  test('this thread: the same runner, answering on a later microtask', async () => {
    const endpoint = inThreadEndpoint(testHandlers);
    let answered = false;
    const replies = runOnce(endpoint, { type: 'run', id: 5, kind: 'double', payload: 4 }).then((r) => {
      answered = true;
      return r;
    });
    expect(answered).toBe(false);
    expect(await replies).toEqual([{ type: 'result', id: 5, value: 8 }]);
  });
});

describe('starting Web Workers', () => {
  test('tryWebWorker wraps the worker it starts, and is null where none can start', () => {
    let terminated = 0;
    const worker: WebWorkerLike = {
      postMessage: () => undefined,
      onmessage: null,
      onerror: null,
      terminate: () => void terminated++,
    };
    const endpoint = tryWebWorker(() => worker);
    expect(endpoint).not.toBeNull();
    endpoint!.close();
    expect(terminated).toBe(1);
    expect(
      tryWebWorker(() => {
        throw new ReferenceError('Worker is not defined');
      }),
    ).toBeNull();
  });

  test('workersForCores: one per core, at most 4 and at least 1, less those reserved', () => {
    const navigator = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    const withCores = (hardwareConcurrency: number | undefined, reserve?: number) => {
      Object.defineProperty(globalThis, 'navigator', { value: { hardwareConcurrency }, configurable: true });
      return workersForCores(reserve);
    };
    try {
      expect([1, 2, 3, 8, 64].map((n) => withCores(n))).toEqual([1, 2, 3, 4, 4]);
      expect([1, 2, 3, 8].map((n) => withCores(n, 1))).toEqual([1, 1, 2, 4]);
      expect(withCores(undefined)).toBe(2);
    } finally {
      if (navigator) Object.defineProperty(globalThis, 'navigator', navigator);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });
});
