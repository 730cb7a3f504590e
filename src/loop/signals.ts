/**
 * Re-budget on signal, not noise. Each month-end, a line's best plan now (the loop's allocation at
 * the exchange rate in force) is compared with its plan in force, in standard deviations of its
 * year-end landing:
 *
 *   z = (best − in force)·(1 − w) ÷ σ
 *
 * The signal is *severe* when |z| exceeds `severeZ` (default 1.645: outside the landing's 90% band,
 * beyond what the elastic reserve absorbs) and *persistent* when it has been severe in the same
 * direction at `persistence` consecutive month-ends (default 2). A persistent signal asks for a
 * re-budget. Its kind uses the anomaly engine's words: a raise for a line projected to overrun is a
 * run-rate request, a cut for a line projected to underrun an opportunity released into the pool; a
 * move against the projected variance is made for the line's KPI (kpi-response).
 */
import type { AdjustmentReason } from '../model/kpi';
import type { LineContext } from './line-objective';

export interface LineSignal {
  line: string;
  kind: AdjustmentReason;
  /** +1: the line asks for more (request); −1: it releases budget into the pool. */
  direction: 1 | -1;
  /** Signed size in sd of the year-end landing. */
  z: number;
  /** Best plan − plan in force (money). */
  amount: number;
  persistent: boolean;
}

/** The reason for moving a line in `direction`, from its projected year-end gap. */
export function moveReason(c: LineContext, direction: 1 | -1): AdjustmentReason {
  const gap = c.landing.gap;
  if (direction > 0 && gap > 0) return 'run-rate';
  if (direction < 0 && gap < 0) return 'opportunity';
  return 'kpi-response';
}

/** z of each line: (best − in force)·(1 − w) ÷ σ. */
export function signalSizes(contexts: ReadonlyArray<LineContext>, best: ReadonlyArray<number>): number[] {
  return contexts.map((c, i) => ((best[i] - c.landing.planLeft) * (1 - c.passThrough)) / Math.max(c.landing.sd, 1e-9));
}

/**
 * Severe signals of this month-end, with their persistence counted from `previous`
 * (line → [direction, consecutive count]); returns the counts to keep for next month.
 */
export function updateSignals(
  contexts: ReadonlyArray<LineContext>,
  best: ReadonlyArray<number>,
  previous: Readonly<Record<string, [number, number]>>,
  severeZ: number,
  persistence: number,
): { signals: LineSignal[]; counts: Record<string, [number, number]> } {
  const z = signalSizes(contexts, best);
  const counts: Record<string, [number, number]> = {};
  const signals: LineSignal[] = [];
  contexts.forEach((c, i) => {
    if (!(Math.abs(z[i]) > severeZ)) return;
    const direction = z[i] > 0 ? 1 : -1;
    const [was, count] = previous[c.id] ?? [0, 0];
    const now = was === direction ? count + 1 : 1;
    counts[c.id] = [direction, now];
    signals.push({
      line: c.id,
      kind: moveReason(c, direction),
      direction,
      z: z[i],
      amount: best[i] - c.landing.planLeft,
      persistent: now >= persistence,
    });
  });
  return { signals, counts };
}

/**
 * The elastic reserve: the spread of the year-end landing of all lines together, at the severe
 * band (severeZ·√Σσ²). Gaps within it are absorbed rather than re-budgeted.
 */
export function elasticReserve(contexts: ReadonlyArray<{ landing: { sd: number } }>, severeZ: number): number {
  return severeZ * Math.sqrt(contexts.reduce((s, c) => s + c.landing.sd * c.landing.sd, 0));
}
