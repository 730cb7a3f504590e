/**
 * What a budget template is made of, checked once: cost centres in a hierarchy, accounts, months,
 * the first forecast month, and the sheet names. `resolveTemplate` turns a spec into the lines and
 * periods every sheet layout uses.
 */
import type { Hierarchy } from './hierarchy';
import { checkName } from './hierarchy';
import { SheetErrors } from '../errors';
import { TemplateErrors } from './errors';
import { readMonths } from './months';

export const TEMPLATE_ROLES = ['plan', 'actuals', 'forecast', 'variance', 'dashboard'] as const;
export type TemplateRole = (typeof TEMPLATE_ROLES)[number];

export const DEFAULT_SHEET_NAMES: Readonly<Record<TemplateRole, string>> = {
  plan: 'Plan',
  actuals: 'Actuals',
  forecast: 'Forecast',
  variance: 'Variance',
  dashboard: 'Dashboard',
};

/** A proposal awaiting a decision, as the dashboard lists it. */
export interface PendingProposal {
  id: string;
  costCentres: string;
  state: string;
  /** Net budget change it asks for. */
  change: number;
  by: string;
}

export interface TemplateSpec {
  hierarchy: Hierarchy;
  accounts: readonly string[];
  /** Consecutive YYYY-MM months. */
  months: readonly string[];
  /** The first month without actuals: forecast from here on. */
  forecastFrom: string;
  /** Lower and upper bound columns beside the forecast. @default false */
  intervals?: boolean;
  /** Sheet names, when the defaults are taken. */
  sheets?: Partial<Record<TemplateRole, string>>;
  /** Whose cost centres the dashboard lists first (signed-in user or the Settings identity). */
  owner?: { name: string; costCentres: readonly string[] };
  /** Pending proposals for the dashboard (from the pane's store or the team server). */
  proposals?: readonly PendingProposal[];
}

/** One budget line of a template: a cost centre's account. */
export interface TemplateLine {
  id: string;
  path: string[];
  costCentre: string;
  account: string;
  owner: string;
}

export interface ResolvedTemplate {
  levels: string[];
  costCentres: Hierarchy['costCentres'];
  accounts: string[];
  lines: TemplateLine[];
  months: string[];
  /** Index of the first forecast month in `months`. */
  forecastIndex: number;
  /** Indices of the fiscal year (12 months from the template's first month) holding the first forecast month. */
  year: { from: number; to: number };
  intervals: boolean;
  sheets: Record<TemplateRole, string>;
  owner: { name: string; costCentres: string[] } | null;
  proposals: PendingProposal[];
}

/** The id of a line: cost centre and account. @example lineId('MKT', 'Travel') // 'MKT/Travel' */
export const lineId = (costCentre: string, account: string): string => `${costCentre}/${account}`;

const SHEET_NAME = /^[^:\\/?*[\]']{1,31}$/;

/**
 * Checks a spec and lays out its lines (cost centres in hierarchy order × accounts).
 * @throws TEMPLATE_BAD_MONTHS, TEMPLATE_BAD_SPEC, TEMPLATE_BAD_NAME, SHEET_DUPLICATE naming the entry.
 */
export function resolveTemplate(spec: TemplateSpec): ResolvedTemplate {
  const months = readMonths(spec.months);
  const forecastIndex = months.indexOf(spec.forecastFrom.trim());
  if (forecastIndex < 0)
    throw TemplateErrors.badSpec(
      'first forecast month',
      `"${spec.forecastFrom}" is not one of the months ${months[0]} to ${months[months.length - 1]}`,
      'Choose the first month without actuals, inside the template months.',
    );
  if (forecastIndex < 3)
    throw TemplateErrors.badSpec(
      'first forecast month',
      `"${spec.forecastFrom}" leaves ${forecastIndex} month(s) of actuals before it`,
      'Start the forecast at least 3 months after the first month, so each line has history to forecast from.',
    );
  const accounts = uniqueList(spec.accounts, 'account');
  if (accounts.length === 0) throw TemplateErrors.badSpec('accounts', 'none given', 'List at least one account.');
  spec.hierarchy.costCentres.forEach((cc, i) => {
    if (cc.name.includes('/'))
      throw TemplateErrors.badName(
        `cost centre ${i + 1}`,
        cc.name,
        'holds "/", which separates cost centre and account in line ids',
      );
  });
  const seen = new Set(spec.hierarchy.costCentres.map((c) => c.name.toLowerCase()));
  if (seen.size !== spec.hierarchy.costCentres.length)
    throw TemplateErrors.badSpec('cost centres', 'a name is given twice', 'Give every cost centre its own name.');
  const sheets = { ...DEFAULT_SHEET_NAMES, ...(spec.sheets ?? {}) };
  const names = new Map<string, TemplateRole>();
  for (const role of TEMPLATE_ROLES) {
    const name = sheets[role].trim();
    if (!SHEET_NAME.test(name))
      throw TemplateErrors.badSpec(
        `${role} sheet name`,
        `"${name}" is not a sheet name Excel accepts`,
        "Use 1 to 31 characters, none of : \\ / ? * [ ] '.",
      );
    const other = names.get(name.toLowerCase());
    if (other) throw SheetErrors.duplicate(`${role} sheet name`, name, `the ${other} sheet`, 'sheet');
    names.set(name.toLowerCase(), role);
    sheets[role] = name;
  }
  const lines = spec.hierarchy.costCentres.flatMap((cc) =>
    accounts.map((account) => ({
      id: lineId(cc.name, account),
      path: cc.path,
      costCentre: cc.name,
      account,
      owner: cc.owner,
    })),
  );
  const from = Math.floor(forecastIndex / 12) * 12;
  return {
    levels: spec.hierarchy.levels,
    costCentres: spec.hierarchy.costCentres,
    accounts,
    lines,
    months,
    forecastIndex,
    year: { from, to: Math.min(from + 11, months.length - 1) },
    intervals: spec.intervals ?? false,
    sheets,
    owner: spec.owner ? { name: spec.owner.name, costCentres: [...spec.owner.costCentres] } : null,
    proposals: [...(spec.proposals ?? [])],
  };
}

function uniqueList(values: readonly string[], what: string): string[] {
  const first = new Map<string, number>();
  return values.map((raw, i) => {
    const at = `${what} ${i + 1}`;
    const name = checkName(String(raw).trim(), at);
    if (name === '') throw TemplateErrors.badSpec(at, 'is blank', `Give every ${what} a name.`);
    if (name.includes('/'))
      throw TemplateErrors.badName(at, name, 'holds "/", which separates cost centre and account in line ids');
    const seen = first.get(name.toLowerCase());
    if (seen !== undefined) throw SheetErrors.duplicate(at, name, `${what} ${seen + 1}`, what);
    first.set(name.toLowerCase(), i);
    return name;
  });
}
