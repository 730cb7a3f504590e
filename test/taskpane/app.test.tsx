/**
 * The pane with the workbook test double and an in-memory store: import from the selected range,
 * the wizard's step flow through a real (small) run, and "Write to workbook".
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { openView } from './open-view';
import { renderPane } from './render-pane';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';
import { createMemoryRepository } from '../../src/store/memory-repository';
import type { Repository } from '../../src/store/repository';
import { DISCONNECTED, type ConnectorState } from '../../src/connector';
import { connectorDouble } from './connector-double';
import { VIEWS } from '../../taskpane/components/shell/views';

const catalogue = async () => [{ name: 'FPA.SCENARIO.MC', description: 'Monte Carlo' }];

function renderApp(repository: Repository, workbook = createWorkbookDouble()) {
  renderPane(repository, { loadCatalogue: catalogue, workbook });
  return workbook;
}

describe('Drivers view', () => {
  it('imports drivers from the selected range, reporting rows it cannot read', async () => {
    const workbook = createWorkbookDouble({
      selection: {
        address: 'Sheet1!A1:F5',
        values: [
          ['name', 'distribution', 'param1', 'param2', 'param3', 'param4'],
          ['price', 'normal', 130, 10, null, null],
          ['volume', 'PERT', 800, 1000, 1400, null],
          ['cost', 'uniform', 'lots', 2, null, null],
          ['churn', 'normal', 0.1, -1, null, null],
        ],
      },
    });
    const repository = createMemoryRepository();
    renderApp(repository, workbook);
    fireEvent.click(await screen.findByRole('button', { name: 'Import from selection' }, { timeout: 10000 }));
    const status = await screen.findByText(/^Imported 2 drivers from Sheet1!A1:F5\./);
    expect(status.textContent).toContain('drivers row 4, column 3 (param1): parameter min holds "lots", not a number');
    expect(status.textContent).toContain('churn: Driver "churn": normal: sd must be > 0; got -1.');
    const list = screen.getByTestId('driver-list');
    expect(within(list).getByText('price')).toBeTruthy();
    expect(within(list).getByText('pert(min 800, mode 1,000, max 1,400)')).toBeTruthy();
    expect((await repository.list('drivers')).map((d) => d.name).sort()).toEqual(['price', 'volume']);
  }, 20000);

  it('exports the driver table to a new sheet in the FPA.SCENARIO.MC layout', async () => {
    const repository = createMemoryRepository();
    await repository.put('drivers', { id: 'a', name: 'price', distribution: 'normal', params: { mean: 130, sd: 10 } });
    const workbook = renderApp(repository);
    fireEvent.click(await screen.findByRole('button', { name: 'Export to sheet' }, { timeout: 10000 }));
    await screen.findByText(/^Wrote 1 drivers to Drivers!A1:F2/);
    expect(workbook.tables[0].rows).toEqual([
      ['name', 'distribution', 'param1', 'param2', 'param3', 'param4'],
      ['price', 'normal', 130, 10, null, null],
    ]);
  }, 20000);
});

/** Two drivers and a model the wizard runs: revenue = price × volume. */
async function wizardModel(): Promise<Repository> {
  const repository = createMemoryRepository();
  await repository.put('drivers', { id: 'a', name: 'price', distribution: 'normal', params: { mean: 100, sd: 10 } });
  await repository.put('drivers', { id: 'b', name: 'volume', distribution: 'uniform', params: { min: 1, max: 3 } });
  await repository.put('models', {
    id: 'default',
    name: 'Model',
    expressions: 'revenue = price * volume',
    driverIds: ['a', 'b'],
  });
  return repository;
}

