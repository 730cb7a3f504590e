/**
 * The budget lines, flags and KPIs the loop tests build: one builder each, with the defaults most
 * tests want, so a test states only what its case is about.
 */
import type { FlagRequest } from '../../src/loop/flag-requests';
import type { LinkedKpi } from '../../src/loop/kpi-returns';
import type { BudgetLine } from '../../src/model/budget-line';
import type { Flag } from '../../src/model/flag';

const twelve = <T>(v: T): T[] => Array<T>(12).fill(v);

/**
 * A line of cost centre "MKT" for id "MKT-ADS" (the id's part before the first "-"), owned by "o":
 * 12 months planned at 1,000, the actuals given padded with null to 12 months.
 */
export function budgetLine(
  id: string,
  actual: (number | null)[] = twelve(1000),
  over: Partial<BudgetLine> = {},
): BudgetLine {
  return {
    id,
    costCentre: id.split('-')[0],
    account: id,
    owner: 'o',
    plan: twelve(1000),
    actual: [...actual, ...twelve(null)].slice(0, Math.max(12, actual.length)),
    ...over,
  };
}

/** A persistent, ongoing run-rate flag on MKT-ADS from month 3 (severity 0.8). */
export function loopFlag(over: Partial<Flag> = {}): Flag {
  return {
    line: 'MKT-ADS',
    periodIndex: 2,
    throughIndex: 5,
    kind: 'run-rate',
    direction: 'over',
    severity: 0.8,
    confidence: 0.99,
    pValue: 0.001,
    amount: 2400,
    variance: 800,
    variancePct: 0.2,
    persistent: true,
    ongoing: true,
    explanation: '',
    reasons: [],
    ...over,
  };
}

/** A KPI "K" of cost centre A, higher is better, 1,000 a month targeted, nothing measured, no links. */
export function linkedKpi(over: Partial<LinkedKpi> = {}): LinkedKpi {
  return {
    id: 'K',
    name: 'K',
    ownerCostCentre: 'A',
    unit: 'u',
    direction: 'higher',
    target: twelve(1000),
    actual: twelve(null),
    links: [],
    ...over,
  };
}

/** A flag's request: a raise (change > 0, from a run-rate flag) or a release (an opportunity). */
export const flagRequest = (line: string, change: number): FlagRequest => ({
  line,
  change,
  kind: change > 0 ? 'run-rate' : 'opportunity',
  severity: 0.7,
  explanation: '',
});
