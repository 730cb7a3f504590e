/**
 * The Budget view in the pane, on the workbook double: a hierarchy read from the selection, the
 * changes listed before Create, a sheet in use refused with another name offered, actuals loaded
 * from a CSV file, and the sample company.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPane } from '../render-pane';
import { blockOf } from '../../../taskpane/workbook/double-sheets';
import { createWorkbookDouble } from '../../../taskpane/workbook/workbook-double';
import { createMemoryRepository } from '../../../src/store/memory-repository';
import type { Connector, ConnectorState } from '../../../src/connector';
import { connectorDouble } from '../connector-double';
import { fillForm } from '../fill-form';
import { sampleCompany } from '../../../src/sheets/template/sample-company';

/** A connector in `status` whose GET /api/actuals answers from `actuals` (by cost centre). */
function actualsServer(status: ConnectorState['status'], actuals: Record<string, unknown[]>) {
  const reads: string[] = [];
  const { getConnector } = connectorDouble({
    state: { status, baseUrl: 'http://127.0.0.1:1' },
    read: (endpoint, _params, query) => {
      reads.push(`${endpoint} ${query.costCentre} ${query.from}..${query.to}`);
      if (endpoint !== 'listActuals') throw new Error(`unexpected ${endpoint}`);
      return actuals[query.costCentre] ?? [];
    },
  });
  return { getConnector, reads };
}

function renderBudget(workbook = createWorkbookDouble(), getConnector?: () => Promise<Connector>) {
  renderPane(createMemoryRepository(), { workbook, initialTab: 'budget', ...(getConnector ? { getConnector } : {}) });
  return workbook;
}

/** The template form's fields as most cases fill them: two cost centres, one account, a year. */
const TEMPLATE = {
  'Cost centres': 'MKT\nIT',
  Accounts: 'Travel',
  Months: '2025-01 to 2025-12',
  'First forecast month': '2025-07',
};

/** A change the preview lists, by its whole text (its line ids are drawn as elements of their own). */
const changeItem = (text: string | RegExp) => (_: string, e: Element | null) =>
  e?.tagName === 'LI' && (typeof text === 'string' ? e.textContent === text : text.test(e.textContent ?? ''));

/** Waits for the template form, fills TEMPLATE with `fields` in their place, and previews the changes. */
async function previewTemplate(fields: Partial<typeof TEMPLATE> = {}): Promise<void> {
  await screen.findByRole('button', { name: 'Preview changes' }, { timeout: 10000 });
  fillForm({ ...TEMPLATE, ...fields });
  fireEvent.click(await screen.findByRole('button', { name: 'Preview changes' }, { timeout: 10000 }));
}

/** previewTemplate, then Create in the preview; resolves when the workbook is written. */
async function createTemplate(fields: Partial<typeof TEMPLATE> = {}): Promise<void> {
  await previewTemplate(fields);
  fireEvent.click(within(await screen.findByTestId('template-preview')).getByRole('button', { name: 'Create' }));
  await screen.findByText(/^Budget workbook written/);
}

