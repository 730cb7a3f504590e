/**
 * The runner side of the job protocol: receives `run` and `cancel` messages, runs each job with its
 * handler, and posts progress and exactly one result or error per job. It never throws: a handler's
 * failure becomes an `error` reply. Wired to a Web Worker's scope, a worker_threads port or (for the
 * in-thread fallback) directly to a client by src/jobs/endpoints.ts.
 */
import { JobErrors } from './errors';
import { jobErrorData } from './protocol';
import type { JobCatalogue, JobContext, JobHandlers, JobReply, JobRequest } from './protocol';

/** Sends a reply; `transfer` lists buffers to move with it. */
export type PostReply = (reply: JobReply, transfer: ArrayBuffer[]) => void;

/**
 * @returns the function to call with every request message
 * @example
 *   const receive = createJobRunner({ double: (n: number) => 2 * n }, (reply) => port.postMessage(reply));
 *   receive({ type: 'run', id: 1, kind: 'double', payload: 21 }); // posts { type: 'result', id: 1, value: 42 }
 */
export function createJobRunner<C extends JobCatalogue>(
  handlers: JobHandlers<C>,
  post: PostReply,
): (request: JobRequest) => void {
  const running = new Map<number, AbortController>();
  const table = handlers as Record<string, (payload: unknown, context: JobContext) => unknown>;
  const fail = (id: number, error: unknown): void => {
    const data = jobErrorData(error);
    try {
      post({ type: 'error', id, error: data }, []);
    } catch {
      // An error's extra data that cannot be cloned is dropped; its code and message still go.
      post({ type: 'error', id, error: { ...data, data: undefined } }, []);
    }
  };

  const start = async (id: number, kind: string, payload: unknown): Promise<void> => {
    const controller = new AbortController();
    running.set(id, controller);
    const transfer: ArrayBuffer[] = [];
    const context: JobContext = {
      signal: controller.signal,
      progress: (done, total) => post({ type: 'progress', id, done, total }, []),
      transfer: (buffers) => void transfer.push(...buffers),
    };
    try {
      const handler = Object.prototype.hasOwnProperty.call(table, kind) ? table[kind] : undefined;
      if (!handler) throw JobErrors.unknownKind(kind, Object.keys(table));
      const value = await handler(payload, context);
      try {
        post({ type: 'result', id, value }, transfer);
      } catch (error) {
        // The value could not be cloned (a bug in the handler): say so rather than never answer.
        fail(id, error);
      }
    } catch (error) {
      fail(id, error);
    } finally {
      running.delete(id);
    }
  };

  return (request) => {
    if (request.type === 'cancel') running.get(request.id)?.abort();
    else void start(request.id, request.kind, request.payload);
  };
}
