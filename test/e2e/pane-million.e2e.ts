/**
 * 1,000,000 trials of the standard model in the task pane (Chromium, workbook double): the run goes
 * to the scenario worker, which runs blocks itself and spreads the others over block workers; the
 * results are the standard model's, and no task of the pane's thread takes 50 ms of CPU.
 *
 * The bound is on CPU time (the thread's own clock in a Chromium trace), not on wall-clock time: on
 * the shared 2-core machine at a load average of about 20 (2026-12-06), tasks of 0.1–2.5 ms CPU took
 * 40–75 ms of wall time waiting for a core, so the long tasks (PerformanceObserver, wall clock over
 * 50 ms) and the run's time are printed here and reported by `npm run bench:mc-pane`, not asserted.
 * The longest task's CPU time was 10–12 ms in five runs at loads 5–20 once the results were drawn in
 * parts (the undivided results render, 24.5 ms quiet, once measured 89.5 ms of CPU under load, so
 * load does stretch CPU time too, by up to about 4×: the bound keeps that margin).
 */
import { addinPageForFile, openAddinPage } from './harness';
import { enterStandardModel, runInPane, standardSpec } from './standard-pane';

const spec = standardSpec();
const maybe = spec ? it : it.skip;

const addin = addinPageForFile(() => openAddinPage({ height: 900, ignoreConsole: /functions\.json|favicon/ }));

maybe(
  'runs 1M trials of the standard model on the scenario worker and its block workers',
  async () => {
    await enterStandardModel(addin.page, addin.url, spec!);
    const run = await runInPane(addin.page, 1_000_000);
    console.log(
      `pane, standard model, 1,000,000 trials: ${run.wallMs.toFixed(0)} ms from the click to the results; long tasks (ms after the click: ms): [${run.longTasksMs.map((d, i) => `${run.longTaskStartsMs[i].toFixed(0)}: ${d.toFixed(0)}`).join(', ')}]; longest timer gap ${run.maxGapMs.toFixed(0)} ms; longest tasks by CPU time (ms): [${run.taskCpuMs.map((ms) => ms.toFixed(1)).join(', ')}]`,
    );
    expect(run.where).toBe('Running on the worker');
    expect(run.caption).toMatch(/^1,000,000 trials, seed 1, /);
    // The standard model's reference table (mc-standard.md, 100k trials, ±0.5% on mean and sd).
    expect(Math.abs(run.cashMean - 596_000) / 892_000).toBeLessThan(0.01);
    expect(addin.problems).toEqual([]);
    // The pane stays responsive: its longest task, in CPU time (the trace's ten longest, longest first).
    expect(run.taskCpuMs.length).toBeGreaterThan(0);
    expect(run.taskCpuMs[0]).toBeLessThan(50);
  },
  300_000,
);
