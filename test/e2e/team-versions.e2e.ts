/**
 * A team through the built pane in Chromium, against the real server (PostgreSQL when DATABASE_URL
 * is set, PGlite otherwise): three people sign in through Settings › Team server with the server's
 * development tokens (alice the budget owner, bob the cost-centre approver, carol the controller);
 * alice scans her plan/actual sheet, pins the allocation to the move she wants, drafts the
 * candidate on the team server from her Proposals view and submits it there, where her own
 * proposal shows no Approve button and the server refuses her approval; bob and carol approve in their Proposals views (a two-step
 * chain); alice applies there. Then the server holds v2 with its lineage, alice's Versions view
 * writes v2 into the workbook double (over v1, which it held untouched) and compares v1 with v2 at
 * 320 px, FPA.BUDGET.VERSION reads v2 in bob's runtime through his connection, the audit chain
 * verifies, and the webhook receiver got each event once. Then alice undoes it the only way a team
 * can: her Revert is "Propose a reversal" (a comment, the budget unchanged, no Approve for her on
 * the reversal), bob and carol approve the reversal in their views, and her apply makes v3. Last, her
 * Versions view connected (three versions, a write, the save form, a comparison) is checked by layout
 * at 320, 450 and 800 px, light and dark, in the locale OPENFPA_LOCALE names, and saved as
 * versions-connected-<width>-<theme>.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { deliverDue } from '../../server/notify/background';
import { budgetTableValues } from '../../src/sheets/budget-table';
import { twoStepTeam } from '../server/fixtures';
import { startTestServer, type TestServer } from '../server/helpers';
import { startReceiver, type Receiver } from '../server/receiver';
import {
  CUSTOM_FUNCTIONS_ERRORS,
  DIST,
  invokeFunction,
  launchBrowser,
  openView,
  routeOfficeJs,
  selectValues,
  serveFolder,
  type StaticServer,
  openPaneAt,
  ROOT,
  settled,
} from './harness';
import { layoutProblems } from './layout-problems';
import fs from 'node:fs';
import path from 'node:path';

jest.setTimeout(240_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let site: StaticServer;
let server: TestServer;
let receiver: Receiver;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];
const tokens: Record<string, string> = {};
const settings = () => ({ ...server.config, webhookRetryBaseMs: 1_000, webhookMaxAttempts: 3 });

/** A page of the pane for one person, signed in through Settings › Team server with their token. */
async function signIn(user: string, theme: 'light' | 'dark' = 'light', locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${user}: page error: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon|403/.test(m.text())) problems.push(`${user}: console error: ${m.text()}`);
  });
  await routeOfficeJs(page);
  await page.addInitScript(CUSTOM_FUNCTIONS_ERRORS);
  await openPaneAt(page, site.url, 'settings', { locale, theme });
  await page.getByLabel('Backend URL (optional)').fill(server.url);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByLabel('Development token').fill(tokens[user]);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page
    .getByTestId('team-server-status')
    .filter({ hasText: /^Online/ })
    .waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="identity-chip"][data-mode="signed-in"]').waitFor({ timeout: 30_000 });
  return page;
}

/** Alice's plan/actual sheet: two lines of CC1 with v1's amounts as budgets, booked to plan through June (no flag). */
function planSheet(): unknown[][] {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const line = (id: string, account: string, budget: number) => {
    const plan = months.map(() => budget / 12);
    return { id, costCentre: 'CC1', account, owner: 'alice', plan, actual: plan.map((v, t) => (t < 6 ? v : null)) };
  };
  return budgetTableValues(months, [line('travel', '6100', 5000), line('ads', '6200', 1000)], [5000, 1000]);
}

/** Pins a line's budget to `amount` in the allocation inputs (min = max, and a move that large allowed). */
async function pinLine(page: Page, line: string, amount: number): Promise<void> {
  await page.getByRole('button', { name: `Edit ${line}` }).click();
  const panel = page.getByTestId('allocation-panel');
  for (const [field, value] of [
    ['Max change %', '300'],
    ['Min', String(amount)],
    ['Max', String(amount)],
  ]) {
    const input = panel.getByRole('textbox', { name: `${field} of ${line}` });
    await input.fill(value);
    await input.blur();
  }
  await panel.getByRole('button', { name: 'Done' }).click();
}

