/**
 * KPI definitions as the pane keeps them (store: kpis, schema v3): the model's KPI with the budget
 * lines linked to it. A new definition is checked here before it is stored, so the view can show the
 * problem next to the form. Signed in to a team server, a saved KPI is also shared and the team's
 * KPIs are read in (src/connector/shared-kpis.ts).
 */
import { pullKpis, shareKpi } from '../../src/connector/shared-kpis';
import { isCostCentre } from '../../src/model/names';
import type { KpiDirection } from '../../src/model/kpi';
import type { KpiSeries } from '../../src/sheets/kpi-series';
import type { KpiRecord } from '../../src/store/schema';
import type { Repository } from '../../src/store/repository';
import type { SignedIn } from '../connector/use-signed-in';
import { linksOfLine } from '../../src/loop/kpi-returns';

export interface KpiDraft {
  name: string;
  ownerCostCentre: string;
  unit: string;
  direction: KpiDirection;
  priority: string;
  lines: string[];
  series: KpiSeries | null;
}

export const EMPTY_KPI_DRAFT: KpiDraft = {
  name: '',
  ownerCostCentre: '',
  unit: '',
  direction: 'higher',
  priority: '1',
  lines: [],
  series: null,
};

/** The record to store, or the problem with the draft (for the field it names). */
export function kpiFromDraft(draft: KpiDraft): { record: KpiRecord } | { field: keyof KpiDraft; problem: string } {
  const name = draft.name.trim();
  if (!name) return { field: 'name', problem: 'Give the KPI a name.' };
  const priority = Number(draft.priority);
  if (draft.priority.trim() === '' || !(priority > 0))
    return { field: 'priority', problem: 'Priority must be a number above 0.' };
  if (!draft.series) return { field: 'series', problem: 'Read the target and actual from a selection first.' };
  if (draft.lines.length === 0) return { field: 'lines', problem: 'Link at least one budget line.' };
  const id = name;
  return {
    record: {
      id,
      name,
      ownerCostCentre: draft.ownerCostCentre.trim(),
      unit: draft.unit.trim(),
      direction: draft.direction,
      priority,
      target: draft.series.target,
      actual: draft.series.actual,
      links: draft.lines.map((line) => ({ line, kpi: id })),
    },
  };
}

export async function loadKpis(repository: Repository): Promise<KpiRecord[]> {
  return (await repository.list('kpis')).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Each line linked to at least one KPI, with every KPI it serves and that KPI's priority (the
 * allocation aims a line at their priority-weighted sum: src/loop/kpi-returns.ts).
 * @example lineKpis(['MKT-ADS'], kpis) // [{ line: 'MKT-ADS', kpis: [{ id: 'Leads', priority: 2 }, { id: 'Revenue', priority: 1 }] }]
 */
export function lineKpis(
  lineIds: ReadonlyArray<string>,
  kpis: ReadonlyArray<KpiRecord>,
): { line: string; kpis: { id: string; priority: number }[] }[] {
  return lineIds.flatMap((line) => {
    const found = linksOfLine(kpis, line).map(({ kpi }) => ({ id: kpi.id, priority: kpi.priority ?? 1 }));
    return found.length ? [{ line, kpis: found }] : [];
  });
}

/** The cost centres whose team KPIs and memory the pane reads: those scanned and those the token names. */
export function teamCentres(signedIn: SignedIn, scanned: readonly string[]): string[] {
  const own = signedIn.user.costCentres === '*' ? [] : signedIn.user.costCentres;
  return [...new Set([...scanned, ...own])].filter(isCostCentre).sort();
}

/** The stored KPIs; signed in, after reading in the team's KPIs of `scanned` and the user's cost centres. */
export async function loadTeamKpis(
  repository: Repository,
  signedIn: SignedIn | null,
  scanned: readonly string[],
): Promise<KpiRecord[]> {
  if (!signedIn) return loadKpis(repository);
  return pullKpis(signedIn.api, repository, teamCentres(signedIn, scanned));
}

/**
 * Stores a KPI from the form (keeping the server's id and version of the one it replaces) and,
 * signed in, shares it. Returns the problem to show next to a field, or null.
 * @throws the connector's error (a conflict, a refusal) after the local copy is stored
 */
export async function saveKpi(
  repository: Repository,
  record: KpiRecord,
  signedIn: SignedIn | null,
): Promise<{ field: keyof KpiDraft; problem: string } | null> {
  if (signedIn && !isCostCentre(record.ownerCostCentre))
    return {
      field: 'ownerCostCentre',
      problem: 'Signed in, a KPI belongs to a cost centre: give its code (e.g. MKT).',
    };
  const replaced = await repository.get('kpis', record.id);
  const kept = replaced?.shared ? { ...record, shared: replaced.shared } : record;
  await repository.put('kpis', kept);
  if (signedIn) await repository.put('kpis', await shareKpi(signedIn.api, kept));
  return null;
}
