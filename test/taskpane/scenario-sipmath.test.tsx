/**
 * SIPmath in the scenario wizard: a library file imported as SIP drivers (2.0 CSV read by trial
 * index, 3.0 JSON regenerated), a bad file named with its reason, and the run exported as SIPmath
 * 3.0 JSON and 2.0 CSV, read back to the same trials.
 */
import { readFileSync } from 'node:fs';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRepository } from '../../src/store/memory-repository';
import { importSipmath2, importSipmath3 } from '../../src/scenario/sipmath/library';
import type { Library3 } from '../../src/scenario/sipmath/library';
import { sipLibraryFromText } from '../../src/sheets/sip-library';
import { importSips, runSips } from '../../taskpane/components/scenarios/SipLibraryImport';
import { openView } from './open-view';
import { renderPane } from './render-pane';

const LIBRARY_TEXT = readFileSync(`${__dirname}/../fixtures/sipmath/plan-drivers-3.0.json`, 'utf8');
const UNITS = [120, 80, 100, 95, 140, 60, 110, 105, 90, 100];
const CSV = ['units,fx', ...UNITS.map((u, t) => `${u},${1 + t / 100}`)].join('\n');

/** What the pane saved as downloads: name and text. */
const saved: { name: string; text: Promise<string> }[] = [];
const blobText = (blob: Blob): Promise<string> =>
  new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
beforeAll(() => {
  let last: Blob | null = null;
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      last = blob;
      return 'blob:openfpa';
    },
    revokeObjectURL: () => undefined,
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, text: blobText(last!) });
  });
});

async function renderWizard(expressions: string) {
  const repository = createMemoryRepository();
  await repository.put('drivers', { id: 'a', name: 'price', distribution: 'normal', params: { mean: 10, sd: 1 } });
  await repository.put('models', { id: 'default', name: 'Model', expressions, driverIds: ['a'] });
  renderPane(repository);
  await openView('Scenarios');
}

async function pick(name: string, text: string) {
  const input = await screen.findByLabelText('Import a SIPmath library', {}, { timeout: 10000 });
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([text], name)] } });
  });
}

describe('importSips and runSips', () => {
  test('a 2.0 CSV keeps its trials; a 3.0 library is regenerated to the run’s iterations', () => {
    const table = importSips('t.csv', CSV);
    expect(table).toMatchObject({ names: ['units', 'fx'], trials: 10 });
    expect(Array.from(runSips(table, 5000)[0].trials)).toEqual(UNITS);
    const library = importSips('plan.json', LIBRARY_TEXT);
    expect(library.trials).toBeUndefined();
    expect(library.names).toEqual(['units', 'price', 'cost_share']);
    expect(runSips(library, 300)[1].trials).toEqual(importSipmath3(JSON.parse(LIBRARY_TEXT) as Library3, 300).price);
  });
  test('a bad name in a table is refused', () => {
    expect(() => importSips('t.csv', 'my units\n1\n2')).toThrow(/"my units" is not a valid name/);
  });
});

describe('Scenario wizard with SIPmath', () => {
  it('imports a 2.0 CSV as drivers, runs by trial index, and exports 3.0 JSON and 2.0 CSV of the run', async () => {
    saved.length = 0;
    await renderWizard('margin = units * fx * price');
    // The model names SIPs the drivers do not have: a warning until the library is imported.
    expect(await screen.findByText(/"units" is not a driver/, {}, { timeout: 10000 })).toBeTruthy();
    await pick('flows.csv', CSV);
    expect(
      within(await screen.findByTestId('sip-library', {}, { timeout: 10000 })).getByText(
        /flows\.csv: units, fx — SIPmath 2\.0, 10 trials/,
      ),
    ).toBeTruthy();
    expect(((await screen.findByRole('checkbox', { name: 'margin' })) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.change(screen.getByLabelText(/^Iterations/), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Keep the trials/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    });
    const results = await screen.findByTestId('results', {}, { timeout: 10000 });
    // The charts follow the statistics one frame each: wait for the last, so none lands outside act later.
    await waitFor(() => expect(results.getAttribute('data-drawn')).toBe('true'), { timeout: 10000 });

    fireEvent.click(screen.getByRole('button', { name: 'Export SIPmath 2.0 (CSV)' }));
    expect(
      await screen.findByText(/^Saved Base-case\.sipmath2\.csv \(SIPmath 2\.0, 4 columns of 10 trials\)\./),
    ).toBeTruthy();
    const table = importSipmath2(sipLibraryFromText(await saved[0].text) as never);
    expect(Object.keys(table)).toEqual(['price', 'units', 'fx', 'margin']);
    expect([...table.units]).toEqual(UNITS);
    // Trial by trial: the model saw exactly these inputs (the 2.0 round trip is bit-exact).
    table.margin.forEach((m, t) => expect(m).toBe(table.units[t] * table.fx[t] * table.price[t]));

    fireEvent.click(screen.getByRole('button', { name: 'Export SIPmath 3.0' }));
    expect(await screen.findByText(/^Saved Base-case\.sipmath3\.json \(SIPmath 3\.0, 4 SIPs\)\./)).toBeTruthy();
    const library = JSON.parse(await saved[1].text) as Library3;
    expect(library.libraryType).toBe('SIPmath_3_0');
    expect(library.provenance).toBe('OpenFPA scenario "Base case" (seed 1, 10 trials)');
    expect(library.sips.map((s) => s.name)).toEqual(['price', 'units', 'fx', 'margin']);
    expect(Object.keys(importSipmath3(library, 50))).toEqual(['price', 'units', 'fx', 'margin']);
  }, 30000);

  it('imports a 3.0 library; a file that is no library is named with its reason', async () => {
    await renderWizard('revenue = units * price');
    await pick('notes.json', '{"name": "x"}');
    expect((await screen.findByRole('alert', {}, { timeout: 10000 })).textContent).toMatch(
      /^notes\.json: sips: the JSON is not a SIPmath 3\.0 library/,
    );
    await pick('plan.json', LIBRARY_TEXT);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull(), { timeout: 10000 });
    expect(screen.getByTestId('sip-library').textContent).toMatch(/SIPmath 3\.0, trials regenerated for each run/);
    // The library's own "price" SIP clashes with the driver of that name: the run says so.
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    });
    expect((await screen.findByRole('alert', {}, { timeout: 10000 })).textContent).toMatch(
      /the name "price" is already a driver or a SIP/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove the library' }));
    expect(await screen.findByText(/"units" is not a driver/)).toBeTruthy();
  }, 30000);
});