const act = (user: string, p: Json, verb: string) =>
  server.as(tokens[user], {
    method: 'POST',
    url: `/api/proposals/${p.id}/${verb}`,
    payload: {},
    headers: { 'if-match': `"${p.version}"` },
  });

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html')))
    throw new Error('dist/ is not built: run "npm run build" first.');
  site = await serveFolder(DIST);
  server = await startTestServer({ prefix: 'e2eteam', overrides: { corsOrigin: site.url } });
  receiver = await startReceiver();
  tokens.root = await server.token('root', 'admin', '*');
  // Alice also holds the approver role: only separation of duties stops her approving her own proposal.
  tokens.alice = await server.token('alice', ['analyst', 'budget_owner', 'approver'], ['CC1']);
  tokens.bob = await server.token('bob', 'approver', ['CC1']);
  tokens.carol = await server.token('carol', 'controller', '*');
  await twoStepTeam(server, tokens.root);
  const hook = await server.as(tokens.root, {
    method: 'POST',
    url: '/api/webhooks',
    payload: {
      url: receiver.url,
      format: 'generic',
      events: ['approval.waiting', 'proposal.applied'],
      secret: 'a-shared-secret-of-32-characters',
    },
  });
  expect(hook.statusCode).toBe(201);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await receiver?.close();
  await server?.close();
  await site?.close();
});

