/**
 * The review loop in real Chromium at 320 px, outside Office with the workbook double pre-filled with
 * the sample plan/actual sheet: scan, review two flags, find Pareto candidates (glpk.js in the
 * browser) after defining a KPI in the pane (the proposal aims at it; the flags fund MKT-ADS from IT-LIC),
 * create a proposal, submit, approve, apply, and check the double's budget cells changed.
 * Screenshots of both views in light and dark.
 */
import type { Page } from 'playwright-core';
import { sampleKpiRows, sampleSheet } from '../../taskpane/review/sample-sheet';
import { addinPageForFile, openAddinPage, openView, screenshotPath, selectValues, openPaneAt } from './harness';
import { defineKpi, readDouble, scanSelection, setRole as setPageRole, submitApproveApply } from './review-steps';

let page: Page;
const ADDRESS = 'Budget!A1:AC7';

async function open(theme: 'light' | 'dark', tab: string): Promise<void> {
  await openPaneAt(page, addin.url, tab, { theme });
  await select(ADDRESS, sampleSheet());
}

const select = (address: string, values: unknown[][]) => selectValues(page, address, values);
const scan = () => scanSelection(page);
const setRole = (role: string, centres = '') => setPageRole(page, role, centres);

const addin = addinPageForFile(
  () => openAddinPage({ height: 900, ignoreConsole: /functions\.json|favicon/ }),
  (opened) => (page = opened.page),
);

it('scans the sample sheet and reviews two flags', async () => {
  await open('light', 'anomalies');
  await scan();
  const flags = page.getByTestId('flag');
  expect(await flags.count()).toBeGreaterThanOrEqual(2);
  const first = flags.nth(0);
  const firstName = (await first.getAttribute('aria-label'))!.replace(/^Flag /, '');
  await first.getByRole('button', { name: 'Accept' }).click();
  await first.getByText(/^Accepted by me at /).waitFor();
  const second = flags.nth(1);
  const secondName = (await second.getAttribute('aria-label'))!.replace(/^Flag /, '');
  await second.getByLabel(`Comment on ${secondName}`).fill('Campaign moved forward; agreed with finance.');
  await second.getByRole('button', { name: 'Explain' }).click();
  await second.getByText(/^Explained by me at .*: Campaign moved forward; agreed with finance\.$/).waitFor();
  expect(firstName).not.toBe(secondName);
  await page.screenshot({ path: screenshotPath('review-anomalies-light'), fullPage: true });
  await second.screenshot({ path: screenshotPath('review-flag-light') });
}, 60_000);

