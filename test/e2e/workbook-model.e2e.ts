/**
 * "Use this workbook's model" in real Chromium, on the workbook double holding a 3-sheet model
 * (Inputs: the drivers' cells; Model and 'Cost sheet': formulas; Output: formulas reading the model):
 * the pane translates the formulas, shows the point check, runs 20,000 trials of the translation,
 * and the written statistics equal those of the workbook's formulas evaluated directly (by plain
 * arithmetic, here in Node) on the same driver samples.
 */
import type { Page } from 'playwright-core';
import { runScenarioDetailed } from '../../src/scenario/run';
import type { DriverSpec } from '../../src/scenario/spec';
import { quantile } from '../../src/stats/quantile';
import { sampleValues, sampleWrites } from '../scenario/workbook-model/sample-workbook';
import { addDriver, addinPageForFile, openView, openPanePage, writeSummary } from './harness';

let page: Page;

const X = { price: 130, volume: 50000, unitCost: 55, inflation: 0.03 };
const TRIALS = 20_000;
const DRIVERS: DriverSpec[] = [
  { name: 'price', distribution: 'normal', params: { mean: 130, sd: 10 } },
  { name: 'volume', distribution: 'uniform', params: { min: 40000, max: 60000 } },
  { name: 'unit_cost', distribution: 'triangular', params: { min: 45, mode: 55, max: 70 } },
  { name: 'inflation', distribution: 'uniform', params: { min: 0.01, max: 0.05 } },
];
const CELLS: Record<string, string> = {
  price: 'Inputs!B1',
  volume: 'Inputs!B2',
  unit_cost: 'Inputs!B3',
  inflation: 'Inputs!B5',
};

const addin = addinPageForFile(
  () => openPanePage('drivers'),
  async (opened) => {
    page = opened.page;
    await page.evaluate(
      (writes) =>
        (
          window as unknown as { __openfpaWorkbook: { applyWrites(w: unknown): Promise<void> } }
        ).__openfpaWorkbook.applyWrites(writes),
      sampleWrites(X),
    );
  },
);

it('translates the workbook formulas, checks them at the drivers’ cells and uses them as the model', async () => {
  for (const d of DRIVERS) await addDriver(page, d);
  await page.getByLabel('Output cells').fill('net = Output!B1, npv_k = Output!B2, Output!B3');
  for (const [name, cell] of Object.entries(CELLS)) await page.getByLabel(`Cell of ${name}`).fill(cell);
  await page.getByRole('button', { name: 'Translate the formulas' }).click();
  await page.getByText(/the 13 translated cells give what the workbook shows/).waitFor();
  const matches = await page.getByTestId('translated-line').evaluateAll((els) => els.map((e) => e.dataset.matches));
  expect(matches).toEqual(Array(13).fill('true'));
  await expect(page.getByText('price ← Inputs!B1 (130)').count()).resolves.toBe(1);
  await page.getByRole('button', { name: 'Use this model' }).click();
  await page.getByText(/^Outputs: Model_B1, .*, net, .*, npv_k, .*, Output_B3$/).waitFor();
}, 120_000);

it('runs the translated model; its statistics are those of the formulas evaluated directly', async () => {
  await openView(page, 'Scenarios');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Iterations').fill(String(TRIALS));
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByTestId('results').waitFor({ timeout: 60_000 });
  const summary = await writeSummary(page);
  const header = summary[0] as string[];
  const row = (name: string) => summary.find((r) => r[0] === name) as number[];

  // The same driver samples in Node (same seed, block size and sampling as the pane's run), then the
  // workbook's formulas by plain arithmetic, trial by trial.
  const run = runScenarioDetailed({
    drivers: DRIVERS,
    model: 'p = price\nv = volume\nu = unit_cost\ni = inflation',
    iterations: TRIALS,
    seed: 1,
    sampling: 'lhs',
    blockSize: Math.min(20_000, Math.max(2_000, Math.ceil(TRIALS / 20))),
  });
  const [p, v, u, i] = run.simulation.outputColumns;
  const direct = {
    net: new Float64Array(TRIALS),
    npv_k: new Float64Array(TRIALS),
    Output_B3: new Float64Array(TRIALS),
  };
  for (let t = 0; t < TRIALS; t++) {
    const w = sampleValues({ price: p[t], volume: v[t], unitCost: u[t], inflation: i[t] });
    direct.net[t] = w.net;
    direct.npv_k[t] = w.npv / 1000;
    direct.Output_B3[t] = w.payment;
  }
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  for (const [name, values] of Object.entries(direct)) {
    const mean = values.reduce((s, x) => s + x, 0) / TRIALS;
    expect([name, close(row(name)[header.indexOf('Mean')], mean)]).toEqual([name, true]);
    for (const k of [5, 50, 95])
      expect([name, k, close(row(name)[header.indexOf(`P${k}`)], quantile(values, k / 100))]).toEqual([name, k, true]);
    expect(row(name)[header.indexOf('Min')]).toBeCloseTo(Math.min(...values), 6);
  }
  expect(addin.problems).toEqual([]);
}, 120_000);
