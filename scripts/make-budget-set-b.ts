/**
 * A second labelled budget set for the flags engine ("set b"), designed independently of
 * make-budget-set.ts (only its output shape is shared, so bench/flags-score.ts scores both): a rule
 * tuned on one generator counts only if it holds on this one too. The event-free lines (accounts,
 * sizes, seasons, phasing, noise shapes) are described in budget-set-b-lines.ts.
 *
 * Events: 35% of lines are clean; the others carry 1 (55%), 2 (30%) or 3 (15%) events, at least two
 * clean periods apart, at most one persistent event a line and none after it. Sizes are drawn in units
 * of the line's noise σ, log-uniformly, so they run from invisible to obvious:
 * - spike: one period, +/− (80% up; a credit note down, at most 90% of the month), 1.5–12 σ of the level.
 * - shift: a step of 0.5–6 σ of the level from its start to the end of the series (60% up; a cut at most
 *   half the lowest expected month), starting in periods 6 to the length − 3 (6–33 on 36 months). Caught within two periods of its onset.
 * - ramp: a drift growing linearly over 4–12 periods to 1–10 σ of the level, then held to the end (70% up).
 * - underspend: 2–6 periods at 1–6 σ below the expected cost (at most 80% below), then back to plan.
 * - timing (accrual): a share 10–100% (log-uniform) of a month's expected cost booked a month late, in full the next
 *   month. Labelled: the two months are really off plan and a missed accrual is what a month-end review
 *   looks for; its recall is reported by kind, so it can be read apart.
 * - catch-up (year-end): from fiscal month 5–9 to 11 the line runs 0.5–4 σ under (at most 50%), and the
 *   fiscal year's last month books 70–100% of the shortfall back ("use it or lose it").
 * Each label's `size` is the event in σ units (of the level for spike/shift/ramp, of the expected cost for
 * the rest) and `effect` its largest |deviation| in one period as a share of that period's plan, so
 * material = effect ≥ 5% (the engine's default `minPct`), the rule of bench/flags-score.ts.
 * Actuals = noisy expected + deviation, floored at 0, in cents; plans in whole units. The series start
 * at a fiscal year's first month (January, April, July or October, by seed). Seeded: every line draws
 * from its own streams (src/stats/seeded-generator.ts), so line i does not depend on how many lines follow.
 *
 * The sheet runs `periods` months (36 by default, three fiscal years); a catch-up falls in one of its full
 * fiscal years, so a sheet needs 12 months or more.
 * Run: npx tsx scripts/make-budget-set-b.ts [seed] [lines] [dir] [periods]  (writes budget-set-b.json and labels-b.json)
 */
import type { BudgetLine } from '../src/model/budget-line';
import { SeededGenerator } from '../src/stats/seeded-generator';
import { logUniform, makeLine, uniform } from './budget-set-b-lines';
import type { LineTruth } from './budget-set-b-lines';
import { writeLabelledSet } from './write-labelled-set';

export type EventKindB = 'spike' | 'shift' | 'ramp' | 'underspend' | 'timing' | 'catch-up';
export const EVENT_KINDS_B: ReadonlyArray<EventKindB> = ['spike', 'shift', 'ramp', 'underspend', 'timing', 'catch-up'];

export interface LabelledEventB {
  line: string;
  kind: EventKindB;
  /** First and last period of the event (0-based, inclusive). */
  start: number;
  end: number;
  /** The event in units of the line's noise σ (see the header). */
  size: number;
  /** Largest |deviation| in one period as a share of that period's plan. */
  effect: number;
}

export const PERIODS_B = 36;
const GAP = 2;
const KIND_WEIGHTS: ReadonlyArray<[EventKindB, number]> = [
  ['spike', 0.28],
  ['shift', 0.16],
  ['ramp', 0.14],
  ['underspend', 0.16],
  ['timing', 0.14],
  ['catch-up', 0.12],
];
const persistent = (k: EventKindB) => k === 'shift' || k === 'ramp';

function drawKind(g: SeededGenerator, transientOnly: boolean): EventKindB {
  const choices = KIND_WEIGHTS.filter(([k]) => !(transientOnly && persistent(k)));
  let u = g.nextOpen01() * choices.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of choices) if ((u -= w) < 0) return k;
  return choices[choices.length - 1][0];
}

