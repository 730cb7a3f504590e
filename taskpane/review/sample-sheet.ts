/**
 * A small deterministic plan/actual sheet in the accepted layout (written by src/sheets), used by the
 * tests and the browser e2e: six lines in three cost centres over 12 months, with an overspend shift
 * on MKT-ADS from Sep, a persistent under-spend on IT-LIC, and a one-off spike on OPS-TRAVEL in Jun;
 * and a KPI that responds to two of the lines (sampleKpiRows).
 */
import type { BudgetLine } from '../../src/model/budget-line';
import { budgetTableValues } from '../../src/sheets/budget-table';
import type { Cell } from '../workbook/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Fixed small wiggles (a few % of plan), so the sheet is the same on every run. */
const WIGGLE = [0.012, -0.018, 0.007, -0.004, 0.015, -0.011, 0.003, -0.016, 0.009, -0.006, 0.013, -0.008];

/** Actual ÷ plan by month: 1 before month `from` (0 = Jan), `factor` from it on. */
const shiftFrom =
  (from: number, factor: number) =>
  (t: number): number =>
    t >= from ? factor : 1;

/** A line of the sample sheet; its cost centre is its id's prefix (MKT-ADS is in MKT). */
interface SampleLine {
  id: string;
  account: string;
  owner: string;
  plan: number;
  noise: number;
  /** Actual ÷ plan by month (0 = Jan), before the wiggle. @default 1 (on plan) */
  ratio?: (t: number) => number;
}

const LINES: SampleLine[] = [
  { id: 'MKT-ADS', account: 'Advertising', owner: 'mia', plan: 10000, noise: 1.6, ratio: shiftFrom(8, 1.35) },
  { id: 'MKT-EVENTS', account: 'Events', owner: 'mia', plan: 6000, noise: 2.5 },
  { id: 'IT-LIC', account: 'Licences', owner: 'ian', plan: 8000, noise: 0.6, ratio: shiftFrom(3, 0.7) },
  { id: 'IT-CLOUD', account: 'Cloud', owner: 'ian', plan: 12000, noise: 1.2 },
  { id: 'OPS-TRAVEL', account: 'Travel', owner: 'olu', plan: 4000, noise: 1, ratio: (t) => (t === 5 ? 1.9 : 1) },
  { id: 'OPS-TRAIN', account: 'Training', owner: 'olu', plan: 3000, noise: 0.8 },
];

function sampleLines(booked: number): BudgetLine[] {
  return LINES.map((l, k) => ({
    id: l.id,
    costCentre: l.id.split('-')[0],
    account: l.account,
    owner: l.owner,
    plan: MONTHS.map(() => l.plan),
    actual: MONTHS.map((_, t) => {
      if (t >= booked) return null;
      const base = l.plan * (l.ratio?.(t) ?? 1);
      return Math.round(base * (1 + l.noise * WIGGLE[(t + 3 * k) % 12]));
    }),
  }));
}

/** The sheet's values: a header row, then one row per line (booked through `booked` months). */
export function sampleSheet(booked = 11): Cell[][] {
  return budgetTableValues(
    MONTHS,
    sampleLines(booked),
    LINES.map((l) => l.plan * 12),
  );
}

/** Actual ÷ plan of each pattern of the wide sheet, by month: every line has one persistent issue. */
const PATTERNS: ((t: number) => number)[] = [
  shiftFrom(0, 0.8), // 20% under plan all year
  shiftFrom(5, 1.25), // 25% over from June
  shiftFrom(8, 1.3), // a shift up from September
  shiftFrom(2, 0.85), // 15% under from March
];

/**
 * A wide deterministic sheet for the review queue's table mode: `count` lines (ten cost centres) over
 * 12 booked months, each with one persistent deviation (four patterns in turn), so a scan raises
 * about one issue per line.
 */
export function wideSampleSheet(count = 40): Cell[][] {
  const lines: BudgetLine[] = Array.from({ length: count }, (_, k) => {
    const plan = 1000 * (2 + (k % 7));
    const cc = `CC${String(Math.floor(k / 4) + 1).padStart(2, '0')}`;
    return {
      id: `${cc}-L${(k % 4) + 1}`,
      costCentre: cc,
      account: `Account ${(k % 4) + 1}`,
      owner: `owner${Math.floor(k / 4) + 1}`,
      plan: MONTHS.map(() => plan),
      actual: MONTHS.map((_, t) => Math.round(plan * PATTERNS[k % 4](t) * (1 + 0.5 * WIGGLE[(t + 3 * k) % 12]))),
    };
  });
  return budgetTableValues(
    MONTHS,
    lines,
    lines.map((l) => (l.plan[0] ?? 0) * 12),
  );
}

/**
 * A sample KPI ("Leads") as two rows to select (target, then actual; labels first): it responds to
 * MKT-EVENTS spend (0.05 per unit) and barely to IT-CLOUD's (0.01), with a small fixed wiggle.
 */
export function sampleKpiRows(booked = 11): Cell[][] {
  const lines = sampleLines(booked);
  const spend = (id: string) => lines.find((l) => l.id === id)!.actual;
  const events = spend('MKT-EVENTS');
  const cloud = spend('IT-CLOUD');
  const actual = events.map((e, t) =>
    e === null ? null : Math.round(1000 + 0.05 * e + 0.01 * (cloud[t] ?? 0) + 4 * Math.sin(1.7 * t)),
  );
  return [
    ['target', ...MONTHS.map(() => 1450)],
    ['actual', ...actual],
  ];
}
