/**
 * The KPI editor signed in to a team server: a saved KPI is also shared through the connector (the
 * typed client's createKpi), and a KPI without an owner cost centre is refused next to that field;
 * a removed one is deleted through deleteKpi, and a refusal keeps it with the server's message.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ApiClient } from '../../src/connector';
import type { KpiDefinition } from '../../src/model/kpi';
import type { KpiRecord } from '../../src/store/schema';
import { createMemoryRepository } from '../../src/store/memory-repository';
import { KpiEditor } from '../../taskpane/components/kpis/KpiEditor';
import type { SignedIn } from '../../taskpane/connector/use-signed-in';
import { sampleKpiRows } from '../../taskpane/review/sample-sheet';
import type { Workbook } from '../../taskpane/workbook/types';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';

/** Signed in as `user` of MKT, with a typed client that has only the operations `api` gives. */
const signedInWith = (api: Partial<ApiClient>, user = 'ana'): SignedIn => ({
  server: 'https://fpa.example.com',
  user: { id: user, roles: ['analyst'], costCentres: ['MKT'] },
  api: api as ApiClient,
});

/** A stored KPI Leads of MKT, linked to MKT-ADS, changed by `patch`. */
const leadsKpi = (patch: Partial<KpiRecord>): KpiRecord => ({
  id: 'Leads',
  name: 'Leads',
  ownerCostCentre: 'MKT',
  unit: 'leads',
  direction: 'higher',
  priority: 1,
  target: [100],
  actual: [90],
  links: [{ line: 'MKT-ADS', kpi: 'Leads' }],
  ...patch,
});

/** The editor over `repository`, its onChange a mock. */
function renderEditor(props: Omit<Parameters<typeof KpiEditor>[0], 'onChange' | 'workbook'> & { workbook?: Workbook }) {
  const onChange = jest.fn(async () => undefined);
  render(
    <FluentProvider theme={webLightTheme}>
      <KpiEditor workbook={createWorkbookDouble()} {...props} onChange={onChange} />
    </FluentProvider>,
  );
  return onChange;
}