it('defines a KPI, creates a proposal aimed at it, submits, approves and applies it to the workbook double', async () => {
  await openView(page, 'Proposals');
  // The flags' pool: IT-LIC's opportunity is released, MKT-ADS's shift asks for budget.
  await page
    .getByTestId('flag-pool')
    .getByText(/released by 1 line, .* asked for by 1 line\./)
    .waitFor();
  await defineKpi(page, {
    name: 'Leads',
    rows: sampleKpiRows(),
    lines: ['MKT-EVENTS', 'IT-CLOUD'],
    periodsRead: '12 periods read (11 actuals).',
  });
  await select(ADDRESS, sampleSheet());
  // The table is rebuilt with the KPI's returns: open the line's panel to read them.
  await page.getByRole('button', { name: 'Edit MKT-EVENTS' }).click();
  const rate = page.getByRole('textbox', { name: 'Return/unit of MKT-EVENTS' });
  expect(Number(await rate.inputValue())).toBeGreaterThan(0);
  await page.getByTestId('allocation-panel').getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Find candidates' }).click();
  const candidates = page.getByTestId('candidates');
  await candidates.waitFor({ timeout: 30_000 });
  const count = await candidates.getByRole('button', { name: /^Candidate \d$/ }).count();
  expect(count).toBeGreaterThanOrEqual(2);
  // Return and risk in points of KPI attainment, the highest return chosen first; the chart's axes say so.
  expect(await candidates.getByTestId('trade-off').textContent()).toMatch(
    /^Highest return: \+\d+\.\d+ pts of KPI attainment, risk \d+\.\d+ pts, moving [\d,]+\.$/,
  );
  expect(await candidates.getByTestId('pareto-chart').locator('[data-axis="y"]').textContent()).toMatch(/pts/);
  // Its ticks share one precision from their step: "40 pts" on a step of 10 (each alone read "40.0 pts").
  for (const axis of ['x', 'y']) {
    const ticks = await candidates
      .getByTestId('pareto-chart')
      .locator(`[data-axis="${axis}"] g text`)
      .allTextContents();
    const values = ticks.map((t) => Number(t.replace(/\s*pts$/, '').replace('−', '-')));
    const decimals = ticks.map((t) => (/\.(\d+)/.exec(t)?.[1] ?? '').length);
    const stepDecimals =
      (values[1] - values[0])
        .toFixed(6)
        .replace(/\.?0+$/, '')
        .split('.')[1]?.length ?? 0;
    expect({ axis, decimals }).toEqual({ axis, decimals: ticks.map(() => stepDecimals) });
  }
  await page.screenshot({ path: screenshotPath('review-candidates-light'), fullPage: true });
  await page.getByRole('button', { name: `Create proposal from candidate ${count}` }).click();
  const card = page.getByTestId('proposal').first();
  await submitApproveApply(page, card);
  await card.getByText(/^Audit: apply changed [1-6] of 6 lines by me at /).waitFor();
  const state = await readDouble(page);
  const double = { writes: state.writes, budgets: state.selection!.values.slice(1).map((r) => r[4]) };
  expect(double.writes).toHaveLength(1);
  expect(double.writes[0].address).toBe('Budget!E2:E7');
  const before = [120000, 72000, 96000, 144000, 48000, 36000];
  expect(double.budgets).toEqual(double.writes[0].values.map((r) => r[0]));
  expect(double.budgets).not.toEqual(before);
  const sum = (xs: unknown[]) => xs.reduce<number>((s, v) => s + Number(v), 0);
  expect(Math.abs(sum(double.budgets) - sum(before))).toBeLessThan(0.05);
  await page.screenshot({ path: screenshotPath('review-proposals-light'), fullPage: true });
}, 90_000);

it('refuses to apply a second proposal made from budgets the first one changed', async () => {
  await setRole('analyst');
  await page.getByRole('button', { name: 'Candidate 2', exact: true }).click();
  await page.getByRole('button', { name: 'Create proposal from candidate 2' }).click();
  const draft = page.locator('[data-testid="proposal"][data-state="draft"]');
  await draft.getByRole('button', { name: 'Submit' }).click();
  const submitted = page.locator('[data-testid="proposal"][data-state="submitted"]');
  const affected = /Affects (.*)\.$/.exec((await submitted.locator('text=/Affects /').textContent()) ?? '')?.[1] ?? '';
  await setRole('owner', affected);
  await submitted.getByRole('button', { name: 'Approve' }).click();
  const approved = page.locator('[data-testid="proposal"][data-state="approved"]');
  await setRole('admin');
  await approved.getByRole('button', { name: 'Apply' }).click();
  const alert = approved.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(
    /^The budget range Budget!E2:E7 changed since the proposal was made: .* was [\d,]+, now [\d,]+/,
  );
  expect((await readDouble(page)).writes).toHaveLength(1);
  await approved.screenshot({ path: screenshotPath('review-stale-light') });
}, 90_000);

it('saves dark screenshots of both views without page errors', async () => {
  await open('dark', 'anomalies');
  await scan();
  await page.screenshot({ path: screenshotPath('review-anomalies-dark'), fullPage: true });
  await page
    .getByTestId('flag')
    .nth(1)
    .screenshot({ path: screenshotPath('review-flag-dark') });
  await openView(page, 'Proposals');
  await page.getByRole('button', { name: 'Find candidates' }).click();
  await page.getByTestId('candidates').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('review-proposals-dark'), fullPage: true });
  await page.getByTestId('candidates').screenshot({ path: screenshotPath('review-candidates-dark') });
  expect(await page.locator('main[data-theme="dark"]').count()).toBe(1);
  expect(addin.problems).toEqual([]);
}, 90_000);
