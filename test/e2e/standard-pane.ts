/**
 * The standard Monte Carlo model (../shared/bench/mc-standard.json: ten drivers, a 10×10 rank
 * correlation, seven outputs) entered in the task pane as a user would (drivers imported from a
 * selected table, the correlations typed in, the model pasted), then run at a given size while a
 * PerformanceObserver records the pane thread's long tasks (Chromium reports every task over 50 ms).
 * Shared by the browser e2e (which checks the result and prints the time and long tasks) and
 * bench/mc-pane.ts (which reports them).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ScenarioSpec } from '../../src/scenario/spec';
import { openView, ROOT, openPaneAt, selectValues, writeSummary } from './harness';

export function standardSpec(): ScenarioSpec | null {
  const file = path.join(ROOT, '..', 'shared', 'bench', 'mc-standard.json');
  const fallback = path.join(ROOT, '..', '..', 'shared', 'bench', 'mc-standard.json');
  const found = [file, fallback].find((f) => fs.existsSync(f));
  return found ? (JSON.parse(fs.readFileSync(found, 'utf8')) as ScenarioSpec) : null;
}

/** The spec's drivers as the pane's import reads them: name, distribution, param1… */
function driverTable(spec: ScenarioSpec): (string | number | null)[][] {
  return [
    ['name', 'distribution', 'param1', 'param2', 'param3'],
    ...spec.drivers.map((d) => {
      const params = Object.values(d.params ?? {}).map((v) => (Array.isArray(v) ? v.join('; ') : (v as number)));
      return [d.name, d.distribution, ...params, ...Array(3 - params.length).fill(null)];
    }),
  ];
}

/** Opens the pane on the workbook double and enters the standard model. */
export async function enterStandardModel(page: Page, url: string, spec: ScenarioSpec): Promise<void> {
  await openPaneAt(page, url, 'drivers');
  await selectValues(page, 'Sheet1!A1:E11', driverTable(spec));
  await page.getByRole('button', { name: 'Import from selection' }).click();
  await page.getByText(/^Imported 10 drivers/).waitFor();
  const { names, matrix } = spec.correlation!;
  // The editor has one box per pair, above its diagonal in the pane's order of the drivers.
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++)
      if (matrix[i][j] !== 0)
        await page
          .getByLabel(`Correlation ${names[i]} × ${names[j]}`)
          .or(page.getByLabel(`Correlation ${names[j]} × ${names[i]}`))
          .fill(String(matrix[i][j]));
  await page.getByRole('button', { name: 'Save correlations' }).click();
  await page.getByLabel('Model expressions').fill(spec.model);
  await page.getByRole('button', { name: 'Save model' }).click();
  await page.getByText(/^Outputs: revenue, cogs/).waitFor();
}

export interface PaneRun {
  /** Long tasks (over 50 ms) on the pane's thread from the click on Run to the results shown: ms each. */
  longTasksMs: number[];
  /** When each long task started, ms after the click on Run. */
  longTaskStartsMs: number[];
  /** From the click on Run to the results in the page (ms, measured in the page). */
  wallMs: number;
  /** The largest gap between 10 ms timer ticks over the same span (ms): the freeze a user would feel. */
  maxGapMs: number;
  caption: string;
  /** The progress field's label while the run went ("Running on the worker"). */
  where: string;
  /** The mean of cash written to the workbook's summary. */
  cashMean: number;
  /**
   * The pane thread's tasks from just before the click on Run to the last chart drawn, by their CPU time (ms, the
   * thread's own clock in a Chromium trace), longest first (the ten longest). A long task's duration
   * is wall-clock time, which on a loaded machine is mostly waiting for a core; this is the work.
   */
  taskCpuMs: number[];
  /** CPU time (ms) by thread over the same span: see `threadCpuMs`. */
  threadCpu: ThreadCpu;
}

/** CPU time (ms) of the threads that do a run's work, from the same trace. */
export interface ThreadCpu {
  /** Each Web Worker thread that worked (the scenario worker and its block workers), most first. */
  workersMs: number[];
  /** The pane's thread (its renderer's main thread). */
  paneMs: number;
  /** Drawing elsewhere: the renderer's compositor and the GPU process's compositor. */
  drawingMs: number;
}

