/**
 * A German pane at 320 px (`?locale=de-DE`, as Office's display language sets it): the sentences src/
 * builds and the pane shows as they are (flag explanations, an allocation line's reason) read like the pane's own numbers,
 * "19.162 (29,9 %)", not the engine's en-US "19,162 (29.9%)" beside a German "−19.162".
 */
import type { Page } from 'playwright-core';
import { sampleSheet } from '../../taskpane/review/sample-sheet';
import { addinPageForFile, openAddinPage, openPaneAt, openView, screenshotPath, selectValues } from './harness';
import { scanSelection } from './review-steps';

let page: Page;

const addin = addinPageForFile(
  () => openAddinPage({ height: 900, ignoreConsole: /functions\.json|favicon/ }),
  (opened) => (page = opened.page),
);

/** German digits: a thousands dot, a decimal comma, a space before %, and no en-US number or hyphen-minus. */
function expectGerman(text: string): void {
  expect(text).not.toMatch(/\d,\d{3}(?!\d)|\d\.\d+\s?%|\d\.\d×|(^|[\s(])-\d/);
}

it('writes the flags’ explanations in German, like the variance beside them', async () => {
  await openPaneAt(page, addin.url, 'anomalies', { locale: 'de-DE' });
  await selectValues(page, 'Budget!A1:AC7', sampleSheet());
  await scanSelection(page);
  const explanations = await page.getByTestId('flag-explanation').allTextContents();
  expect(explanations.length).toBeGreaterThanOrEqual(3);
  for (const text of explanations) expectGerman(text);
  const itLic = explanations.find((t) => t.startsWith('Under plan since Apr'));
  expect(itLic).toMatch(/^Under plan since Apr: 19\.162 \(29,9\s%\) under plan over 8 periods, 11× /);
  expect(itLic).toMatch(/ends 21\.562 \(22,5\s%\) under its budget of 96\.000,/);
  await page.screenshot({ path: screenshotPath('locale-anomalies-de'), fullPage: true });
}, 60_000);

it('writes an allocation line’s range and reason in German', async () => {
  await openView(page, 'Proposals');
  // Where its new budget may end, in words and German digits (it read "±20 % ≤ 81.732").
  const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Edit IT-LIC' }) });
  expect((await row.textContent())?.replace(/\s/g, ' ')).toMatch(/96\.000 ?76\.800 to 81\.732/);
  await page.getByRole('button', { name: 'Edit IT-LIC' }).click();
  const reason = (await page.getByTestId('allocation-reason').textContent()) ?? '';
  expect(reason).toMatch(/^opportunity flag \(severity 0,\d\d\): releases 21\.562; /);
  expectGerman(reason);
  await page.screenshot({ path: screenshotPath('locale-proposals-de'), fullPage: true });
}, 60_000);
