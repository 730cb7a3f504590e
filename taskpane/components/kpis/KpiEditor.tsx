/**
 * KPI definitions: the stored KPIs (name, owner, unit, direction, priority, linked lines, periods)
 * and a form to add or change one: its target and actual are read from the selection
 * (src/sheets/kpi-series.ts), its lines picked from the scanned budget lines, and each linked line's
 * response and lag may be entered by hand (LinkFields; blank = estimated). A line may serve several
 * KPIs: the links list shows every KPI of each line. The Proposals view aims the allocation at their
 * priority-weighted sum.
 */
import { useId, useState } from 'react';
import { Button, Caption1, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { SelectField } from '../shared/SelectField';
import type { KpiDirection } from '../../../src/model/kpi';
import { countOf } from '../../../src/format/count-of';
import { readKpiSeries } from '../../../src/sheets/kpi-series';
import type { KpiRecord } from '../../../src/store/schema';
import type { Repository } from '../../../src/store/repository';
import type { SignedIn } from '../../connector/use-signed-in';
import { EMPTY_KPI_DRAFT, KpiDraft, draftOfKpi, kpiFromDraft, lineKpis, removeKpi, saveKpi } from '../../review/kpis';
import { BLANK_LINK, type LinkDraft } from '../../review/kpi-links';
import { useNumbers } from '../../state/numbers';
import type { Workbook } from '../../workbook/types';
import { LinkFields } from './LinkFields';
import { LineId } from '../tables/LineId';
import { LineIdText } from '../tables/LineIdText';
import { TitledSection } from '../shared/TitledSection';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  narrow: { width: '90px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  series: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface KpiEditorProps {
  repository: Repository;
  workbook: Workbook;
  /** The scanned budget lines a KPI can link to. */
  lineIds: ReadonlyArray<string>;
  kpis: ReadonlyArray<KpiRecord>;
  onChange: () => Promise<void>;
  /** Signed in to a team server: a saved KPI is shared too. @default null */
  signedIn?: SignedIn | null;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function KpiEditor({ repository, workbook, lineIds, kpis, onChange, signedIn = null }: KpiEditorProps) {
  const styles = useStyles();
  const seriesHint = useId();
  const numbers = useNumbers();
  const [draft, setDraft] = useState<KpiDraft>(EMPTY_KPI_DRAFT);
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null);
  const set = (patch: Partial<KpiDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const error = (field: string) => (problem?.field === field ? problem.text : undefined);
  /** A problem that belongs to no text box (the list, the lines, the series), as an alert in place. */
  const alertOf = (field: 'list' | 'lines' | 'series') =>
    error(field) && (
      <Caption1 role="alert" className={styles.error}>
        {error(field)}
      </Caption1>
    );
  /** A text box for one field of the draft, with that field's problem under it. */
  const textField = (key: 'name' | 'ownerCostCentre' | 'unit' | 'priority', label: string, narrow = true) => (
    <Field label={label} size="small" validationMessage={error(key)}>
      <Input
        size="small"
        className={narrow ? styles.narrow : undefined}
        value={draft[key]}
        onChange={(_, d) => set({ [key]: d.value })}
      />
    </Field>
  );
  const setLink = (line: string, patch: Partial<LinkDraft>) =>
    setDraft((d) => ({
      ...d,
      links: { ...d.links, [line]: { ...(d.links[line] ?? BLANK_LINK), ...patch } },
    }));
  const entered = (k: KpiRecord, line: string) => {
    const link = k.links.find((l) => l.line === line);
    const parts = [link?.response ? 'response entered' : '', link?.lag ? `lag ${link.lag}` : ''].filter(Boolean);
    return parts.length ? `${line} (${parts.join(', ')})` : line;
  };

  const readSeries = async () => {
    try {
      set({ series: readKpiSeries((await workbook.readSelection()).values) });
      setProblem(null);
    } catch (e) {
      setProblem({ field: 'series', text: message(e) });
    }
  };
  const save = async () => {
    const made = kpiFromDraft(draft, (text, field) => numbers.parse(text, { field, percent: 'reject' }));
    if ('problem' in made) return setProblem({ field: made.field, text: made.problem });
    try {
      const refused = await saveKpi(repository, made.record, signedIn);
      if (refused) return setProblem({ field: refused.field, text: refused.problem });
      setDraft(EMPTY_KPI_DRAFT);
      setProblem(null);
    } catch (e) {
      // Kept here; the team server refused it or it conflicts (Settings › Team server resolves that).
      setProblem({ field: 'series', text: `Saved here, not shared: ${message(e)}` });
    }
    await onChange();
  };
  const remove = async (k: KpiRecord) => {
    try {
      await removeKpi(repository, k, signedIn);
      setProblem(null);
    } catch (e) {
      // Kept here: the team server refused the deletion or someone changed the KPI meanwhile.
      setProblem({ field: 'list', text: `${k.name} is kept: ${message(e)}` });
    }
    await onChange();
  };
  const periods = (k: KpiRecord) => k.actual.filter((v) => v !== null).length;
  const links = lineKpis(lineIds, kpis);

  return (
    <TitledSection id="kpis" title="KPIs" level="h3" className={styles.root}>
      {kpis.length === 0 && <Caption1>No KPIs yet: without one, only flagged lines move.</Caption1>}
      {kpis.length > 0 && (
        <ul className={styles.list} aria-label="KPIs">
          {kpis.map((k) => (
            <li key={k.id}>
              {k.name} ({k.unit || 'no unit'}, {k.direction} is better, priority{' '}
              {numbers.format(k.priority ?? 1, 'number')}, {periods(k)} actuals) ←{' '}
              <LineIdText text={k.links.map((l) => entered(k, l.line)).join(', ')} ids={k.links.map((l) => l.line)} />{' '}
              <Button
                size="small"
                appearance="subtle"
                onClick={() => {
                  setDraft(draftOfKpi(k, (v) => numbers.toInput(v)));
                  setProblem(null);
                }}
                aria-label={`Edit KPI ${k.name}`}
              >
                Edit
              </Button>
              <Button size="small" appearance="subtle" onClick={() => remove(k)} aria-label={`Remove KPI ${k.name}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {alertOf('list')}
      {links.length > 0 && (
        <>
          <Caption1 id="kpi-links-label">
            Lines and the KPIs their spend moves (aimed at their priority-weighted sum)
          </Caption1>
          <ul className={styles.list} aria-labelledby="kpi-links-label" data-testid="kpi-links">
            {links.map((l) => (
              <li key={l.line}>
                <LineId id={l.line} /> →{' '}
                {l.kpis.map((k) => `${k.id} (priority ${numbers.format(k.priority, 'number')})`).join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.row}>
        {textField('name', 'KPI name', false)}
        {textField('ownerCostCentre', 'Owner cost centre')}
        {textField('unit', 'Unit')}
        <SelectField<KpiDirection>
          label="Better when"
          size="small"
          value={draft.direction}
          onChange={(direction) => set({ direction })}
          options={['higher', 'lower']}
        />
        {textField('priority', 'KPI priority')}
      </div>
      {/* Not a Field: a Field gives its one control id to every checkbox inside it. */}
      <div role="group" aria-labelledby="kpi-lines-label">
        <Caption1 id="kpi-lines-label">Lines whose spend moves it</Caption1>
        <div className={styles.row}>
          {lineIds.map((id) => (
            <Checkbox
              key={id}
              label={<LineId id={id} />}
              checked={draft.lines.includes(id)}
              onChange={(_, d) =>
                set({ lines: d.checked ? [...draft.lines, id] : draft.lines.filter((l) => l !== id) })
              }
            />
          ))}
        </div>
        {alertOf('lines')}
      </div>
      <LinkFields lines={draft.lines} links={draft.links} unit={draft.unit} onChange={setLink} problem={problem} />
      {/* The hint says what to select and sits right under the button that reads it (not under Save KPI). */}
      <div className={styles.series}>
        <Button size="small" onClick={readSeries} aria-describedby={seriesHint}>
          Read target and actual from selection
        </Button>
        <Caption1 id={seriesHint} className={styles.hint}>
          {draft.series
            ? `${countOf(draft.series.target.length, 'period')} read (${countOf(draft.series.actual.filter((v) => v !== null).length, 'actual')}).`
            : 'Select two rows: target, then actual (one period per cell; a "target"/"actual" label first is fine).'}
        </Caption1>
        {alertOf('series')}
      </div>
      <div className={styles.row}>
        <Button size="small" appearance="primary" onClick={save}>
          Save KPI
        </Button>
      </div>
    </TitledSection>
  );
}