it('signed in, Save KPI shares the KPI; without an owner cost centre it says so next to the field', async () => {
  const sent: KpiDefinition[] = [];
  const signedIn = signedInWith({
    createKpi: async (kpi: KpiDefinition) => {
      sent.push(kpi);
      return { sent: true, body: { ...kpi, id: 'k-1', version: 1 } } as never;
    },
  });
  const repository = createMemoryRepository();
  const workbook = createWorkbookDouble({ selection: { address: 'KPI!A1:M2', values: sampleKpiRows() } });
  renderEditor({ repository, workbook, lineIds: ['MKT-ADS'], kpis: [], signedIn });
  fireEvent.change(screen.getByLabelText('KPI name'), { target: { value: 'Leads' } });
  fireEvent.click(screen.getByRole('button', { name: 'Read target and actual from selection' }));
  await screen.findByText('12 periods read (11 actuals).', {}, { timeout: 10000 });
  fireEvent.click(screen.getByLabelText('MKT-ADS'));
  fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
  await screen.findByText(/Signed in, a KPI belongs to a cost centre/, {}, { timeout: 10000 });
  expect(sent).toEqual([]);

  fireEvent.change(screen.getByLabelText('Owner cost centre'), { target: { value: 'MKT' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
  await waitFor(() => expect(sent).toHaveLength(1), { timeout: 10000 });
  expect(sent[0]).toMatchObject({ ownerCostCentre: 'MKT', name: 'Leads', links: [{ line: 'MKT-ADS' }] });
  expect(await repository.list('kpis')).toEqual([
    expect.objectContaining({ id: 'Leads', shared: { id: 'k-1', version: 1 } }),
  ]);
}, 30000);

it('Edit puts a stored KPI back in the form with what was entered on its links; saving keeps the rest', async () => {
  const repository = createMemoryRepository();
  const stored = leadsKpi({
    priority: 2,
    target: [100, 100, 100],
    actual: [90, 95, null],
    links: [
      { line: 'MKT-ADS', kpi: 'Leads', lag: 1, response: { perUnit: 0.5, sd: 0.1, saturation: 8000 } },
      { line: 'MKT-EVENTS', kpi: 'Leads' },
    ],
  });
  await repository.put('kpis', stored);
  const onChange = renderEditor({ repository, lineIds: ['MKT-ADS', 'MKT-EVENTS'], kpis: [stored] });
  // The list's line ids are drawn whole (LineIdText), so the sentence is the list item's text, not one node's.
  expect(screen.getByRole('list', { name: 'KPIs' }).textContent).toMatch(
    /← MKT-ADS \(response entered, lag 1\), MKT-EVENTS/,
  );
  expect(
    [...screen.getByRole('list', { name: 'KPIs' }).querySelectorAll('[data-line-id]')].map((e) => e.textContent),
  ).toEqual(['MKT-ADS', 'MKT-EVENTS']);
  fireEvent.click(screen.getByRole('button', { name: 'Edit KPI Leads' }));
  const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
  expect(value('KPI name')).toBe('Leads');
  expect([value('Response of MKT-ADS'), value('Uncertainty of MKT-ADS'), value('Lag of MKT-ADS')]).toEqual([
    '0.5',
    '0.1',
    '1',
  ]);
  expect([value('Response of MKT-EVENTS'), value('Lag of MKT-EVENTS')]).toEqual(['', '']);
  // A fractional lag is refused next to the links; then the estimate's line gets a lag of its own.
  fireEvent.change(screen.getByLabelText('Lag of MKT-EVENTS'), { target: { value: '0.5' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
  await screen.findByText(/^Lag of MKT-EVENTS: a whole number of periods from 0 to 2/, {}, { timeout: 10000 });
  fireEvent.change(screen.getByLabelText('Lag of MKT-EVENTS'), { target: { value: '2' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
  await waitFor(() => expect(onChange).toHaveBeenCalled(), { timeout: 10000 });
  expect(await repository.list('kpis')).toEqual([
    { ...stored, links: [stored.links[0], { line: 'MKT-EVENTS', kpi: 'Leads', lag: 2 }] },
  ]);
}, 30000);

it('signed in, Remove deletes the shared KPI through the connector; a refusal keeps it and says why', async () => {
  const deleted: { id: string; version: number; name: string }[] = [];
  let refuse = true;
  const signedIn = signedInWith({
    deleteKpi: async (seen: { id: string; version: number; name: string }) => {
      if (refuse) throw new Error('You have no access to cost centre MKT.');
      deleted.push(seen);
      return { sent: true, body: {} } as never;
    },
  });
  const repository = createMemoryRepository();
  const stored = leadsKpi({ shared: { id: 'k-1', version: 3 } });
  await repository.put('kpis', stored);
  renderEditor({ repository, lineIds: ['MKT-ADS'], kpis: [stored], signedIn });
  fireEvent.click(screen.getByRole('button', { name: 'Remove KPI Leads' }));
  await screen.findByText('Leads is kept: You have no access to cost centre MKT.', {}, { timeout: 10000 });
  expect(await repository.list('kpis')).toEqual([stored]);

  refuse = false;
  fireEvent.click(screen.getByRole('button', { name: 'Remove KPI Leads' }));
  await waitFor(() => expect(deleted).toEqual([{ id: 'k-1', version: 3, name: 'Leads' }]), { timeout: 10000 });
  expect(await repository.list('kpis')).toEqual([]);
  await waitFor(() => expect(screen.queryByText(/Leads is kept/)).toBeNull(), { timeout: 10000 });
}, 30000);

it('says how to select target and actual under the button that reads them, not under Save KPI', async () => {
  const workbook = createWorkbookDouble({ selection: { address: 'KPI!A1:M2', values: sampleKpiRows() } });
  renderEditor({ repository: createMemoryRepository(), workbook, lineIds: ['MKT-ADS'], kpis: [] });
  const read = screen.getByRole('button', { name: 'Read target and actual from selection' });
  const save = screen.getByRole('button', { name: 'Save KPI' });
  const describedBy = (e: HTMLElement) =>
    (e.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  expect(describedBy(read)).toMatch(/^Select two rows: target, then actual/);
  expect(describedBy(save)).toBe('');
  // The hint follows the read button, and Save KPI comes after the hint.
  const hint = screen.getByText(/^Select two rows/);
  expect(read.compareDocumentPosition(hint) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(hint.compareDocumentPosition(save) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  fireEvent.click(read);
  await waitFor(() => expect(describedBy(read)).toBe('12 periods read (11 actuals).'));
});
