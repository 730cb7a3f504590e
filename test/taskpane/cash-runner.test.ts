/**
 * The pane's cash runner, over a job pool whose worker is an in-process stand-in answering through
 * the real protocol (a structured clone each way), and over this thread: the same plan either way,
 * progress from the worker, and Cancel ending a run with CASH_CANCELLED. No clocks: the cancel is
 * sent from the progress report.
 */
import { createCashJobHandlers } from '../../src/cash/jobs';
import type { CashJob } from '../../src/cash/jobs';
import { isFpaError } from '../../src/errors';
import { webWorkerEndpoint } from '../../src/jobs/endpoints';
import { createJobPool } from '../../src/jobs/pool';
import type { JobProgress } from '../../src/jobs/protocol';
import { glpkNodeSolver as solver } from '../../src/solver/glpk-node';
import { createCashRunner, createThreadCashRunner } from '../../taskpane/run/cash-runner';
import { fakeWorker } from '../jobs/fake-worker';
import { SMALL_PLAN, smallTrials } from './cash/small-plan';

const handlers = createCashJobHandlers(solver);
const workerRunner = () =>
  createCashRunner(createJobPool({ handlers, size: 1, start: () => webWorkerEndpoint(fakeWorker(handlers)) }));

const job: CashJob = {
  ...SMALL_PLAN,
  trials: smallTrials(80),
  risk: { measure: 'cvar', alpha: 0.1, limit: 0 },
};

it('says where it runs', () => {
  expect(workerRunner().where).toBe('worker');
  expect(createThreadCashRunner(solver).where).toBe('pane thread');
});

it('computes the same plan on the worker as on this thread, with progress from the worker', async () => {
  const seen: JobProgress[] = [];
  const onWorker = await workerRunner().start(job, (p) => seen.push(p)).done;
  const here = await createThreadCashRunner(solver).start(job, () => undefined).done;
  expect(onWorker).toEqual(here);
  expect(onWorker.trials).toBe(80);
  expect(seen.length).toBeGreaterThanOrEqual(3);
  expect(seen[seen.length - 1].done).toBe(seen[seen.length - 1].total);
});

it('Cancel ends the run with CASH_CANCELLED', async () => {
  const runner = createThreadCashRunner(solver);
  const handle = runner.start(job, ({ done }) => done === 1 && handle.cancel());
  const code = await handle.done.then(
    () => 'finished',
    (e: unknown) => (isFpaError(e) ? e.code : String(e)),
  );
  expect(code).toBe('CASH_CANCELLED');
});
