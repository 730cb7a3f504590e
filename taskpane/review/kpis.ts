/**
 * KPI definitions as the pane keeps them (store: kpis, schema v3): the model's KPI with the budget
 * lines linked to it. A new definition is checked here before it is stored, so the view can show the
 * problem next to the form. Signed in to a team server, a saved KPI is also shared and the team's
 * KPIs are read in (src/connector/shared-kpis.ts).
 */
import { deleteSharedKpi, pullKpis, shareKpi } from '../../src/connector/shared-kpis';
import { isCostCentre } from '../../src/model/names';
import type { KpiDirection } from '../../src/model/kpi';
import type { KpiSeries } from '../../src/sheets/kpi-series';
import type { KpiRecord } from '../../src/store/schema';
import type { Repository } from '../../src/store/repository';
import type { SignedIn } from '../connector/use-signed-in';
import { linksOfLine } from '../../src/loop/kpi-returns';
import { tryParseNumber } from '../../src/format';
import { draftOfLink, linkFromDraft, type LinkDraft, type ParseText } from './kpi-links';

export interface KpiDraft {
  name: string;
  ownerCostCentre: string;
  unit: string;
  direction: KpiDirection;
  priority: string;
  lines: string[];
  /** What was typed for each linked line's response and lag (kpi-links.ts); absent = blank. */
  links: Record<string, LinkDraft>;
  series: KpiSeries | null;
}

export const EMPTY_KPI_DRAFT: KpiDraft = {
  name: '',
  ownerCostCentre: '',
  unit: '',
  direction: 'higher',
  priority: '1',
  lines: [],
  links: {},
  series: null,
};

/** Reads numbers as typed in en-US (the pane passes its own locale's reader). */
const parseEnUs: ParseText = (text, field) => tryParseNumber(text, { field, percent: 'reject' });

/**
 * The record to store, or the problem with the draft (for the field it names: a draft field, or a
 * link's `perUnit:<line>`, `sd:<line>`, `lag:<line>`).
 * @param parse reads a typed number (the pane's locale). @default en-US
 */
export function kpiFromDraft(
  draft: KpiDraft,
  parse: ParseText = parseEnUs,
): { record: KpiRecord } | { field: string; problem: string } {
  const name = draft.name.trim();
  if (!name) return { field: 'name', problem: 'Give the KPI a name.' };
  // Read in the pane's locale like every other number typed ("1,5" in German; Number() refused it).
  const typed = draft.priority.trim() === '' ? null : parse(draft.priority, 'KPI priority');
  const priority = typed?.ok ? typed.value : NaN;
  if (!(priority > 0)) return { field: 'priority', problem: 'Priority must be a number above 0.' };
  if (!draft.series) return { field: 'series', problem: 'Read the target and actual from a selection first.' };
  if (draft.lines.length === 0) return { field: 'lines', problem: 'Link at least one budget line.' };
  const links: KpiRecord['links'] = [];
  for (const line of draft.lines) {
    const made = linkFromDraft(line, draft.links[line], draft.series.actual.length, parse);
    if ('problem' in made) return made;
    links.push({ ...made.link, kpi: name });
  }
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
      links,
    },
  };
}

/**
 * A stored KPI back in the form, to change it (its links with what was entered on them); saving it
 * under the same name replaces it.
 * @param toInput a number as the pane's input boxes show it
 */
export function draftOfKpi(kpi: KpiRecord, toInput: (v: number) => string): KpiDraft {
  return {
    name: kpi.name,
    ownerCostCentre: kpi.ownerCostCentre,
    unit: kpi.unit,
    direction: kpi.direction,
    priority: toInput(kpi.priority ?? 1),
    lines: kpi.links.map((l) => l.line),
    links: Object.fromEntries(kpi.links.map((l) => [l.line, draftOfLink(l, toInput)])),
    series: { target: [...kpi.target], actual: [...kpi.actual] },
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

/**
 * Removes a KPI; signed in, a shared one is deleted (archived) on the team server too, through the
 * queue against the version last seen, so the other panes drop it at their next read.
 * @throws the connector's error (a conflict, a refusal): the local copy is then kept
 */
export async function removeKpi(repository: Repository, record: KpiRecord, signedIn: SignedIn | null): Promise<void> {
  if (signedIn) await deleteSharedKpi(signedIn.api, repository, record);
  else await repository.remove('kpis', record.id);
}
