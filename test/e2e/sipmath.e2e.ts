/**
 * SIPmath in the Scenarios wizard, in Chromium on the built add-in: a 2.0 CSV imported as SIP
 * drivers beside a sampled driver, a run with kept trials, and both exports downloaded and read back
 * in Node: the 2.0 CSV holds the imported trials bit for bit, and every trial of the output is the
 * model evaluated on that trial's inputs; the 3.0 library regenerates its SIPs.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { importSipmath2, importSipmath3 } from '../../src/scenario/sipmath/library';
import type { Library3 } from '../../src/scenario/sipmath/library';
import { sipLibraryFromText } from '../../src/sheets/sip-library';
import { addDriver, addinPageForFile, openView, openPanePage } from './harness';

let page: Page;
addinPageForFile(
  () => openPanePage('drivers'),
  (opened) => (page = opened.page),
);
const UNITS = Array.from({ length: 200 }, (_, t) => 100 + Math.round(40 * Math.sin(t)));
const FX = Array.from({ length: 200 }, (_, t) => 1 + (t % 7) / 100);
const CSV = ['units,fx', ...UNITS.map((u, t) => `${u},${FX[t]}`)].join('\n');

async function download(button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
}

it('imports a 2.0 CSV as drivers, runs, and exports SIPmath 2.0 and 3.0 that read back', async () => {
  await addDriver(page, { name: 'price', distribution: 'normal', params: { mean: 10, sd: 1 } });
  await page.getByLabel('Model expressions').fill('margin = units * fx * price');
  await page.getByRole('button', { name: 'Save model' }).click();
  await openView(page, 'Scenarios');
  await page
    .getByLabel('Import a SIPmath library')
    .setInputFiles({ name: 'flows.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByText(/flows\.csv: units, fx — SIPmath 2\.0, 200 trials/).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Iterations').fill('200');
  await page.getByRole('checkbox', { name: /Keep the trials/ }).check();
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByTestId('results').waitFor({ timeout: 60_000 });

  const two = await download('Export SIPmath 2.0 (CSV)');
  expect(two.name).toBe('Base-case.sipmath2.csv');
  const table = importSipmath2(sipLibraryFromText(two.text) as never);
  expect(Object.keys(table)).toEqual(['price', 'units', 'fx', 'margin']);
  expect(Array.from(table.units)).toEqual(UNITS);
  expect(Array.from(table.fx)).toEqual(FX);
  table.margin.forEach((m, t) => expect(m).toBe(table.units[t] * table.fx[t] * table.price[t]));

  const three = await download('Export SIPmath 3.0');
  expect(three.name).toBe('Base-case.sipmath3.json');
  const library = JSON.parse(three.text) as Library3;
  expect(library.libraryType).toBe('SIPmath_3_0');
  expect(library.sips.map((s) => s.name)).toEqual(['price', 'units', 'fx', 'margin']);
  const regenerated = importSipmath3(library, 1000);
  // The price SIP is a metalog of the run's normal(10, 1) samples.
  const mean = regenerated.price.reduce((a, b) => a + b, 0) / 1000;
  expect(Math.abs(mean - 10)).toBeLessThan(0.2);
}, 120_000);
