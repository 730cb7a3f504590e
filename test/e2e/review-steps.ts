/**
 * Steps of the review loop in the browser, shared by the review and loop e2e tests: the workbook
 * double's selection and writes, a scan of the selection, the single-user role, a KPI defined in the
 * Proposals view, and a proposal taken from draft to applied.
 */
import type { Locator, Page } from 'playwright-core';
import { openIdentity, selectValues } from './harness';

/** What the test reads of the workbook double (taskpane/workbook/workbook-double.ts). */
export type Double = {
  selection: { address: string; values: unknown[][] } | null;
  writes: { address: string; values: unknown[][] }[];
};

/** The double's selection and writes as they are now. */
export function readDouble(page: Page): Promise<Double> {
  return page.evaluate(() => {
    const w = (window as unknown as { __openfpaWorkbook: Double }).__openfpaWorkbook;
    return JSON.parse(JSON.stringify({ selection: w.selection, writes: w.writes })) as Double;
  });
}

/** Scans the selection from the Anomalies view (open) and waits for its summary. */
export async function scanSelection(page: Page, periods = 12): Promise<void> {
  await page.getByRole('button', { name: 'Scan selection' }).click();
  await page.getByText(new RegExp(`^6 lines over ${periods} periods: \\d+ flags`)).waitFor({ timeout: 20_000 });
}

/** Sets the single-user role and cost centres, then closes the identity form. */
export async function setRole(page: Page, role: string, centres = ''): Promise<void> {
  await openIdentity(page);
  await page.getByRole('combobox', { name: 'Role' }).selectOption(role);
  const input = page.getByRole('textbox', { name: 'My cost centres' });
  await input.fill(centres);
  await input.blur();
  await page.getByTestId('identity-chip').click(); // closes the form
  await page.getByRole('combobox', { name: 'Role' }).waitFor({ state: 'hidden' });
}

/**
 * Defines (or redefines: the name is its id) a KPI in the Proposals view from two selected rows
 * (target, actual), linked to `lines`, and waits for it in the KPI list.
 */
export async function defineKpi(
  page: Page,
  kpi: { name: string; rows: unknown[][]; lines: string[]; priority?: number; periodsRead: string },
): Promise<void> {
  await selectValues(page, 'KPI!A1:M2', kpi.rows);
  await page.getByRole('textbox', { name: 'KPI name' }).fill(kpi.name);
  await page.getByRole('button', { name: 'Read target and actual from selection' }).click();
  await page.getByText(kpi.periodsRead).waitFor();
  if (kpi.priority !== undefined) await page.getByRole('textbox', { name: 'KPI priority' }).fill(String(kpi.priority));
  for (const line of kpi.lines) await page.getByRole('checkbox', { name: line }).check();
  await page.getByRole('button', { name: 'Save KPI' }).click();
  await page
    .getByRole('list', { name: 'KPIs' })
    .getByText(new RegExp(`^${kpi.name} `))
    .waitFor();
}

/** Submits a draft proposal card, approves it as the owner of what it affects and applies it as admin. */
export async function submitApproveApply(page: Page, card: Locator): Promise<void> {
  await card.getByRole('button', { name: 'Submit' }).click();
  await page.locator('[data-testid="proposal"][data-state="submitted"]').waitFor();
  const affected = /Affects (.*)\.$/.exec((await card.locator('text=/Affects /').textContent()) ?? '')?.[1] ?? '';
  await setRole(page, 'owner', affected);
  await card.getByRole('button', { name: 'Approve' }).click();
  await page.locator('[data-testid="proposal"][data-state="approved"]').waitFor();
  await setRole(page, 'admin');
  await card.getByRole('button', { name: 'Apply' }).click();
  await page.locator('[data-testid="proposal"][data-state="applied"]').waitFor();
}
