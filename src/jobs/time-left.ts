/**
 * Time left in a job from its measured throughput, refined as the run goes.
 *
 * Extrapolating the average rate since the start (elapsed ÷ done × left) misleads in two ways: the
 * rate changes during a run (start-up, a worker pool warming up, other work on the machine), and
 * work after the last progress report (sorting for percentiles, rank correlations, moving the
 * trials back) is not counted at all. In the issue a 3M-trial run said "about 4 s" at 1.1M and
 * took 20 s more. This estimator:
 *
 * - uses the rate over the recent part of the run (the last `windowShare` of the elapsed time),
 *   so a rate that changes is followed;
 * - gives a range: the fastest and slowest rate seen between reports in that window bound the
 *   time left (a pane can say "20–30 s" rather than a falsely precise "4 s");
 * - adds the finishing work as a share of the trial phase (`finishRatio`), measured on an earlier
 *   run with `finishRatio()` (0 when nothing has been measured);
 * - says nothing (null) until two reports with work done have been seen: one report is no rate.
 *
 * Pure: the caller passes its samples (done, elapsed ms); no clock is read here.
 */

/** One progress report: units done so far and ms since the job started. */
export interface ProgressSample {
  done: number;
  elapsedMs: number;
}

export interface TimeLeftOptions {
  /** The recent part of the run the rate is measured over, as a share of the elapsed time. @default 0.5 */
  windowShare?: number;
  /** Work after the last unit, as a share of the time the units take (see `finishRatio`). @default 0 */
  finishRatio?: number;
}

export interface TimeLeft {
  /** Best estimate of the ms left (units at the recent rate, then the finishing work). */
  remainingMs: number;
  /** The range: at the fastest and the slowest rate seen in the recent window */
  lowMs: number;
  highMs: number;
  /** The recent rate, units per ms. */
  ratePerMs: number;
}

/** Rate between two samples, units per ms (null when no time passed or nothing was done). */
function rate(a: ProgressSample, b: ProgressSample): number | null {
  const dt = b.elapsedMs - a.elapsedMs;
  const dn = b.done - a.done;
  return dt > 0 && dn > 0 ? dn / dt : null;
}

/**
 * @param samples the progress reports so far, in order (a start at 0 done, 0 ms is implied)
 * @param total the units the job will do
 * @returns null until there is a rate to extrapolate
 * @example estimateTimeLeft([{ done: 100, elapsedMs: 1000 }, { done: 200, elapsedMs: 2000 }], 1000)
 * // { remainingMs: 8000, lowMs: 8000, highMs: 8000, ratePerMs: 0.1 }
 */
export function estimateTimeLeft(
  samples: ReadonlyArray<ProgressSample>,
  total: number,
  options: TimeLeftOptions = {},
): TimeLeft | null {
  const windowShare = Math.min(1, Math.max(0, options.windowShare ?? 0.5));
  const finishRatio = Math.max(0, options.finishRatio ?? 0);
  const seen = samples.filter((s) => Number.isFinite(s.done) && Number.isFinite(s.elapsedMs) && s.done > 0);
  if (seen.length < 2 || !(total > 0)) return null;
  const last = seen[seen.length - 1];
  const points: ProgressSample[] = [{ done: 0, elapsedMs: 0 }, ...seen];
  // The window starts at the last report at or before (1 − windowShare) of the elapsed time.
  const from = last.elapsedMs * (1 - windowShare);
  let start = 0;
  for (let i = 0; i < points.length - 1; i++) if (points[i].elapsedMs <= from) start = i;
  const recent = rate(points[start], last) ?? rate(points[0], last);
  if (recent === null) return null;
  const rates: number[] = [];
  for (let i = start + 1; i < points.length; i++) {
    const r = rate(points[i - 1], points[i]);
    if (r !== null) rates.push(r);
  }
  const fastest = Math.max(recent, ...rates);
  const slowest = Math.min(recent, ...rates);
  const left = Math.max(0, total - last.done);
  // The finishing work scales with the whole trial phase: the time so far plus the time left.
  const withFinish = (unitsMs: number) => unitsMs + finishRatio * (last.elapsedMs + unitsMs);
  return {
    remainingMs: withFinish(left / recent),
    lowMs: withFinish(left / fastest),
    highMs: withFinish(left / slowest),
    ratePerMs: recent,
  };
}

/**
 * The finishing work of a finished run as a share of its unit phase, for the next run's estimate.
 * @param lastUnitMs when the last unit was reported done
 * @param finishedMs when the result arrived
 * @example finishRatio(20000, 23000) // 0.15
 */
export function finishRatio(lastUnitMs: number, finishedMs: number): number {
  if (!(lastUnitMs > 0) || !(finishedMs >= lastUnitMs)) return 0;
  return (finishedMs - lastUnitMs) / lastUnitMs;
}
