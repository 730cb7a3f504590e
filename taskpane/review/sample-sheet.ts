/**
 * A small deterministic plan/actual sheet in the accepted layout (written by src/sheets), used by the
 * tests and the browser e2e: six lines in three cost centres over 12 months, with an overspend shift
 * on MKT-ADS from Sep, a persistent under-spend on IT-LIC, and a one-off spike on OPS-TRAVEL in Jun.
 */
import type { BudgetLine } from '../../src/model/budget-line';
import { budgetTableValues } from '../../src/sheets/budget-table';
import type { Cell } from '../workbook/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Fixed small wiggles (a few % of plan), so the sheet is the same on every run. */
const WIGGLE = [0.012, -0.018, 0.007, -0.004, 0.015, -0.011, 0.003, -0.016, 0.009, -0.006, 0.013, -0.008];

interface SampleLine {
  id: string;
  cc: string;
  account: string;
  owner: string;
  plan: number;
  noise: number;
  actual?: (t: number, plan: number) => number;
}

const LINES: SampleLine[] = [
  {
    id: 'MKT-ADS',
    cc: 'MKT',
    account: 'Advertising',
    owner: 'mia',
    plan: 10000,
    noise: 1.6,
    actual: (t, p) => (t >= 8 ? p * 1.35 : p),
  },
  { id: 'MKT-EVENTS', cc: 'MKT', account: 'Events', owner: 'mia', plan: 6000, noise: 2.5 },
  {
    id: 'IT-LIC',
    cc: 'IT',
    account: 'Licences',
    owner: 'ian',
    plan: 8000,
    noise: 0.6,
    actual: (t, p) => (t >= 3 ? p * 0.7 : p),
  },
  { id: 'IT-CLOUD', cc: 'IT', account: 'Cloud', owner: 'ian', plan: 12000, noise: 1.2 },
  {
    id: 'OPS-TRAVEL',
    cc: 'OPS',
    account: 'Travel',
    owner: 'olu',
    plan: 4000,
    noise: 1,
    actual: (t, p) => (t === 5 ? p * 1.9 : p),
  },
  { id: 'OPS-TRAIN', cc: 'OPS', account: 'Training', owner: 'olu', plan: 3000, noise: 0.8 },
];

/** The sheet's values: a header row, then one row per line (booked through `booked` months). */
export function sampleSheet(booked = 11): Cell[][] {
  const lines: BudgetLine[] = LINES.map((l, k) => ({
    id: l.id,
    costCentre: l.cc,
    account: l.account,
    owner: l.owner,
    plan: MONTHS.map(() => l.plan),
    actual: MONTHS.map((_, t) => {
      if (t >= booked) return null;
      const base = l.actual ? l.actual(t, l.plan) : l.plan;
      return Math.round(base * (1 + l.noise * WIGGLE[(t + 3 * k) % 12]));
    }),
  }));
  return budgetTableValues(
    MONTHS,
    lines,
    LINES.map((l) => l.plan * 12),
  );
}
