/**
 * The standard model in the task pane, in Debian's Chromium (`npm run bench:mc-pane [-- --trials N]`,
 * after `npm run build`): the model entered as a user would (test/e2e/standard-pane.ts), N trials
 * (default 1,000,000) run on the scenario worker and its block workers, and one table: the run's
 * time from the click on Run to the results, the pane's own caption, the long tasks on the pane's
 * thread (PerformanceObserver: every task over 50 ms, wall clock), the longest gap between 10 ms timer
 * ticks, and the longest task's CPU time on that thread (a Chromium trace: the thread's own work,
 * without the time it waited for a core), and the CPU time of each thread that worked (the workers, the
 * pane's thread, the compositors), whose busiest worker bounds the run's time on an idle machine.
 * Targets (issue 18): under 3 s, no freeze over 50 ms. Wall-clock numbers: they depend on the load.
 */
import os from 'node:os';
import { openAddinPage } from '../test/e2e/harness';
import { enterStandardModel, runInPane, standardSpec } from '../test/e2e/standard-pane';
import { runMain } from './run-main';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--trials');
  const trials = at >= 0 ? Number(args[at + 1]) : 1_000_000;
  const spec = standardSpec();
  if (!spec) {
    process.stdout.write('bench/mc-pane: ../shared/bench/mc-standard.json not found; nothing to measure.\n');
    return 0;
  }
  const addin = await openAddinPage({ height: 900, ignoreConsole: /functions\.json|favicon/ });
  try {
    await enterStandardModel(addin.page, addin.url, spec);
    const run = await runInPane(addin.page, trials);
    const longest = Math.max(0, ...run.longTasksMs);
    process.stdout.write(
      [
        `Load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores; ${run.where.toLowerCase()}.`,
        '',
        '| trials | click to results (s) | pane caption | long tasks over 50 ms | longest long task (ms) | longest timer gap (ms) | longest task CPU (ms) | cash mean |',
        '|---|---|---|---|---|---|---|---|',
        `| ${trials.toLocaleString('en-US')} | ${(run.wallMs / 1000).toFixed(2)} | ${run.caption.split('.')[0]} | ${run.longTasksMs.length} | ${longest.toFixed(0)} | ${run.maxGapMs.toFixed(0)} | ${(run.taskCpuMs[0] ?? 0).toFixed(1)} | ${Math.round(run.cashMean).toLocaleString('en-US')} |`,
        '',
        `Longest tasks of the pane's thread by CPU time (ms): ${run.taskCpuMs.map((ms) => ms.toFixed(1)).join(', ')}.`,
        '',
        `CPU time by thread from the click to the last chart (s): workers ${run.threadCpu.workersMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')}; the pane's thread ${(run.threadCpu.paneMs / 1000).toFixed(2)}; compositors ${(run.threadCpu.drawingMs / 1000).toFixed(2)}.`,
        '',
      ].join('\n'),
    );
  } finally {
    await addin.close();
  }
  return 0;
}

runMain('bench/mc-pane', main);