/** Trace events of Chromium's `toplevel` category: one RunTask per task, with its thread CPU time. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Each task's thread (by its Chromium name) and CPU time (ms), from a trace of the `toplevel` category. */
function tasksByThread(trace: Buffer): { thread: string; key: string; cpuMs: number }[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const names = new Map(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]),
  );
  return events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask')
    .map((e) => ({
      thread: names.get(`${e.pid}:${e.tid}`) ?? '',
      key: `${e.pid}:${e.tid}`,
      cpuMs: (e.tdur ?? 0) / 1000,
    }));
}

/** CPU time (ms) of each task the renderer's main thread ran while the trace was recorded. */
export function mainThreadTaskCpuMs(trace: Buffer): number[] {
  return tasksByThread(trace)
    .filter((t) => t.thread === 'CrRendererMain')
    .map((t) => t.cpuMs);
}

/**
 * CPU time by thread while the trace was recorded: where a run's work went (a thread's own clock, so
 * the figures hold under load, when wall-clock time is mostly waiting for a core).
 */
export function threadCpuMs(trace: Buffer): ThreadCpu {
  const sums = new Map<string, { thread: string; ms: number }>();
  for (const t of tasksByThread(trace)) {
    const sum = sums.get(t.key) ?? { thread: t.thread, ms: 0 };
    sum.ms += t.cpuMs;
    sums.set(t.key, sum);
  }
  const total = (pick: (thread: string) => boolean) =>
    [...sums.values()].filter((s) => pick(s.thread)).reduce((a, s) => a + s.ms, 0);
  return {
    workersMs: [...sums.values()]
      .filter((s) => s.thread === 'DedicatedWorker thread' && s.ms >= 1)
      .map((s) => s.ms)
      .sort((a, b) => b - a),
    paneMs: total((thread) => thread === 'CrRendererMain'),
    drawingMs: total((thread) => thread === 'Compositor' || thread === 'VizCompositorThread'),
  };
}

/** What the page records while a run goes (set up by runInPane). */
interface Probe {
  longTasks: { start: number; duration: number }[];
  maxGapMs: number;
  ticking: number;
  clickAt: number;
  resultsAt: number;
}

/** From the Scenarios view's first step: runs `iterations` trials and measures the pane's thread. */
export async function runInPane(page: Page, iterations: number): Promise<PaneRun> {
  await openView(page, 'Scenarios');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Iterations').fill(String(iterations));
  await page.evaluate(() => {
    const w = window as unknown as Probe;
    w.longTasks = [];
    w.resultsAt = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="results"]')) {
        w.resultsAt = performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true });
    // The click is counted from the Run button's own event, in the page.
    document.addEventListener('click', () => (w.clickAt = performance.now()), { capture: true, once: true });
    w.maxGapMs = 0;
    let last = performance.now();
    w.ticking = window.setInterval(() => {
      const t = performance.now();
      w.maxGapMs = Math.max(w.maxGapMs, t - last);
      last = t;
    }, 10);
  });
  const browser = page.context().browser();
  await browser?.startTracing(page, { categories: ['toplevel'] });
  await page.getByRole('button', { name: 'Run' }).click();
  const where = (await page.getByText(/^Running on the /).textContent()) ?? '';
  await page.getByTestId('results').waitFor({ timeout: 280_000 });
  const caption =
    (await page
      .getByText(/ trials, seed \d+, /)
      .first()
      .textContent()) ?? '';
  // The charts are drawn one per frame after the statistics; then one more frame, so a long task of
  // the last one is counted.
  await page.locator('[data-testid="results"][data-drawn="true"]').waitFor({ timeout: 10_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  const trace = browser ? await browser.stopTracing() : null;
  const measured = await page.evaluate(() => {
    const w = window as unknown as Probe;
    clearInterval(w.ticking);
    const after = w.longTasks.filter((t) => t.start + t.duration >= w.clickAt);
    return {
      longTasksMs: after.map((t) => t.duration),
      longTaskStartsMs: after.map((t) => t.start - w.clickAt),
      maxGapMs: w.maxGapMs,
      wallMs: w.resultsAt - w.clickAt,
    };
  });
  const rows = await writeSummary(page);
  const cashMean = Number(rows.find((r) => r[0] === 'cash')?.[1]);
  // The trace starts just before the click and stops after the last chart's frame.
  const taskCpuMs = (trace ? mainThreadTaskCpuMs(trace) : []).sort((a, b) => b - a).slice(0, 10);
  const threadCpu = trace ? threadCpuMs(trace) : { workersMs: [], paneMs: 0, drawingMs: 0 };
  return { caption, where, cashMean, taskCpuMs, threadCpu, ...measured };
}