describe('Budget view', () => {
  it('shows a template problem under Preview changes, not a screen away under Load actuals', async () => {
    renderBudget();
    fireEvent.click(await screen.findByRole('button', { name: 'Preview changes' }, { timeout: 10000 }));
    const problem = await screen.findByText(/^cost centres: none given/);
    const loadActuals = screen.getByText('Load actuals');
    // The message comes before the Load actuals section in the page.
    expect(problem.compareDocumentPosition(loadActuals) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('reads a hierarchy from the selection, lists the changes, then creates the workbook', async () => {
    const workbook = createWorkbookDouble({
      selection: {
        address: 'Sheet1!A1:C4',
        values: [
          ['entity', 'department', 'cost centre'],
          ['ACME', 'Sales', 'S1'],
          [null, null, 'S2'],
          [null, 'Ops', 'O1'],
        ],
      },
    });
    renderBudget(workbook);
    fireEvent.click(await screen.findByRole('button', { name: 'Use selected hierarchy table' }, { timeout: 10000 }));
    expect((await screen.findByTestId('hierarchy-read')).textContent).toBe(
      'Hierarchy: 3 cost centres under entity → department',
    );
    fillForm({ Accounts: 'Travel, Software', Months: '2025-01 to 2025-12', 'First forecast month': '2025-07' });
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    const preview = await screen.findByTestId('template-preview');
    expect(within(preview).getByText('Add sheet "Plan" (fpaPlan, fpaPlanRollup)')).toBeTruthy();
    expect(workbook.store.sheets.size).toBe(0); // nothing written before Create
    fireEvent.click(within(preview).getByRole('button', { name: 'Create' }));
    await screen.findByText(/^Budget workbook written: Plan, Actuals, Forecast, Variance, Dashboard/);
    expect(workbook.store.tables.get('fpaVarianceRollup')).toBeDefined();
    expect(workbook.templateSpec).toContain('"forecastFrom":"2025-07"');
  }, 30000);

  it('a re-run that drops a cost centre with typed amounts needs the deletion confirmed', async () => {
    const workbook = renderBudget();
    await createTemplate();
    await workbook.writeRange('Plan!F6', [[55]]); // IT/Travel 2025-01
    fillForm({ 'Cost centres': 'MKT' });
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    const preview = await screen.findByTestId('template-preview');
    expect(within(preview).getByText(changeItem('Plan: remove 1 line(s) (IT/Travel)'))).toBeTruthy();
    const losses = within(preview).getByTestId('template-losses');
    expect(losses.textContent).toContain('Plan: 1 amount(s) typed in 1 removed line(s) (IT/Travel) will be deleted.');
    const create = within(preview).getByRole('button', { name: 'Create' });
    expect((create as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(losses).getByRole('checkbox'));
    await waitFor(() => expect((create as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(create);
    await screen.findByText(/^Budget workbook written/);
    expect(workbook.store.tables.get('fpaPlan')!.address).toBe('A4:Q5');
  }, 30000);

  it('not connected: loading from the team server is off, and the view says where to connect', async () => {
    const offline = actualsServer('disconnected', {});
    renderBudget(createWorkbookDouble(), offline.getConnector);
    const button = await screen.findByRole('button', { name: 'Load actuals from the team server' }, { timeout: 10000 });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/^Connect in Settings › Team server/)).toBeTruthy();
  }, 30000);

  it('pulls the template’s cost centres’ actuals from the team server into the Actuals table', async () => {
    const server = actualsServer('online', {
      MKT: [
        { account: 'Travel', period: '2025-01', amount: 120 },
        { account: 'Rent', period: '2025-01', amount: 9 },
      ],
    });
    const workbook = createWorkbookDouble();
    renderBudget(workbook, server.getConnector);
    await createTemplate({ 'First forecast month': '2025-04' });
    const button = screen.getByRole('button', { name: 'Load actuals from the team server' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await screen.findByText(
      "Loaded 1 actual amount for 1 month from the team server into 'Actuals'!F5:Q6. Left out 1 amount of accounts not in the template (Rent).",
    );
    expect(server.reads).toEqual(['listActuals MKT 2025-01..2025-03', 'listActuals IT 2025-01..2025-03']);
    expect(blockOf(workbook.store.sheets.get('Actuals')!, 'F5:G6')).toEqual([
      [120, null],
      [null, null],
    ]);
  }, 30000);

  it('names the month to fix and writes nothing', async () => {
    const workbook = renderBudget();
    await previewTemplate({ Months: '2025-01, 2025-02, 2025-04', 'First forecast month': '2025-04' });
    expect((await screen.findByRole('alert')).textContent).toContain('month 3: "2025-04" follows "2025-02"');
    expect(workbook.store.sheets.size).toBe(0);
  }, 30000);

  it('offers another name for a sheet in use, then loads actuals from a CSV file', async () => {
    const workbook = createWorkbookDouble();
    await workbook.applyWrites([
      { op: 'sheet', sheet: 'Plan' },
      { op: 'cells', sheet: 'Plan', address: 'A5', cells: [['mine']] },
    ]);
    renderBudget(workbook);
    await previewTemplate({ 'Cost centres': 'MKT, IT' });
    fireEvent.click(await screen.findByRole('button', { name: 'Use “Plan (2)”' }));
    const preview = await screen.findByText('Add sheet "Plan (2)" (fpaPlan, fpaPlanRollup)');
    fireEvent.click(
      within(preview.closest('[data-testid="template-preview"]') as HTMLElement).getByRole('button', {
        name: 'Create',
      }),
    );
    await screen.findByText(/^Budget workbook written: Plan \(2\)/);
    const file = new File(['cost centre,account,period,amount\nIT,Travel,2025-03,250\n'], 'actuals.csv', {
      type: 'text/csv',
    });
    fireEvent.change(screen.getByLabelText('Load actuals from a CSV file'), { target: { files: [file] } });
    await screen.findByText(/^Loaded 1 actual amount for 1 month from actuals.csv/);
    await waitFor(() => expect(workbook.store.sheets.get('Plan')!.cells.get('4,0')?.value).toBe('mine'));
  }, 30000);

  it('loads the sample company: 12 cost centres, a Drivers sheet', async () => {
    const workbook = renderBudget();
    fireEvent.click(await screen.findByRole('button', { name: 'Load sample company' }, { timeout: 10000 }));
    const preview = await screen.findByTestId('template-preview', {}, { timeout: 10000 });
    // The view's parts are h3 under its h2, as in every other view (a screen reader lists them so).
    const headings = (level: number) => screen.getAllByRole('heading', { level }).map((h) => h.textContent);
    expect(headings(2)).toEqual(['Budget']);
    // Named as the sample's ("What will change" read as the form's changes).
    expect(headings(3)).toEqual(['New budget workbook', 'What the sample company will change', 'Load actuals']);
    expect(within(preview).getByText('Add sheet "Drivers" (fpaDrivers)')).toBeTruthy();
    fireEvent.click(within(preview).getByRole('button', { name: 'Create' }));
    await screen.findByText(
      /^Budget workbook written: Plan, Actuals, Forecast, Variance, Dashboard, Drivers/,
      {},
      { timeout: 10000 },
    );
    expect(workbook.store.tables.get('fpaDashboard')!.address).toMatch(/^A23:[A-Z]+35$/); // 12 cost centres
  }, 30000);

  it('fills the form with the sample company, editable: an edit asks for a new preview, Create writes the edit with the sample’s amounts', async () => {
    const workbook = renderBudget();
    fireEvent.click(await screen.findByRole('button', { name: 'Load sample company' }, { timeout: 10000 }));
    await screen.findByTestId('template-preview', {}, { timeout: 10000 });
    // The form holds the sample (it stayed empty while the preview listed the sample's sheets).
    const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
    expect(screen.getByTestId('hierarchy-read').textContent).toBe(
      'Hierarchy: 12 cost centres under entity → department',
    );
    expect(value('Accounts')).toBe('Salaries\nTravel\nSoftware\nContractors');
    // Every one of them in view (the box showed two and the top half of "Software").
    expect((screen.getByLabelText('Accounts') as HTMLTextAreaElement).rows).toBe(4);
    expect(value('Months')).toBe('2023-01 to 2025-12');
    expect(value('First forecast month')).toBe('2025-07');
    expect(screen.getByTestId('sample-loaded').textContent).toMatch(/^The sample company: its plan and actuals/);
    // A year more: the preview no longer says what Create writes until it is made again.
    fillForm({ Months: '2023-01 to 2026-12' });
    const preview = screen.getByTestId('template-preview');
    expect(within(preview).getByTestId('template-stale')).toBeTruthy();
    expect((within(preview).getByRole('button', { name: 'Create' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    const again = await waitFor(() => {
      expect(screen.queryByTestId('template-stale')).toBeNull();
      return screen.getByTestId('template-preview');
    });
    expect(within(again).getByRole('heading', { level: 3 }).textContent).toBe('What the sample company will change');
    expect(within(again).getByText('Add sheet "Drivers" (fpaDrivers)')).toBeTruthy();
    fireEvent.click(within(again).getByRole('button', { name: 'Create' }));
    await screen.findByText(
      /^Budget workbook written: Plan, Actuals, Forecast, Variance, Dashboard, Drivers/,
      {},
      { timeout: 10000 },
    );
    const spec = JSON.parse(workbook.templateSpec!) as { months: string[] };
    expect([spec.months.length, spec.months[47]]).toEqual([48, '2026-12']);
    // The sample's plan in its 36 months, 2026 blank: the first line's January 2023 and January 2026.
    const plan = await workbook.readRange('fpaPlan');
    const header = plan.values[0].map(String);
    const first = plan.values[1];
    expect(first[header.indexOf('2023-01')]).toBe(
      sampleCompany().data.plan.get(String(first[header.indexOf('id')]))![0],
    );
    expect(first[header.indexOf('2026-01')] ?? '').toBe('');
  }, 30000);

  it('typing cost centres instead of the sample’s hierarchy starts from its 12 names', async () => {
    renderBudget();
    fireEvent.click(await screen.findByRole('button', { name: 'Load sample company' }, { timeout: 10000 }));
    await screen.findByTestId('template-preview', {}, { timeout: 10000 });
    fireEvent.click(screen.getByRole('button', { name: 'Type cost centres instead' }));
    const names = (screen.getByLabelText('Cost centres') as HTMLTextAreaElement).value.split('\n');
    expect([names.length, names[0], names[11]]).toEqual([12, 'S-EMEA', 'GA-HR']);
    fireEvent.click(screen.getByRole('button', { name: 'Empty the form' }));
    expect((screen.getByLabelText('Cost centres') as HTMLTextAreaElement).value).toBe('');
    expect(screen.queryByTestId('sample-loaded')).toBeNull();
  }, 30000);

  it('keeps the ids the form names whole: in the changes listed and in a message about the form', async () => {
    renderBudget();
    await createTemplate({ 'Cost centres': 'MKT-EVENTS\nOPS-FACILITIES' });
    // A removed line is typed no more, but the workbook holds it: it is drawn whole (it broke as "OPS-" at 320 px).
    fillForm({ 'Cost centres': 'MKT-EVENTS' });
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    const removed = await screen.findByText(changeItem(/^Plan: remove 1 line/));
    expect([...removed.querySelectorAll('[data-line-id]')].map((e) => e.textContent)).toEqual([
      'OPS-FACILITIES/Travel',
    ]);
    // A cost centre typed twice: the message names it, whole.
    fillForm({ 'Cost centres': 'OPS-IT\nOPS-IT' });
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    const problem = await screen.findByRole('alert');
    expect(problem.textContent).toContain('OPS-IT');
    expect([...problem.querySelectorAll('[data-line-id]')].map((e) => e.textContent)).toContain('OPS-IT');
  }, 30000);

  it('a CSV line that is not in the template is named whole, though the pane has seen it nowhere', async () => {
    renderBudget();
    await createTemplate();
    const file = new File(['cost centre,account,period,amount\nOPS-FACILITIES,Travel,2025-03,250\n'], 'a.csv', {
      type: 'text/csv',
    });
    fireEvent.change(screen.getByLabelText('Load actuals from a CSV file'), { target: { files: [file] } });
    const problem = await screen.findByRole('alert');
    expect(problem.textContent).toMatch(/^actuals row 2: the line "OPS-FACILITIES\/Travel" is not in the template\./);
    expect([...problem.querySelectorAll('[data-line-id]')].map((e) => e.textContent)).toEqual([
      'OPS-FACILITIES/Travel',
    ]);
  }, 30000);
});