test('submit, no Approve for the submitter and a refused self-approval, two approvals, apply in the pane: v2 everywhere', async () => {
  const [alice, bob, carol] = [await signIn('alice'), await signIn('bob'), await signIn('carol')];
  await expect(alice.getByTestId('identity-chip').getAttribute('aria-label')).resolves.toMatch(/Signed in as alice/);
  await expect(bob.getByTestId('identity-chip').getAttribute('aria-label')).resolves.toMatch(/Signed in as bob/);

  // Alice's workbook holds v1, written from her Versions view.
  await openView(alice, 'Versions');
  await alice.getByRole('button', { name: 'Write v1 to the workbook' }).click();
  await alice.getByText('Wrote v1 into Budget CC1!A1:F5.').waitFor();

  // Alice drafts in her pane as a budget owner would: she scans her plan/actual sheet (travel 6100
  // and ads 6200 of CC1, budgets as in v1), pins the allocation to move 2,500 from travel to ads,
  // finds the candidate and drafts it on the team server for March 2026; then she submits it.
  await selectValues(alice, 'Budget!A1:AC3', planSheet());
  await openView(alice, 'Anomalies');
  await alice.getByRole('button', { name: 'Scan selection' }).click();
  await alice.getByText(/^2 lines over 12 periods: 0 flags/).waitFor({ timeout: 20_000 });
  await openView(alice, 'Proposals');
  await pinLine(alice, 'travel', 2500);
  await pinLine(alice, 'ads', 3500);
  await alice.getByRole('button', { name: 'Find candidates' }).click();
  const candidates = alice.getByTestId('candidates');
  await candidates.waitFor({ timeout: 30_000 });
  expect(await candidates.getByRole('table').getByRole('row').allTextContents()).toEqual([
    expect.stringMatching(/^Line/),
    expect.stringMatching(/^travel.*5,000.*2,500/),
    expect.stringMatching(/^ads.*1,000.*3,500/),
  ]);
  await candidates.getByLabel('Budget month').fill('2026-03');
  await candidates.getByRole('button', { name: /^Draft on the team server from candidate \d$/ }).click();
  const draft = alice.locator('[data-testid="proposal"][data-state="draft"]');
  await draft.waitFor({ timeout: 20_000 });
  const id = /^Proposal (.+)$/.exec((await draft.getAttribute('aria-label')) ?? '')![1];
  const drafted = (await server.as(tokens.alice, { method: 'GET', url: `/api/proposals/${id}` })).json();
  expect(drafted).toMatchObject({ createdBy: 'alice', fiscalYear: 2026, state: 'draft' });
  expect(drafted.lines.map((l: Json) => [l.id, l.costCentre, l.account, l.period, l.before, l.after])).toEqual([
    ['travel', 'CC1', '6100', '2026-03', 5000, 2500],
    ['ads', 'CC1', '6200', '2026-03', 1000, 3500],
  ]);
  const cardOf = (page: Page) => page.getByRole('group', { name: `Proposal ${id}` });
  const inState = (page: Page, state: string) =>
    page.locator(`[data-testid="proposal"][data-state="${state}"][aria-label="Proposal ${id}"]`).waitFor();
  await cardOf(alice).getByRole('button', { name: 'Submit' }).click();
  await inState(alice, 'submitted');
  const steps = cardOf(alice).getByRole('list', { name: `Approval chain of ${id}` });
  expect(await steps.getByRole('listitem').allTextContents()).toEqual([
    expect.stringMatching(/^Step 1 Cost-centre approver \(approver\): pending, due /),
    'Step 2 Finance controller (controller): waiting',
  ]);

  // The submitter never approves her own proposal, though her role could approve the step: she has
  // no Approve button, the card says why, and the server refuses the approval anyway (403).
  expect(await cardOf(alice).getByRole('button').allTextContents()).toEqual([]);
  expect(await cardOf(alice).getByTestId('proposal-waiting').textContent()).toMatch(
    /You may not decide it: alice wrote or submitted this proposal; separation of duties/,
  );
  const submitted = (await server.as(tokens.alice, { method: 'GET', url: `/api/proposals/${id}` })).json();
  const own = await act('alice', submitted, 'approve');
  expect(own.statusCode).toBe(403);
  expect(own.json().error.code).toBe('SERVER_FORBIDDEN_STEP');
  expect(own.json().error.message).toMatch(/submit/i);

  // Bob approves step 1 in his Proposals view, then carol step 2 in hers (her inbox finds it).
  await openView(bob, 'Proposals');
  await cardOf(bob).getByRole('button', { name: 'Approve' }).click();
  await cardOf(bob)
    .getByText(/^Step 1 Cost-centre approver \(approver\): approved by bob/)
    .waitFor();
  expect(await cardOf(bob).getByRole('button').allTextContents()).toEqual([]);
  await openView(carol, 'Proposals');
  await cardOf(carol).getByRole('button', { name: 'Approve' }).click();
  await inState(carol, 'approved');

  // Alice applies in her view; the server says which version it made.
  await alice.getByRole('button', { name: 'Refresh proposals' }).click();
  await inState(alice, 'approved');
  await cardOf(alice).getByRole('button', { name: 'Apply' }).click();
  await alice.getByText('Applied: the server made v2 of CC1. Write it into the workbook from Versions.').waitFor();
  await inState(alice, 'applied');
  const proposal = (await server.as(tokens.alice, { method: 'GET', url: `/api/proposals/${id}` })).json();
  expect(proposal.history.map((h: Json) => `${h.action} ${h.who}`)).toEqual([
    'submit alice',
    'approve bob',
    'approve carol',
    'apply alice',
  ]);
  const [made] = proposal.versions as Json[];
  expect(made).toMatchObject({ costCentre: 'CC1', name: 'v2', action: 'apply' });

  // The server holds v2 with its lineage.
  const v2 = (await server.as(tokens.alice, { method: 'GET', url: `/api/versions/${made.id}` })).json();
  expect(v2).toMatchObject({ number: 2, proposalId: proposal.id });
  expect(v2.lineage).toMatchObject({
    action: 'apply',
    submittedBy: 'alice',
    appliedBy: 'alice',
    approvers: [
      { step: 1, who: 'bob' },
      { step: 2, who: 'carol' },
    ],
  });

  // Alice's Versions view: v2 with where it came from, written over the untouched v1.
  await openView(alice, 'Versions');
  await alice.getByRole('button', { name: 'Show versions' }).click();
  const newest = alice.getByTestId('version').first();
  await newest.filter({ hasText: /^v2/ }).waitFor();
  expect(await newest.textContent()).toContain('approved by bob, carol · applied by alice');
  await alice.getByRole('button', { name: 'Write v2 to the workbook' }).click();
  await alice.getByText('Wrote v2 into Budget CC1!A1:F5 (it held v1).').waitFor();
  const cells = await alice.evaluate(async () => {
    const double = (window as unknown as { __openfpaWorkbook: Json }).__openfpaWorkbook;
    const state = await double.readWorkbookState(['Budget CC1']);
    return state.sheets.get('Budget CC1').cells as unknown[][];
  });
  expect(cells.slice(1).map((r) => r.slice(0, 3))).toEqual([
    ['account', '2026-03', '2026-04'],
    ['6100', 2500, null],
    ['6200', 3500, null],
    ['7000', null, 42],
  ]);

  // v1 and v2 side by side, within the 320 px pane.
  await alice.getByLabel('Base').selectOption({ label: 'v1 (budget 2026)' });
  await alice.getByLabel('Compare with').selectOption({ label: 'v2 (budget 2026)' });
  await alice.getByRole('button', { name: 'Compare' }).click();
  const table = alice.getByRole('table', { name: 'v1 compared with v2' });
  await table.waitFor();
  expect(await table.getByRole('row').allTextContents()).toEqual([
    'Linev1v2Change',
    '6100 · 2026-035,0002,500▼−2,500',
    '6200 · 2026-031,0003,500▲+2,500',
    'Total6,0426,042–',
  ]);
  const widths = await alice.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);

  // FPA.BUDGET.VERSION in bob's runtime reads v2 through his connection.
  expect(await invokeFunction(bob, 'BUDGET.VERSION', ['v2', 'CC1'])).toEqual([
    ['account', '2026-03', '2026-04'],
    ['6100', 2500, ''],
    ['6200', 3500, ''],
    ['7000', '', 42],
  ]);

  // The audit chain verifies; the receiver got each event once.
  const verify = await server.as(tokens.root, { method: 'GET', url: '/api/audit/verify' });
  expect(verify.json()).toMatchObject({ ok: true });
  expect(await deliverDue(server.db, settings(), 'e2e')).toBe(3);
  expect(await deliverDue(server.db, settings(), 'e2e')).toBe(0);
  const types = receiver.received.map((r) => (JSON.parse(r.body) as Json).type).sort();
  expect(types).toEqual(['approval.waiting', 'approval.waiting', 'proposal.applied']);
  expect(new Set(receiver.received.map((r) => r.key)).size).toBe(receiver.received.length);
  expect(receiver.acted.size).toBe(3);
  expect(problems).toEqual([]);
});