describe('Scenario wizard', () => {
  it('gives the convergence target’s examples in the pane’s locale (German: 0,5 % or 0,005)', async () => {
    const repository = await wizardModel();
    renderPane(repository, { loadCatalogue: catalogue, numberStyle: { locale: 'de-DE' } });
    await openView('Scenarios');
    await screen.findByRole('checkbox', { name: 'revenue' });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');
    // Was "e.g. 0.5% (or 0.005)" in every locale: "0.005" typed in a German pane is refused.
    expect(plain(screen.getByText(/^Stop early when the mean/).textContent)).toBe(
      'Stop early when the mean is known to ± this fraction, e.g. 0,5 % (or 0,005)',
    );
    const target = screen.getByLabelText(/^Convergence target/);
    fireEvent.change(target, { target: { value: '0,005' } });
    expect(screen.queryByText(/^convergence\.target: must be/)).toBeNull();
    fireEvent.change(target, { target: { value: '2' } });
    expect(plain(screen.getByText(/^convergence\.target: must be/).textContent)).toBe(
      'convergence.target: must be a number between 0 and 1 (e.g. 0,005 or 0,5 % for ±0,5 %).',
    );
  }, 20000);

  it('goes model → trials → run → results, then writes to the workbook', async () => {
    const repository = await wizardModel();
    const workbook = renderApp(repository);
    await openView('Scenarios');
    expect(((await screen.findByRole('checkbox', { name: 'revenue' })) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const iterations = screen.getByLabelText(/^Iterations/);
    fireEvent.change(iterations, { target: { value: '1' } });
    expect(screen.getByText('iterations: must be a whole number from 2 to 10,000,000.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Run' }) as HTMLButtonElement).disabled).toBe(true);
    // Typed as finance writes it: with thousands separators (the hint says "up to 10,000,000").
    fireEvent.change(iterations, { target: { value: '10,000,000' } });
    expect(screen.queryByText(/^iterations: must be/)).toBeNull();
    fireEvent.change(iterations, { target: { value: '4,000' } });
    // The convergence target is a share: "0.5%" is 0.005; 2 (200%) is refused.
    const target = screen.getByLabelText(/^Convergence target/);
    fireEvent.change(target, { target: { value: '0.5%' } });
    expect(screen.queryByText(/^convergence\.target: must be/)).toBeNull();
    fireEvent.change(target, { target: { value: '2' } });
    expect(screen.getByText(/^convergence\.target: must be a number between 0 and 1/)).toBeTruthy();
    fireEvent.change(target, { target: { value: '' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    });
    const results = await screen.findByTestId('results', {}, { timeout: 10000 });
    // The charts follow the statistics one frame each: wait for the last, so none lands outside act later.
    await waitFor(() => expect(results.getAttribute('data-drawn')).toBe('true'), { timeout: 10000 });
    const table = within(results).getByRole('table', { name: 'Statistics per output' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Statistic', 'revenue']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Mean', 'Std dev', 'P5', 'P50', 'P95', 'VaR 95%', 'CVaR 95%', 'Min', 'Max']);
    const row = within(table).getByRole('row', { name: /^Mean/ });
    // E[price × volume] = 100 × 2 for independent drivers.
    const mean = Number(within(row).getAllByRole('cell')[0].textContent!.replace(/,/g, ''));
    expect(mean).toBeGreaterThan(195);
    expect(mean).toBeLessThan(205);
    // Two tornadoes: rank correlation, and the standardised regression coefficient (others held fixed),
    // drawn in later frames than the statistics.
    const spearman = within(await screen.findByTestId('results-tornado', {}, { timeout: 10000 })).getByRole('img');
    const src = within(await screen.findByTestId('results-tornado-src', {}, { timeout: 10000 })).getByRole('img');
    expect(spearman.getAttribute('aria-label')).toMatch(/^What moves revenue: volume 0\.9\d+, price 0\.\d+\.$/);
    expect(src.getAttribute('aria-label')).toMatch(
      /^What moves revenue, other drivers held fixed: volume 0\.9\d+, price 0\.\d+\.$/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Write to workbook' }));
    await screen.findByText(/^Wrote the summary to 'Base case'!A1:L2/);
    expect(workbook.sheets).toContain('Base case');
    expect(workbook.charts.map((c) => c.kind)).toEqual(['column', 'bar']);
    // The written tornado holds both measures, and its bar chart reads both columns.
    const tornado = workbook.tables.find((t) => t.rows[0][0] === 'Driver')!;
    expect(tornado.rows[0]).toEqual(['Driver', 'Rank correlation with revenue', 'Standardised regression coefficient']);
    expect(tornado.rows.slice(1).map((r) => r[0])).toEqual(['price', 'volume']);
    expect(tornado.rows[2][2]).toBeGreaterThan(0.9);
    expect(workbook.charts.find((c) => c.kind === 'bar')!.dataAddress).toBe(tornado.address);
    fireEvent.click(screen.getByRole('button', { name: 'Save run' }));
    await waitFor(async () => expect(await repository.list('runs')).toHaveLength(1));
  }, 20000);

  it('opens the Anomalies and Proposals views from their tabs', async () => {
    renderApp(createMemoryRepository());
    await openView('Anomalies');
    expect(await screen.findByRole('button', { name: 'Scan selection' }, { timeout: 10000 })).toBeTruthy();
    await openView('Proposals');
    expect(
      await screen.findByText(/Scan a plan\/actual table in Anomalies first/, {}, { timeout: 10000 }),
    ).toBeTruthy();
  }, 20000);
});

describe('Shell', () => {
  it('shows who you are as a header chip and edits the identity there', async () => {
    const repository = createMemoryRepository();
    renderApp(repository);
    const chip = await screen.findByTestId('identity-chip', {}, { timeout: 10000 });
    expect(chip.textContent).toMatch(/me · analyst$/);
    fireEvent.click(chip);
    const name = await screen.findByLabelText('I am');
    fireEvent.change(name, { target: { value: 'Mia' } });
    fireEvent.blur(name);
    fireEvent.change(screen.getByLabelText('Role (single-user mode)'), { target: { value: 'owner' } });
    await waitFor(() => expect(screen.getByTestId('identity-chip').textContent).toMatch(/Mia · budget owner$/));
    expect(await repository.get('reviews', 'identity:me')).toMatchObject({ name: 'Mia', role: 'owner' });
  }, 20000);

  it('when signed in to a team server, the chip shows the verified identity and offers no role to pick', async () => {
    const state: Partial<ConnectorState> = {
      status: 'online',
      baseUrl: 'https://fpa.example.com',
      user: { id: 'ana', roles: ['approver', 'controller'], costCentres: ['MKT-DIGITAL', 'IT'] },
    };
    // Every view following the connection subscribes (the shell, Drivers): each hears each state.
    const { getConnector, publish } = connectorDouble();
    renderPane(createMemoryRepository(), { loadCatalogue: catalogue, getConnector });
    const chip = await screen.findByTestId('identity-chip', {}, { timeout: 10000 });
    await waitFor(() => expect(chip.getAttribute('data-mode')).toBe('single-user'));
    act(() => publish(state));
    await waitFor(() => expect(chip.textContent).toMatch(/ana · approver, finance controller$/));
    expect(chip.getAttribute('data-mode')).toBe('signed-in');
    fireEvent.click(chip);
    const signedIn = await screen.findByTestId('signed-in');
    expect(signedIn.textContent).toContain(
      'Signed in to https://fpa.example.com as ana: approver, finance controller; MKT-DIGITAL, IT.',
    );
    // The server's cost centres, seen nowhere else in the pane yet, are drawn whole (never "MKT-" over "DIGITAL").
    expect([...signedIn.querySelectorAll('[data-line-id]')].map((e) => e.textContent)).toEqual(['MKT-DIGITAL', 'IT']);
    expect(screen.queryByLabelText('Role (single-user mode)')).toBeNull();
    expect(screen.queryByLabelText('I am')).toBeNull();
    // Disconnecting returns the pane to single-user mode and its own identity.
    act(() => publish(DISCONNECTED));
    await waitFor(() => expect(chip.textContent).toMatch(/me · analyst$/));
  }, 20000);

  it('lists the registered functions under Help, not Settings', async () => {
    renderApp(createMemoryRepository());
    await openView('Settings');
    await screen.findByRole('button', { name: 'Save settings' }, { timeout: 10000 });
    expect(screen.queryByTestId('function-list')).toBeNull();
    await openView('Help');
    const list = await screen.findByTestId('function-list');
    expect(within(list).getByText('FPA.SCENARIO.MC')).toBeTruthy();
    expect(within(list).getByText('Monte Carlo')).toBeTruthy();
  }, 20000);

  it('has a Help entry for every other view, in the tab order, each saying what it is for', async () => {
    renderApp(createMemoryRepository());
    await openView('Help');
    await screen.findByTestId('function-list', {}, { timeout: 10000 });
    const titles = [...document.querySelectorAll('details > summary')].map((s) => s.textContent);
    const others = VIEWS.map((v) => v.label).filter((label) => label !== 'Help');
    expect(titles.slice(0, others.length)).toEqual(others);
    for (const title of ['Budget', 'Cash', 'Versions', 'Settings']) {
      const entry = [...document.querySelectorAll('details')].find(
        (d) => d.querySelector('summary')!.textContent === title,
      )!;
      expect(entry.textContent!.length).toBeGreaterThan(title.length + 80);
    }
    expect(screen.getByText(/^Plan where idle cash goes/).textContent).toContain('rate per period');
  }, 20000);

  it('says outside Office which workbook it uses, in a chip rather than a banner', async () => {
    renderApp(createMemoryRepository());
    const chip = await screen.findByTestId('environment', {}, { timeout: 10000 });
    expect(chip.textContent).toBe('test workbook');
    // Explained on hover, not by a banner that pushes the content down.
    expect(chip.getAttribute('title')).toMatch(/^Not running inside Office/);
    expect(document.querySelector('.fui-MessageBar')).toBeNull();
  });
});