/** Spans of the line's events, at least GAP clean periods apart; an event that does not fit is dropped. */
function placeEvents(g: SeededGenerator, periods: number): { kind: EventKindB; start: number; end: number }[] {
  const u = g.nextOpen01();
  const n = u < 0.35 ? 0 : u < 0.35 + 0.65 * 0.55 ? 1 : u < 0.35 + 0.65 * 0.85 ? 2 : 3;
  const kinds: EventKindB[] = [];
  for (let i = 0; i < n; i += 1) kinds.push(drawKind(g, kinds.some(persistent)));
  const order: EventKindB[] = ['shift', 'ramp', 'catch-up', 'underspend', 'timing', 'spike'];
  kinds.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const placed: { kind: EventKindB; start: number; end: number }[] = [];
  let limit = periods - 1;
  const free = (a: number, b: number) => b <= limit && placed.every((p) => b + GAP < p.start || p.end + GAP < a);
  for (const kind of kinds) {
    if (persistent(kind)) {
      const start = 6 + g.nextBelow(periods - 3 - 6 + 1);
      placed.push({ kind, start, end: periods - 1 });
      limit = start - GAP - 1;
      continue;
    }
    for (let attempt = 0; attempt < 30; attempt += 1) {
      let a: number;
      let b: number;
      if (kind === 'catch-up') {
        const year = g.nextBelow(Math.floor(periods / 12));
        b = 12 * year + 11;
        a = 12 * year + 4 + g.nextBelow(5);
      } else {
        const length = kind === 'spike' ? 1 : kind === 'timing' ? 2 : 2 + g.nextBelow(5);
        a = g.nextBelow(periods - length + 1);
        b = a + length - 1;
      }
      if (free(a, b)) {
        placed.push({ kind, start: a, end: b });
        break;
      }
    }
  }
  return placed.sort((p, q) => p.start - q.start);
}

/** The event's deviation from the expected cost in each period of its span, and its size in σ units. */
function deviation(
  g: SeededGenerator,
  kind: EventKindB,
  span: { start: number; end: number },
  truth: LineTruth,
): { d: Map<number, number>; size: number } {
  const { sigma, level, expected } = truth;
  const d = new Map<number, number>();
  const sign = (pUp: number) => (g.nextOpen01() < pUp ? 1 : -1);
  const lowest = Math.min(...expected.slice(span.start, span.end + 1));
  if (kind === 'spike' || kind === 'shift' || kind === 'ramp') {
    const [lo, hi, pUp, cap] =
      kind === 'spike' ? [1.5, 12, 0.8, 0.9] : kind === 'shift' ? [0.5, 6, 0.6, 0.5] : [1, 10, 0.7, 0.5];
    const s = sign(pUp);
    let amount = logUniform(g, lo, hi) * sigma * level;
    if (s < 0) amount = Math.min(amount, cap * lowest);
    const growth = kind === 'ramp' ? 4 + g.nextBelow(9) : 1;
    for (let t = span.start; t <= span.end; t += 1)
      d.set(t, (s * amount * Math.min(t - span.start + 1, growth)) / growth);
    return { d, size: amount / (sigma * level) };
  }
  if (kind === 'timing') {
    const share = logUniform(g, 0.1, 1);
    const late = share * expected[span.start];
    d.set(span.start, -late);
    d.set(span.end, late);
    return { d, size: share / sigma };
  }
  const share = Math.min(
    kind === 'underspend' ? 0.8 : 0.5,
    logUniform(g, ...((kind === 'underspend' ? [1, 6] : [0.5, 4]) as [number, number])) * sigma,
  );
  let shortfall = 0;
  const last = kind === 'catch-up' ? span.end - 1 : span.end;
  for (let t = span.start; t <= last; t += 1) {
    d.set(t, -share * expected[t]);
    shortfall += share * expected[t];
  }
  if (kind === 'catch-up') d.set(span.end, uniform(g, 0.7, 1) * shortfall);
  return { d, size: share / sigma };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The labelled set: `count` lines × `periodCount` months, the events' labels and what each line was drawn from. */
export function makeBudgetSetB(seed: number, count: number, periodCount = PERIODS_B) {
  if (!Number.isInteger(periodCount) || periodCount < 12)
    throw new Error('set b needs a whole number of 12 months or more');
  const sheet = new SeededGenerator(seed, 'budget-set-b:sheet');
  const fiscalStart = [0, 3, 6, 9][sheet.nextBelow(4)];
  const periods = Array.from({ length: periodCount }, (_, t) => {
    const m = fiscalStart + t;
    return `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
  const lines: BudgetLine[] = [];
  const labels: LabelledEventB[] = [];
  const truths: (LineTruth & { deviation: number[] })[] = [];
  for (let i = 0; i < count; i += 1) {
    const { plan, noisy, truth, events: g } = makeLine(seed, i, periodCount, fiscalStart);
    const cc = `CC${String(1 + g.nextBelow(12)).padStart(2, '0')}`;
    const id = `${cc}-${truth.account}-${String(i).padStart(3, '0')}`;
    const dev = new Array<number>(periodCount).fill(0);
    for (const span of placeEvents(g, periodCount)) {
      const { d, size } = deviation(g, span.kind, span, truth);
      let effect = 0;
      for (const [t, x] of d) {
        dev[t] = x;
        effect = Math.max(effect, Math.abs(x) / Math.abs(plan[t]));
      }
      labels.push({ line: id, ...span, size: round(size, 2), effect: round(effect, 4) });
    }
    const actual = noisy.map((x, t) => round(Math.max(0, x + dev[t]), 2));
    lines.push({ id, costCentre: cc, account: truth.account, owner: `owner-${cc}`, plan, actual });
    truths.push({ ...truth, line: id, deviation: dev });
  }
  return { budget: { periods, lines }, labels, truths };
}

if (require.main === module)
  writeLabelledSet(process.argv.slice(2), makeBudgetSetB, { budget: 'budget-set-b.json', labels: 'labels-b.json' });