test('revert in the pane is a reversal: proposed by alice, approved by bob and carol, applied by alice: v3', async () => {
  const [alice, bob, carol] = [await signIn('alice'), await signIn('bob'), await signIn('carol')];
  const listed = (await server.as(tokens.alice, { method: 'GET', url: '/api/proposals?costCentre=CC1' })).json();
  const original = (listed as Json[]).find((p) => p.state === 'applied')!;
  const cardOf = (page: Page, id: string) => page.getByRole('group', { name: `Proposal ${id}` });

  // Alice may not undo it alone: her button proposes a reversal, with a comment, and the budget stays.
  await openView(alice, 'Proposals');
  const card = cardOf(alice, original.id);
  // The cards come with the team's proposals: wait for the button before reading the card's buttons.
  await card.getByRole('button', { name: 'Propose a reversal' }).waitFor();
  expect(await card.getByRole('button').allTextContents()).toEqual(['Propose a reversal']);
  await card.getByRole('textbox', { name: `Comment on ${original.id}` }).fill('campaign cancelled');
  await card.getByRole('button', { name: 'Propose a reversal' }).click();
  await alice.getByText(/^Reversal \S+ of \S+ is submitted: 2 approval steps, first Cost-centre approver/).waitFor();
  await card.getByText(/^Reversal \S+ is submitted: the budget goes back when another person/).waitFor();
  expect(await card.getByRole('button').allTextContents()).toEqual([]);
  const reversal = (await server.as(tokens.alice, { method: 'GET', url: `/api/proposals/${original.id}` })).json()
    .reversal as Json;
  const asked = (await server.as(tokens.alice, { method: 'GET', url: `/api/proposals/${reversal.id}` })).json();
  expect(asked).toMatchObject({
    state: 'submitted',
    reverts: original.id,
    createdBy: 'alice',
    reason: 'campaign cancelled',
  });
  // She holds the approver role, but wrote the reversal: no Approve button, and the server refuses.
  const hers = cardOf(alice, reversal.id);
  await hers
    .getByText(`Reversal of ${original.id}: applying it restores the amounts before`, { exact: false })
    .waitFor();
  expect(await hers.getByRole('button').allTextContents()).toEqual([]);
  expect((await act('alice', asked, 'approve')).statusCode).toBe(403);

  // Bob and carol decide it in their views, like any proposal.
  await openView(bob, 'Proposals');
  await cardOf(bob, reversal.id).getByRole('button', { name: 'Approve' }).click();
  await cardOf(bob, reversal.id)
    .getByText(/^Step 1 Cost-centre approver \(approver\): approved by bob/)
    .waitFor();
  await openView(carol, 'Proposals');
  await cardOf(carol, reversal.id).getByRole('button', { name: 'Approve' }).click();
  await carol
    .locator(`[data-testid="proposal"][data-state="approved"][aria-label="Proposal ${reversal.id}"]`)
    .waitFor();

  // Alice applies it: v3 holds the amounts before, and the original is reverted.
  await alice.getByRole('button', { name: 'Refresh proposals' }).click();
  await cardOf(alice, reversal.id).getByRole('button', { name: 'Apply' }).click();
  await alice
    .getByText(
      `Applied the reversal: ${original.id.slice(0, 8)} is reverted and the server made v3 of CC1. Write it into the workbook from Versions.`,
    )
    .waitFor();
  await alice
    .locator(`[data-testid="proposal"][data-state="reverted"][aria-label="Proposal ${original.id}"]`)
    .waitFor();
  const reverted = (await server.as(tokens.alice, { method: 'GET', url: `/api/proposals/${original.id}` })).json();
  expect(reverted).toMatchObject({
    state: 'reverted',
    revertedBy: 'alice',
    reversal: { id: reversal.id, state: 'applied' },
  });
  const applied = (await server.as(tokens.alice, { method: 'GET', url: `/api/proposals/${reversal.id}` })).json();
  const v3 = (await server.as(tokens.alice, { method: 'GET', url: `/api/versions/${applied.versions[0].id}` })).json();
  expect(v3).toMatchObject({ number: 3, lineage: { proposalId: reversal.id, reverts: original.id } });
  expect(v3.lines.slice(0, 2).map((l: Json) => [l.account, l.amount])).toEqual([
    ['6100', 5000],
    ['6200', 1000],
  ]);
  expect(problems).toEqual([]);
});

