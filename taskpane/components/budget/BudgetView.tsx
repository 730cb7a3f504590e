/**
 * Budget: "New budget workbook" (form → list of changes → Create), "Load actuals" (a CSV file or
 * the selection) and "Load sample company". Nothing is written before the changes are listed, and
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
import { hierarchyFromList, parseMonths, readHierarchy } from '../../../src/sheets/template';
import type { Repository } from '../../../src/store/repository';
import type { Identity } from '../../review/identity';
import type { TemplatePreview } from '../../templates/budget-workbook';
import { applyTemplate, loadActuals, pendingProposals, previewTemplate } from '../../templates/budget-workbook';
import { previewSample } from '../../templates/sample';
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

const months = (n: number) => countOf(n, 'month');
const amounts = (n: number) => countOf(n, 'actual amount');

export function BudgetView({ workbook, repository, identity, getConnector }: BudgetViewProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const connection = useConnectorState(getConnector);
  const online = connection?.status === 'online';
  const [draft, setDraft] = useState<TemplateDraft>(EMPTY_DRAFT);
  const [hierarchy, setHierarchy] = useState<Hierarchy | null>(null);
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  /** The preview is the sample company's, not the form's (which stays as typed, often empty). */
  const [ofSample, setOfSample] = useState(false);
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
      setNotice({ intent: 'error', text: messageOf(e), where });
    } finally {
      setBusy(false);
    }
  };

  const specOf = async (sheets?: TemplateSpec['sheets']): Promise<TemplateSpec> => ({
    hierarchy: hierarchy ?? hierarchyFromList(list(draft.costCentres)),
    accounts: list(draft.accounts),
    months: parseMonths(draft.months),
    forecastFrom: draft.forecastFrom.trim(),
    intervals: draft.intervals,
    ...(sheets ? { sheets } : {}),
    owner: { name: identity.name, costCentres: identity.costCentres },
    proposals: await pendingProposals(repository),
  });

  const runPreview = (sheets?: TemplateSpec['sheets']) =>
    act(async () => {
      setPreview(null);
      setDeleteTyped(false);
      setOfSample(false);
      setPreview(await previewTemplate(workbook, await specOf(sheets)));
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
      setHierarchy(read);
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

  const sample = () =>
    act(async () => {
      setPreview(await previewSample(workbook, identity));
      setOfSample(true);
      return null;
    });

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
        <TemplateForm
          draft={draft}
          onChange={setDraft}
          hierarchy={hierarchy}
          onReadHierarchy={readSelectedHierarchy}
          onClearHierarchy={() => setHierarchy(null)}
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
        {notice?.where === 'template' && <NoticeBar intent={notice.intent} text={notice.text} />}
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
                {c.fullMessage}{' '}
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
          {preview.conflicts.length === 0 && (
            <>
              <ul className={styles.changes}>
                {preview.changes.map((c) => (
                  <li key={c}>
                    <Body1>{c}</Body1>
                  </li>
                ))}
              </ul>
              {preview.losses.length > 0 && (
                <MessageBar intent="warning" role="alert" data-testid="template-losses">
                  <MessageBarBody>
                    {preview.losses.map((l) => (
                      <div key={l}>{l}.</div>
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
                  disabled={busy || (preview.losses.length > 0 && !deleteTyped)}
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
      {notice?.where === 'actuals' && <NoticeBar intent={notice.intent} text={notice.text} />}
    </ViewSection>
  );
}
