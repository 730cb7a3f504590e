/**
 * Budget versions: a named, stored set of amounts (account × period) of one cost centre and fiscal
 * year, kept as budget, forecast or scenario. A version is written once with all its lines; a
 * change is a new version.
 */
import type { VersionLine } from './budget-line';
import { ModelErrors } from './errors';

export const VERSION_KINDS = ['budget', 'forecast', 'scenario'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export interface BudgetVersion {
  id: string;
  costCentre: string;
  fiscalYear: number;
  kind: VersionKind;
  name: string;
  /** 1, 2, … per cost centre, fiscal year and kind (a proposal's version is named `v<number>`). */
  number?: number;
  /** The version this one was made from (null for the first). */
  parentId?: string | null;
  /** The proposal whose apply (or, before reversals, direct revert) made it; null when created directly. */
  proposalId?: string | null;
  /** Where it came from: action, proposal, reason, submitter, approvers, who applied, when. */
  lineage?: Record<string, unknown> | null;
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `text` is a version id (the server's UUID) rather than a name. */
export const isVersionId = (text: string): boolean => UUID.test(text.trim());

/** How a version is named unambiguously within its cost centre: "2026 budget v2". */
export const versionLabel = (v: Pick<BudgetVersion, 'fiscalYear' | 'kind' | 'name'>): string =>
  `${v.fiscalYear} ${v.kind} ${v.name}`;

const isKind = (word: string): word is VersionKind => (VERSION_KINDS as readonly string[]).includes(word);

/**
 * The version of a cost centre that `wanted` names: its name ("v2", "Plan B"), or its name after a
 * fiscal year and/or kind ("2026 v2", "budget v2", "2026 budget v2"). Names compare without regard
 * to case or surrounding spaces.
 * @throws MODEL_VERSION_NOT_FOUND (#N/A) listing the versions there are;
 *   MODEL_VERSION_AMBIGUOUS (#VALUE!) when the name fits versions of several years or kinds.
 * @example findVersion(versions, '2026 budget v2', 'CC1').id
 */
export function findVersion(versions: readonly BudgetVersion[], wanted: string, costCentre: string): BudgetVersion {
  const words = wanted.trim().toLowerCase().split(/\s+/);
  const candidates: BudgetVersion[][] = [];
  for (let skip = 0; skip <= Math.min(2, words.length - 1); skip++) {
    const name = words.slice(skip).join(' ');
    const qualifiers = words.slice(0, skip);
    const found = versions.filter(
      (v) =>
        v.name.trim().toLowerCase() === name &&
        qualifiers.every((q) => (isKind(q) ? v.kind === q : /^\d{4}$/.test(q) && v.fiscalYear === Number(q))),
    );
    if (found.length > 0) candidates.push(found);
  }
  const matches = candidates[0] ?? [];
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw ModelErrors.versionAmbiguous(wanted.trim(), matches.map(versionLabel));
  throw ModelErrors.versionNotFound(wanted.trim(), `in cost centre ${costCentre}`, versions.map(versionLabel));
}
