/**
 * Where jobs run, behind one small interface. The client side sees a `JobEndpoint` (send requests,
 * hear replies and failure, close); the runner side is `createJobRunner` wired to its port. The
 * adapters are typed by the members they use, so this file needs neither the DOM nor Node types:
 * - a Web Worker (custom functions, task pane): `webWorkerEndpoint`, and `serveWebWorker` in the worker;
 * - a worker_threads Worker (CLI): `nodeWorkerEndpoint`, and `serveNodePort` on its parentPort;
 * - this thread (no workers, or a worker failed): `inThreadEndpoint`, the same runner called directly.
 */
import { createJobRunner } from './runner';
import type { JobCatalogue, JobHandlers, JobReply, JobRequest } from './protocol';

export interface JobEndpoint {
  send(request: JobRequest, transfer?: readonly ArrayBuffer[]): void;
  /** One listener for replies and one for failure (the worker could not start, or died). */
  listen(onReply: (reply: JobReply) => void, onFailure: (reason: string) => void): void;
  /** Stops the worker; no failure is reported after this. */
  close(): void;
}

/** The members of a Web Worker used here. */
export interface WebWorkerLike {
  postMessage(message: JobRequest, transfer: ArrayBuffer[]): void;
  onmessage: ((event: { data: JobReply }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

export function webWorkerEndpoint(worker: WebWorkerLike): JobEndpoint {
  return {
    send: (request, transfer = []) => worker.postMessage(request, [...transfer]),
    listen(onReply, onFailure) {
      worker.onmessage = (event) => onReply(event.data);
      worker.onerror = (event) => onFailure(describeFailure(event));
    },
    close: () => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    },
  };
}

/**
 * An endpoint on the Web Worker `create` starts, or null where the host cannot start one (no
 * Worker at all, a blocked script): the caller then runs the job itself. `create` must hold the literal
 * `new Worker(new URL('./x.ts', import.meta.url))`, which is how the bundler finds the worker's chunk.
 */
export function tryWebWorker(create: () => unknown): JobEndpoint | null {
  try {
    return webWorkerEndpoint(create() as WebWorkerLike);
  } catch {
    return null;
  }
}

/** Workers for the host's cores: one per core, at most 4 and at least 1 (2 cores where unknown). */
export function workersForCores(reserve = 0): number {
  const cores = globalThis.navigator?.hardwareConcurrency || 2;
  return Math.max(1, Math.min(4, cores - reserve));
}

/** The members of a worker_threads Worker used here. */
export interface NodeWorkerLike {
  postMessage(message: JobRequest, transferList?: readonly ArrayBuffer[]): void;
  on(event: 'message', listener: (reply: JobReply) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): unknown;
  unref?(): void;
}

export function nodeWorkerEndpoint(worker: NodeWorkerLike): JobEndpoint {
  let closed = false;
  return {
    send: (request, transfer = []) => worker.postMessage(request, transfer),
    listen(onReply, onFailure) {
      worker.on('message', onReply);
      worker.on('error', (error) => !closed && onFailure(error.message));
      worker.on('exit', (code) => !closed && onFailure(`the worker exited with code ${code}`));
    },
    close: () => {
      closed = true;
      void worker.terminate();
    },
  };
}

/** Runs jobs on this thread through the same runner, answering on a later microtask as a port would. */
export function inThreadEndpoint<C extends JobCatalogue>(handlers: JobHandlers<C>): JobEndpoint {
  let deliver: (reply: JobReply) => void = () => undefined;
  const receive = createJobRunner(handlers, (reply) => queueMicrotask(() => deliver(reply)));
  return {
    send: (request) => queueMicrotask(() => receive(request)),
    listen(onReply) {
      deliver = onReply;
    },
    close: () => {
      deliver = () => undefined;
    },
  };
}

/** The members of a Web Worker's global scope used here. */
export interface WebWorkerScopeLike {
  postMessage(message: JobReply, transfer: ArrayBuffer[]): void;
  onmessage: ((event: { data: JobRequest }) => void) | null;
}

/** Inside a Web Worker: answers the jobs posted to it. */
export function serveWebWorker<C extends JobCatalogue>(scope: WebWorkerScopeLike, handlers: JobHandlers<C>): void {
  const receive = createJobRunner(handlers, (reply, transfer) => scope.postMessage(reply, transfer));
  scope.onmessage = (event) => receive(event.data);
}

/** The members of worker_threads' parentPort used here. */
export interface NodePortLike {
  postMessage(message: JobReply, transferList?: readonly ArrayBuffer[]): void;
  on(event: 'message', listener: (request: JobRequest) => void): unknown;
}

/** Inside a worker_threads Worker: answers the jobs posted to it. */
export function serveNodePort<C extends JobCatalogue>(port: NodePortLike, handlers: JobHandlers<C>): void {
  const receive = createJobRunner(handlers, (reply, transfer) => port.postMessage(reply, transfer));
  port.on('message', receive);
}

function describeFailure(event: unknown): string {
  const message = (event as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message ? message : 'the worker failed';
}
