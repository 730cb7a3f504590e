/**
 * Generates the labelled budget set the flags benchmark scores against:
 * test/fixtures/anomaly/budget-set.json (the CLI input format) and labels.json (the injected events).
 *
 * Each line: a level (log-uniform 2,000 to 2,000,000 a month), a seasonal shape (none, summer peak,
 * year-end peak, or quarterly), a yearly growth of −5% to +10%, and a noise level of 1% to 15% of
 * plan (Gaussian, with a Student-t(4) draw on one line in four for heavier tails). On one line in
 * seven the plan is phased flat while the actuals are seasonal. About 40% of lines stay clean; the
 * rest get one or two events, each sized in units of the line's own noise:
 * - spike: one period, ±4 to 8 σ (70% upward);
 * - shift: a level shift of ±3 to 6 σ from its onset to the end;
 * - trend: a trend change of 1 to 2 σ a period from its onset to the end;
 * - run-rate: a drift of 0.6 to 1.2 σ a period from its onset (by the eighth month of a fiscal year) to
 *   the end of that year;
 * - underspend: −3 to 6 σ for 4 to 9 periods.
 * The sheet runs `periods` months from January (36 by default: three fiscal years); with fewer or more,
 * events are drawn by the same rules over the sheet's length, a drift ending at its year's end or the
 * sheet's last month, whichever comes first.
 * Run: npx tsx scripts/make-budget-set.ts [seed] [lines] [outDir] [periods]
 */
import { boxMullerNormal, mulberry32 } from './mulberry32';
import { writeLabelledSet } from './write-labelled-set';

export type EventKind = 'spike' | 'shift' | 'trend' | 'run-rate' | 'underspend';
export interface LabelledEvent {
  line: string;
  kind: EventKind;
  /** First period of the event (0-based). */
  start: number;
  /** Last period of the event (0-based, inclusive). */
  end: number;
  /** Relative size in noise units (σ), for reading the labels. */
  size: number;
  /**
   * Largest deviation the event causes in one period, as a share of plan (size × σ, times the
   * periods of growth for a trend or drift). Below the engine's `minPct` (5%) the event is not
   * material: no flag is wanted for it, and the benchmark reports recall with and without such events.
   */
  effect: number;
}

const PERIODS = 36;
const YEAR = 12;
const SHAPES: Record<string, (m: number) => number> = {
  none: () => 0,
  summer: (m) => Math.cos((2 * Math.PI * (m - 6)) / 12),
  yearEnd: (m) => (m === 11 ? 2 : m === 10 ? 0.8 : m === 0 ? -0.5 : -0.2),
  quarterly: (m) => (m % 3 === 2 ? 1.2 : -0.6),
};

export function makeBudgetSet(seed: number, count: number, periodCount = PERIODS) {
  const u = mulberry32(seed);
  const normal = () => boxMullerNormal(u);
  const uniform = (a: number, b: number) => a + (b - a) * u();
  const pick = <T>(xs: T[]) => xs[Math.floor(u() * xs.length)];
  const studentT4 = () =>
    normal() / Math.sqrt((normal() ** 2 + normal() ** 2 + normal() ** 2 + normal() ** 2) / 4) / Math.SQRT2;
  const periods = Array.from(
    { length: periodCount },
    (_, t) => `${2024 + Math.floor(t / YEAR)}-${String((t % YEAR) + 1).padStart(2, '0')}`,
  );
  const accounts = ['Salaries', 'Travel', 'Software', 'Marketing', 'Facilities', 'Consulting', 'Training', 'Freight'];
  const lines = [];
  const labels: LabelledEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `L${String(i + 1).padStart(3, '0')}`;
    const level = Math.exp(uniform(Math.log(2e3), Math.log(2e6)));
    const shape = SHAPES[pick(Object.keys(SHAPES))];
    const amplitude = uniform(0.05, 0.3);
    const growth = uniform(-0.05, 0.1);
    const sigma = Math.exp(uniform(Math.log(0.01), Math.log(0.15)));
    const heavy = u() < 0.25;
    const flatPlan = u() < 1 / 7;
    const season = (t: number) => 1 + amplitude * shape(t % YEAR);
    const expectedAt = (t: number) => level * (1 + (growth * t) / YEAR) * season(t);
    const expected = Array.from({ length: periodCount }, (_, t) => expectedAt(t));
    // A flat plan is the fiscal year's expected total / 12, the whole year's even where the sheet ends within it.
    const plan = expected.map((v, t) => {
      if (!flatPlan) return v;
      const y0 = t - (t % YEAR);
      return Array.from({ length: YEAR }, (_, m) => expectedAt(y0 + m)).reduce((a, b) => a + b, 0) / YEAR;
    });
    const effect = new Float64Array(periodCount);
    const events = u() < 0.4 ? 0 : u() < 0.75 ? 1 : 2;
    let free = 3;
    for (let e = 0; e < events && free < periodCount - 4; e += 1) {
      const kind = pick<EventKind>(['spike', 'shift', 'trend', 'run-rate', 'underspend']);
      let start = Math.floor(uniform(free, periodCount - 3));
      // A drift needs room to be a drift: it starts by the eighth month of its fiscal year.
      if (kind === 'run-rate' && start % YEAR > 7)
        start = Math.max(free, start - (start % YEAR) + Math.floor(uniform(0, 8)));
      let end = periodCount - 1;
      let size = 0;
      if (kind === 'spike') {
        size = uniform(4, 8) * (u() < 0.7 ? 1 : -1);
        end = start;
        effect[start] += size * sigma;
      } else if (kind === 'shift') {
        size = uniform(3, 6) * (u() < 0.6 ? 1 : -1);
        for (let t = start; t <= end; t += 1) effect[t] += size * sigma;
      } else if (kind === 'trend') {
        size = uniform(1, 2) * (u() < 0.7 ? 1 : -1);
        for (let t = start; t <= end; t += 1) effect[t] += size * sigma * (t - start + 1);
      } else if (kind === 'run-rate') {
        size = uniform(0.6, 1.2);
        end = Math.min(periodCount - 1, start - (start % YEAR) + YEAR - 1);
        for (let t = start; t <= end; t += 1) effect[t] += size * sigma * (t - start + 1);
      } else {
        size = -uniform(3, 6);
        end = Math.min(periodCount - 1, start + Math.floor(uniform(4, 10)) - 1);
        for (let t = start; t <= end; t += 1) effect[t] += size * sigma;
      }
      const growth = kind === 'trend' || kind === 'run-rate' ? end - start + 1 : 1;
      const peak = Math.round(Math.abs(size) * sigma * growth * 10000) / 10000;
      labels.push({ line: id, kind, start, end, size: Math.round(size * 100) / 100, effect: peak });
      free = end + 3;
    }
    // No event takes a cost line below 40% of its expected level: budgets do not run to zero.
    for (let t = 0; t < periodCount; t += 1) effect[t] = Math.max(effect[t], -0.6);
    const actual = expected.map((v, t) => {
      const noise = heavy ? studentT4() : normal();
      return Math.round(Math.max(0, v * (1 + sigma * noise + effect[t])) * 100) / 100;
    });
    lines.push({
      id,
      costCentre: `CC${1 + (i % 12)}`,
      account: pick(accounts),
      owner: `owner${1 + (i % 9)}`,
      plan: plan.map((v) => Math.round(v * 100) / 100),
      actual,
    });
  }
  return { budget: { periods, lines }, labels };
}

if (require.main === module)
  writeLabelledSet(process.argv.slice(2), makeBudgetSet, { budget: 'budget-set.json', labels: 'labels.json' });
