/**
 * The client side of the job protocol: a pool of workers, each running one job at a time, with this
 * thread as the fallback. Every caller (forecast and scenario cells, the task pane, the CLI) runs its
 * jobs through one of these.
 *
 * - A job with a `route` always goes to the same worker (route mod the number of workers), so a
 *   worker's memoised state answers repeated work; a job without one goes to whichever worker is
 *   free first. Jobs wait in the pool, not in the workers, so a queued job cancels at once; with
 *   `pipeline` above 1 a worker also holds that many jobs in its own queue, so it starts the next
 *   one as it answers, without waiting for this thread to hear the answer and send another.
 * - Cancelling (the `signal`) a queued job rejects it with JOB_CANCELLED; a running job is asked to
 *   stop and settles with what its runner answers (its engine's cancellation error, or its result
 *   when it finished first).
 * - With no workers (none asked for, the host cannot start them, or all have failed) jobs run on
 *   this thread through the same runner; a worker that fails is dropped and its jobs run here.
 *
 * To spread one large job over the workers (e.g. Monte Carlo trials in blocks), run one job per
 * block without a route and merge the answers in block order: the result is the same whichever
 * worker ran which block, and for any number of workers.
 */
import { inThreadEndpoint } from './endpoints';
import type { JobEndpoint } from './endpoints';
import { JobErrors } from './errors';
import { errorFromJob } from './protocol';
import type { JobCatalogue, JobHandlers, JobKind, JobProgress, JobReply } from './protocol';

export interface JobRunOptions {
  /** A whole number: jobs with the same route run on the same worker. */
  route?: number;
  /** Aborting cancels the job. */
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
  /** Buffers of the payload to move to the worker rather than copy. */
  transfer?: readonly ArrayBuffer[];
}

export interface JobPool<C extends JobCatalogue> {
  run<K extends JobKind<C>>(kind: K, payload: C[K]['payload'], options?: JobRunOptions): Promise<C[K]['result']>;
  /** Workers alive; 0 means every job runs on this thread. */
  readonly workers: number;
  /** Stops the workers; jobs they had not finished run on this thread. */
  close(): void;
}

export interface JobPoolOptions<C extends JobCatalogue> {
  /** The handlers for running jobs on this thread (the same ones the workers serve). */
  handlers: JobHandlers<C>;
  /** Starts one worker, or returns null where workers cannot run. */
  start?: () => JobEndpoint | null;
  /** Workers to start (fewer when `start` returns null). @default 0 */
  size?: number;
  /**
   * Jobs sent to a worker before it has answered the first of them. 1 (each worker one job at a
   * time) suits a pool whose caller waits; 2 keeps a worker busy while the thread that hands out the
   * jobs is itself busy (a scenario coordinator running a block of its own between the workers'
   * answers). A job sent ahead is cancelled like a running one. @default 1
   */
  pipeline?: number;
}

interface Job {
  id: number;
  kind: string;
  payload: unknown;
  options: JobRunOptions;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Where it was sent; null while it waits in a queue. */
  sentTo: JobEndpoint | null;
  dropAbortListener: () => void;
}

interface Slot {
  endpoint: JobEndpoint;
  queue: Job[];
  /** Sent to the worker and not yet answered, oldest first (at most `pipeline`). */
  sent: Job[];
}

/**
 * @example
 *   const pool = createJobPool({ handlers: { double: (n: number) => 2 * n } }); // no workers: this thread
 *   await pool.run('double', 21); // 42
 */
export function createJobPool<C extends JobCatalogue>(options: JobPoolOptions<C>): JobPool<C> {
  const jobs = new Map<number, Job>();
  const shared: Job[] = [];
  let slots: Slot[] = [];
  let nextId = 1;
  let here: JobEndpoint | null = null;
  const depth = Math.max(1, Math.floor(options.pipeline ?? 1));

  const onReply = (reply: JobReply): void => {
    const job = jobs.get(reply.id);
    if (!job) return;
    if (reply.type === 'progress') {
      job.options.onProgress?.({ done: reply.done, total: reply.total });
      return;
    }
    jobs.delete(job.id);
    job.dropAbortListener();
    if (reply.type === 'result') job.resolve(reply.value);
    else job.reject(errorFromJob(reply.error));
    const slot = slots.find((s) => s.sent.includes(job));
    if (slot) {
      slot.sent.splice(slot.sent.indexOf(job), 1);
      pump();
    }
  };

  const thisThread = (): JobEndpoint => {
    if (!here) {
      here = inThreadEndpoint(options.handlers);
      here.listen(onReply, () => undefined);
    }
    return here;
  };

  const send = (job: Job, endpoint: JobEndpoint): void => {
    job.sentTo = endpoint;
    endpoint.send({ type: 'run', id: job.id, kind: job.kind, payload: job.payload }, job.options.transfer);
  };

  function pump(): void {
    // A free worker first, then each worker's pipeline one deeper, so jobs spread before they stack.
    for (let level = 0; level < depth; level++)
      for (const slot of slots) {
        if (slot.sent.length > level) continue;
        const next = slot.queue.shift() ?? shared.shift();
        if (!next) continue;
        slot.sent.push(next);
        send(next, slot.endpoint);
      }
  }

  /** Drops a worker; its running and queued jobs run on this thread. */
  const retire = (slot: Slot): void => {
    if (!slots.includes(slot)) return;
    slots = slots.filter((s) => s !== slot);
    slot.endpoint.close();
    const orphans = [...slot.sent, ...slot.queue];
    slot.sent = [];
    slot.queue = [];
    if (slots.length === 0) orphans.push(...shared.splice(0));
    for (const job of orphans) send(job, thisThread());
    pump();
  };

  for (let i = 0; i < (options.size ?? 0) && options.start; i++) {
    const endpoint = options.start();
    if (!endpoint) break;
    const slot: Slot = { endpoint, queue: [], sent: [] };
    endpoint.listen(onReply, () => retire(slot));
    slots.push(slot);
  }

  const cancel = (job: Job): void => {
    if (job.sentTo) {
      job.sentTo.send({ type: 'cancel', id: job.id });
      return;
    }
    for (const queue of [shared, ...slots.map((s) => s.queue)]) {
      const at = queue.indexOf(job);
      if (at >= 0) queue.splice(at, 1);
    }
    jobs.delete(job.id);
    job.reject(JobErrors.cancelled());
  };

  return {
    run(kind, payload, runOptions = {}) {
      return new Promise((resolve, reject) => {
        const signal = runOptions.signal;
        if (signal?.aborted) {
          reject(JobErrors.cancelled());
          return;
        }
        const job: Job = {
          id: nextId++,
          kind,
          payload,
          options: runOptions,
          resolve: resolve as (value: unknown) => void,
          reject,
          sentTo: null,
          dropAbortListener: () => undefined,
        };
        if (signal) {
          const onAbort = (): void => cancel(job);
          signal.addEventListener('abort', onAbort, { once: true });
          job.dropAbortListener = () => signal.removeEventListener('abort', onAbort);
        }
        jobs.set(job.id, job);
        if (slots.length === 0) send(job, thisThread());
        else if (runOptions.route !== undefined) slots[routeIndex(runOptions.route, slots.length)].queue.push(job);
        else shared.push(job);
        pump();
      });
    },
    get workers() {
      return slots.length;
    },
    close() {
      for (const slot of [...slots]) retire(slot);
    },
  };
}

/** The worker a route maps to: any finite number works, the same number always maps the same. */
function routeIndex(route: number, workers: number): number {
  const whole = Number.isFinite(route) ? Math.abs(Math.trunc(route)) : 0;
  return whole % workers;
}
