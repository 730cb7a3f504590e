/**
 * Runs the Cash view's plan and payables through the job protocol (src/jobs, jobs `cash.plan` and
 * `cash.payables` of src/cash/jobs.ts): on the pane's worker (taskpane/workers/scenario-worker.ts, the same pool as the
 * scenarios) when it has one, otherwise on the pane's thread. Progress counts the plan's steps and
 * solves; `cancel()` stops it before its next step or solve (CASH_CANCELLED).
 */
import { createCashJobHandlers } from '../../src/cash/jobs';
import type { CashJob, CashJobResult, CashJobs, PayablesJobResult } from '../../src/cash/jobs';
import type { PayablesInput } from '../../src/cash/payables-timing';
import { createJobPool } from '../../src/jobs/pool';
import type { JobPool } from '../../src/jobs/pool';
import type { JobProgress } from '../../src/jobs/protocol';
import type { Solver } from '../../src/solver/types';

export interface CashRunHandle<R = CashJobResult> {
  done: Promise<R>;
  cancel(): void;
}

export interface CashRunner {
  readonly where: 'worker' | 'pane thread';
  start(job: CashJob, onProgress: (progress: JobProgress) => void): CashRunHandle;
  /** The payables-timing MIP (`cash.payables`). */
  payables(input: PayablesInput): CashRunHandle<PayablesJobResult>;
}

/** A runner over a job pool that serves `cash.plan`: its worker when it has one, this thread otherwise. */
export function createCashRunner(pool: JobPool<CashJobs>): CashRunner {
  return {
    get where() {
      return pool.workers > 0 ? 'worker' : 'pane thread';
    },
    start(job, onProgress) {
      const controller = new AbortController();
      const done = pool.run('cash.plan', job, { signal: controller.signal, onProgress });
      return { done, cancel: () => controller.abort() };
    },
    payables(input) {
      const controller = new AbortController();
      const done = pool.run('cash.payables', input, { signal: controller.signal });
      return { done, cancel: () => controller.abort() };
    },
  };
}

/** A runner on the pane's own thread over `solver` (tests, hosts without workers). */
export function createThreadCashRunner(solver: Solver): CashRunner {
  return createCashRunner(createJobPool({ handlers: createCashJobHandlers(solver) }));
}
