/**
 * Budget versions: a named, stored set of amounts (account × period) of one cost centre and fiscal
 * year, kept as budget, forecast or scenario. A version is written once with all its lines; a
 * change is a new version.
 */
import type { VersionLine } from './budget-line';

export const VERSION_KINDS = ['budget', 'forecast', 'scenario'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export interface BudgetVersion {
  id: string;
  costCentre: string;
  fiscalYear: number;
  kind: VersionKind;
  name: string;
  createdBy?: string;
  createdAt?: string;
  /** Present when the version is read with its lines. */
  lines?: VersionLine[];
}

/** What creating a version sends: the version and every line, in one piece. */
export interface NewBudgetVersion {
  costCentre: string;
  fiscalYear: number;
  kind: VersionKind;
  name: string;
  lines: VersionLine[];
}

/** Two versions line by line: a line missing on one side is null there and counts as 0 in `delta`. */
export interface VersionComparison {
  base: string;
  other: string;
  lines: { account: string; period: string; base: number | null; other: number | null; delta: number }[];
  totals: { base: number; other: number; delta: number };
}

/**
 * The index of the first line that repeats an earlier line's account and period, or -1: a version
 * holds one amount per account and period.
 * @example repeatedLine([{ account: '6100', period: '2026-01', amount: 1 }, { account: '6100', period: '2026-01', amount: 2 }]) // 1
 */
export function repeatedLine(lines: ReadonlyArray<Pick<VersionLine, 'account' | 'period'>>): number {
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const key = `${lines[i].account}\u0000${lines[i].period}`;
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}
