/**
 * Budget: "New budget workbook" (form → list of changes → Create), "Load actuals" (a CSV file or
 * the selection) and "Load sample company" (it fills the form, editable). Nothing is written before the
 * changes are listed (a form edited since its preview must be previewed again), and
 * nothing at all when the template, the hierarchy or the actuals have a problem: the message names
 * the row and what to fix, and a sheet already in use gets another name offered.
 */
import { useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { NoticeBar, type Notice } from '../shared/Notice';
import { isFpaError } from '../../../src/errors';
import { countOf } from '../../../src/format/count-of';
import { csvGrid } from '../../../src/sheets/csv';
import type { Hierarchy, TemplateSpec } from '../../../src/sheets/template';
import { hierarchyFromList, lineId, parseMonths, readHierarchy } from '../../../src/sheets/template';
import type { Repository } from '../../../src/store/repository';
import type { Identity } from '../../review/identity';
import type { TemplatePreview } from '../../templates/budget-workbook';
import { applyTemplate, loadActuals, pendingProposals, previewTemplate } from '../../templates/budget-workbook';
import { loadSample, type LoadedSample } from '../../templates/sample';
import { toSheetGrid } from '../../workbook/sheet-grid';
import type { Workbook } from '../../workbook/types';
import { apiClient, type Connector } from '../../../src/connector';
import { useConnectorState } from '../../connector/use-signed-in';
import { loadServerActuals } from '../../templates/server-actuals';
import { EMPTY_DRAFT, TemplateForm, type TemplateDraft } from './TemplateForm';
import { fileText } from '../../files/text-file';
import { FileButton } from '../shared/FileButton';
import { ViewSection } from '../shared/TitledSection';
import { useLayoutStyles } from '../shared/layout-styles';
import { useKnownLineIds } from '../tables/KnownLineIds';
import { LineIdText } from '../tables/LineIdText';

export interface BudgetViewProps {
  workbook: Workbook;
  repository: Repository;
  identity: Identity;
  /** The team server connection: when it is online, actuals load from its actuals API too. */
  getConnector: () => Promise<Connector>;
}

const useStyles = makeStyles({
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // A part's heading sits in its section's gap, as it did before it was an h3 (no browser margins).
  part: { margin: 0 },
});

const list = (text: string): string[] =>
  text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

const messageOf = (e: unknown): string => (isFpaError(e) ? e.fullMessage : e instanceof Error ? e.message : String(e));

/**
 * The ids a refusal names that the pane may have seen nowhere (a CSV's line not in the template, a
 * hierarchy's names), drawn whole in its message.
 */
function idsOf(e: unknown): string[] {
  if (!isFpaError(e) || !e.data) return [];
  const { line, name, parent, other, path } = e.data;
  return [line, name, parent, other, ...(Array.isArray(path) ? path : [])].filter(
    (v): v is string => typeof v === 'string',
  );
}

/** What the form holds: typed fields, a hierarchy read, and the sample company when it filled the form. */
interface FormState {
  draft: TemplateDraft;
  hierarchy: Hierarchy | null;
  sample: LoadedSample | null;
}

const EMPTY_FORM: FormState = { draft: EMPTY_DRAFT, hierarchy: null, sample: null };

/**
 * The ids the form holds (typed cost centres or the hierarchy's names, and their lines), known once there:
 * messages keep them whole.
 */
function formIds({ draft, hierarchy }: FormState): string[] {
  const centres = hierarchy ? hierarchy.costCentres.map((c) => c.name) : list(draft.costCentres);
  const lines = centres.flatMap((c) => list(draft.accounts).map((a) => lineId(c, a)));
  return [...centres, ...(hierarchy?.costCentres.flatMap((c) => c.path) ?? []), ...lines];
}

const months = (n: number) => countOf(n, 'month');
const amounts = (n: number) => countOf(n, 'actual amount');

export function BudgetView({ workbook, repository, identity, getConnector }: BudgetViewProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const connection = useConnectorState(getConnector);
  const online = connection?.status === 'online';
  const [form, setForm] = useState<FormState>(EMPTY_FORM);
  const { draft, hierarchy } = form;
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  /** The form the preview was made from: once the form is edited, the preview no longer says what Create writes. */
  const [previewed, setPreviewed] = useState<FormState | null>(null);
  const stale = preview !== null && previewed !== form;
  const ofSample = previewed?.sample != null;
  const typedIds = formIds(form);
  // The preview's lines, before and after (a removed line is no longer typed, but the workbook holds it).
  const planIds = [preview?.plan, preview?.previous].flatMap(
    (p) => p?.template.lines.flatMap((l) => [l.id, l.costCentre, ...l.path]) ?? [],
  );
  const ids = [...useKnownLineIds(), ...typedIds, ...planIds];
  const [deleteTyped, setDeleteTyped] = useState(false);
  /** The last message, shown under the part of the view that made it (at 320 px the bottom is a screen away). */
  const [notice, setNotice] = useState<(Notice & { where: 'template' | 'actuals' }) | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<string | null>, where: 'template' | 'actuals' = 'template') => {
    setBusy(true);
    setNotice(null);
    try {
      const done = await work();
      if (done) setNotice({ intent: 'success', text: done, where });
    } catch (e) {
      setNotice({ intent: 'error', text: messageOf(e), where, ids: idsOf(e) });
    } finally {
      setBusy(false);
    }
  };

  const specOf = async (
    { draft, hierarchy, sample }: FormState,
    sheets?: TemplateSpec['sheets'],
  ): Promise<TemplateSpec> => ({
    hierarchy: hierarchy ?? hierarchyFromList(list(draft.costCentres)),
    accounts: list(draft.accounts),
    months: parseMonths(draft.months),
    forecastFrom: draft.forecastFrom.trim(),
    intervals: draft.intervals,
    ...(sheets ? { sheets } : {}),
    owner: sample?.owner ?? { name: identity.name, costCentres: identity.costCentres },
    proposals: await pendingProposals(repository),
  });

  /** Previews `of` (the form as it is, or as the sample just filled it), with the sample's amounts and sheet. */
  const runPreview = (sheets?: TemplateSpec['sheets'], of: FormState = form) =>
    act(async () => {
      setPreview(null);
      setDeleteTyped(false);
      const spec = await specOf(of, sheets);
      const { sample } = of;
      setPreview(await previewTemplate(workbook, spec, sample?.amountsFor(spec.months), sample?.sheets));
      setPreviewed(of);
      return null;
    });

  const create = () =>
    act(async () => {
      if (!preview) return null;
      const writes = await applyTemplate(workbook, preview, { deleteTyped });
      setPreview(null);
      return `Budget workbook written: ${preview.plan.sheets.map((s) => s.name).join(', ')} (${writes} writes).`;
    });

  const useOtherName = (sheet: string, offer: string) => {
    if (!preview) return;
    const role = preview.plan.sheets.find((s) => s.name === sheet)?.role;
    if (!role || role === 'drivers') return;
    void runPreview({ ...(preview.spec.sheets ?? {}), [role]: offer });
  };

  const readSelectedHierarchy = () =>
    act(async () => {
      const range = await workbook.readSelection();
      const read = readHierarchy(toSheetGrid(range.values));
      setForm((f) => ({ ...f, hierarchy: read }));
      return `Read ${read.costCentres.length} cost centres from ${range.address}.`;
    });

  const loadFrom = (grid: () => Promise<ReturnType<typeof toSheetGrid>>, source: string) =>
    act(async () => {
      const loaded = await loadActuals(workbook, await grid());
      return `Loaded ${amounts(loaded.count)} for ${months(loaded.months.length)} from ${source} into ${loaded.address}.`;
    }, 'actuals');

  const loadCsv = (file: File | undefined) => {
    if (!file) return;
    void loadFrom(async () => {
      const { rows, unclosed } = csvGrid(await fileText(file));
      if (unclosed !== null)
        throw new Error(`${file.name} line ${unclosed}: a quoted field is not closed. Nothing was loaded.`);
      return rows;
    }, file.name);
  };

  const loadFromServer = () =>
    act(async () => {
      const api = apiClient(await getConnector());
      const loaded = await loadServerActuals(workbook, api);
      const left = loaded.skipped.amounts
        ? ` Left out ${countOf(loaded.skipped.amounts, 'amount')} of accounts not in the template (${loaded.skipped.accounts.join(', ')}).`
        : '';
      return `Loaded ${amounts(loaded.count)} for ${months(loaded.months.length)} from the team server into ${loaded.address}.${left}`;
    }, 'actuals');

  /** Fills the form with the sample company (editable) and previews it. */
  const sample = () => {
    const loaded = loadSample(identity);
    const filled = { draft: { ...EMPTY_DRAFT, ...loaded.fields }, hierarchy: loaded.hierarchy, sample: loaded };
    setForm(filled);
    void runPreview(undefined, filled);
  };

  /** Typed cost centres instead of the hierarchy: the hierarchy's names to start from when none are typed. */
  const clearHierarchy = () =>
    setForm((f) => ({
      ...f,
      hierarchy: null,
      draft:
        f.draft.costCentres.trim() === '' && f.hierarchy
          ? { ...f.draft, costCentres: f.hierarchy.costCentres.map((c) => c.name).join('\n') }
          : f.draft,
    }));

  return (
    <ViewSection view="budget" className={layout.spacedColumn}>
      <div className={layout.column}>
        <Subtitle2 as="h3" className={styles.part}>
          New budget workbook
        </Subtitle2>
        <Caption1>
          Plan, Actuals, Forecast, Variance and a Dashboard as Excel tables with roll-ups. Run it again to add months or
          cost centres: your amounts and anything outside the template’s tables stay.
        </Caption1>
        {form.sample && (
          <div className={layout.row} data-testid="sample-loaded">
            <Caption1>
              The sample company: its plan and actuals for the lines and months below, and its Drivers sheet, are
              written with the form.
            </Caption1>
            <Button size="small" onClick={() => setForm(EMPTY_FORM)} disabled={busy}>
              Empty the form
            </Button>
          </div>
        )}
        <TemplateForm
          draft={draft}
          onChange={(d) => setForm((f) => ({ ...f, draft: d }))}
          hierarchy={hierarchy}
          onReadHierarchy={readSelectedHierarchy}
          onClearHierarchy={clearHierarchy}
          busy={busy}
        />
        <div className={layout.row}>
          <Button appearance="primary" onClick={() => runPreview()} disabled={busy}>
            Preview changes
          </Button>
          <Button onClick={sample} disabled={busy}>
            Load sample company
          </Button>
        </div>
        {notice?.where === 'template' && (
          <NoticeBar intent={notice.intent} text={notice.text} ids={[...typedIds, ...(notice.ids ?? [])]} />
        )}
      </div>
      {preview && (
        <div className={layout.column} data-testid="template-preview">
          <Subtitle2 as="h3" className={styles.part}>
            {preview.conflicts.length
              ? 'Nothing can be written yet'
              : ofSample
                ? 'What the sample company will change'
                : 'What will change'}
          </Subtitle2>
          {preview.conflicts.map((c) => (
            <MessageBar key={c.message} intent="warning" role="alert">
              <MessageBarBody>
                <LineIdText text={c.fullMessage} ids={ids} />{' '}
                {c.code === 'TEMPLATE_SHEET_IN_USE' && (
                  <Button
                    size="small"
                    onClick={() => useOtherName(String(c.field), String((c.data as { offer: string }).offer))}
                  >
                    Use “{String((c.data as { offer: string }).offer)}”
                  </Button>
                )}
              </MessageBarBody>
            </MessageBar>
          ))}
          {stale && (
            <MessageBar intent="info" data-testid="template-stale">
              <MessageBarBody>
                The form has changed since this preview: press Preview changes to see what Create will write.
              </MessageBarBody>
            </MessageBar>
          )}
          {preview.conflicts.length === 0 && (
            <>
              <ul className={styles.changes}>
                {preview.changes.map((c) => (
                  <li key={c}>
                    <Body1>
                      <LineIdText text={c} ids={ids} />
                    </Body1>
                  </li>
                ))}
              </ul>
              {preview.losses.length > 0 && (
                <MessageBar intent="warning" role="alert" data-testid="template-losses">
                  <MessageBarBody>
                    {preview.losses.map((l) => (
                      <div key={l}>
                        <LineIdText text={`${l}.`} ids={ids} />
                      </div>
                    ))}
                    <Checkbox
                      checked={deleteTyped}
                      onChange={(_, d) => setDeleteTyped(d.checked === true)}
                      label="Delete these amounts (copy them elsewhere first if you need them)"
                    />
                  </MessageBarBody>
                </MessageBar>
              )}
              <div className={layout.row}>
                <Button
                  appearance="primary"
                  onClick={create}
                  disabled={busy || stale || (preview.losses.length > 0 && !deleteTyped)}
                >
                  Create
                </Button>
                <Button onClick={() => setPreview(null)} disabled={busy}>
                  Cancel
                </Button>
              </div>
            </>
          )}
        </div>
      )}
      <div className={layout.column}>
        <Subtitle2 as="h3" className={styles.part}>
          Load actuals
        </Subtitle2>
        <Caption1>
          A CSV or a selected range: cost centre | account | period | amount, or cost centre | account | one column per
          month. Lines and months must be the template’s. Connected to the team server, the actuals imported there for
          the template’s cost centres and closed months load in one click.
        </Caption1>
        <div className={layout.row}>
          <FileButton label="Load actuals from a CSV file" accept=".csv,text/csv" onFile={loadCsv} disabled={busy}>
            Load actuals from a CSV file…
          </FileButton>
          <Button
            onClick={() =>
              void loadFrom(async () => toSheetGrid((await workbook.readSelection()).values), 'the selection')
            }
            disabled={busy}
          >
            Load actuals from selection
          </Button>
          <Button onClick={loadFromServer} disabled={busy || !online}>
            Load actuals from the team server
          </Button>
        </div>
        {!online && <Caption1>Connect in Settings › Team server to load the actuals imported there.</Caption1>}
      </div>
      {notice?.where === 'actuals' && (
        <NoticeBar intent={notice.intent} text={notice.text} ids={[...typedIds, ...(notice.ids ?? [])]} />
      )}
    </ViewSection>
  );
}