test('the Versions view connected fits 320, 450 and 800 px, light and dark: list, a write, the save form, a comparison', async () => {
  const out = path.resolve(ROOT, process.env.OPENFPA_SCREENSHOTS ?? path.join('test', 'e2e', 'screenshots'));
  fs.mkdirSync(out, { recursive: true });
  const found: Record<string, string[]> = {};
  for (const theme of ['light', 'dark'] as const) {
    // In the locale OPENFPA_LOCALE names, as the layout test (the other tests read en-US figures).
    const alice = await signIn('alice', theme, process.env.OPENFPA_LOCALE ?? 'en-US');
    await openView(alice, 'Versions');
    // Her own cost centre's versions load with the connection; the newest two are compared by default.
    await alice.getByTestId('version').first().waitFor({ timeout: 30_000 });
    const newest = ((await alice.getByTestId('version').first().textContent()) ?? '').split(' ')[0];
    await alice.getByRole('button', { name: `Write ${newest} to the workbook` }).click();
    await alice.getByText(new RegExp(`^Wrote ${newest} into Budget CC1!`)).waitFor();
    await alice.getByRole('button', { name: 'Compare', exact: true }).click();
    await alice.getByTestId('version-compare').waitFor();
    for (const width of [320, 450, 800]) {
      await alice.setViewportSize({ width, height: 900 });
      await settled(alice);
      await alice.screenshot({ path: path.join(out, `versions-connected-${width}-${theme}.png`), fullPage: true });
      found[`${width} ${theme}`] = await layoutProblems(alice, width);
      // The two versions' boxes are as wide as each other ("Compare with" shared a row with the button).
      const [base, other] = await Promise.all(
        ['Base', 'Compare with'].map(async (label) => (await alice.getByLabel(label).boundingBox())?.width ?? 0),
      );
      if (Math.abs(base - other) > 1) found[`${width} ${theme}`].push(`Base is ${base} px wide, Compare with ${other}`);
    }
  }
  expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
  expect(problems).toEqual([]);
});
