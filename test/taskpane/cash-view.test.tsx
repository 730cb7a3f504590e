/**
 * The Cash view in jsdom with glpk.js (Node) and the workbook double: the user names the ranges,
 * runs, reads the summary, and the results sheet is written; a bad cell is shown next to nothing
 * else but the message naming it; a bad alpha disables Run; alpha and the limit are explained for the
 * risk measure chosen; the plan is computed by the cash runner, whose progress shows and whose Cancel
 * leaves the workbook untouched.
 */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { CashErrors } from '../../src/cash/errors';
import { payablesCashTable, payablesTable } from '../../src/cash/payables-table';
import { planPayables } from '../../src/cash/payables-timing';
import { readPayables } from '../../src/sheets/payables-table';
import type { CashJobResult } from '../../src/cash/jobs';
import type { JobProgress } from '../../src/jobs/protocol';
import type { CashRunner } from '../../taskpane/run/cash-runner';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';
import { createMemoryRepository } from '../../src/store/memory-repository';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { fillForm } from './fill-form';
import { openView } from './open-view';
import { renderPane } from './render-pane';
import { trialsOutcomeText } from '../../taskpane/components/cash/CashView';
import { paneNumbers } from '../../taskpane/state/numbers';

const flows = [-200, 150, -300, 400, 50, -100];
const bills = [
  ['bill', 'amount', 'due period', 'discount', 'discount by'],
  ['B1', 300, 3, 0.02, 1],
  ['B2', 200, 5, 0.03, 2],
  ['B3', 150, 6, 0.01, 4],
];

function renderCash(cashRunner?: CashRunner) {
  const workbook = createWorkbookDouble({
    ranges: {
      'Trials!A1:F30': Array.from({ length: 30 }, (_, s) =>
        flows.map((f, t) => f + (((s * 37 + t * 11) % 21) - 10) * 15),
      ),
      'Cash!A5:C7': [
        ['name', 'term', 'rate'],
        ['ON', 1, 0.001],
        ['TD2', 2, 0.004],
      ],
      'Cash!B2:G2': [[-200, 'x', -300, 400, 50, -100]],
      'Cash!B3:G3': [flows],
      'Bills!A1:E4': bills,
    },
  });
  renderPane(createMemoryRepository(), {
    workbook,
    initialTab: 'help',
    solver: glpkNodeSolver,
    ...(cashRunner ? { cashRunner } : {}),
  });
  return workbook;
}

/** Opens the Cash view at the section headed `heading`, fills `fields` (labels in part) and clicks `button`. */
async function submitCash(heading: string, fields: Record<string, string>, button: string): Promise<void> {
  await openView('Cash');
  await screen.findByRole('heading', { name: heading }, { timeout: 10000 });
  fillForm(fields, { exact: false });
  fireEvent.click(screen.getByRole('button', { name: button }));
}

const RUN = 'Run and write to a sheet';

it('runs a plan over trials and writes the schedule, buffer and risk chart to a sheet', async () => {
  const workbook = renderCash();
  await submitCash(
    'Cash',
    {
      'Flows or trials': 'Trials!A1:F30',
      Instruments: 'Cash!A5:C7',
      'Opening cash': '1000',
      'Minimum cash': '200',
      Alpha: '0.1',
    },
    RUN,
  );
  const done = await screen.findByTestId('cash-done', {}, { timeout: 20000 });
  // In the form's words: no "expected wealth", the risk named as chosen, a rate's period said in the hints.
  expect(done.textContent).toMatch(
    /^Expected closing cash less debt [\d,]+ \(mean of 30 trials\); average shortfall of the worst trials \(CVaR\) [\d,.]+; cash under the minimum in 5% of trials or more: (in no period|from period \d)\. Written to the sheet "Cash plan"\.$/,
  );
  expect(screen.getByText(/^name, term in periods, rate per period/)).toBeTruthy();
  expect(screen.getByText(/^limit, rate per period, fee, repay by$/)).toBeTruthy();
  expect(workbook.sheets).toContain('Cash plan');
  expect(workbook.charts.map((c) => c.kind)).toEqual(['column']);
  expect(workbook.tables.map((t) => t.rows[0][0])).toEqual(['period', 'period', 'period', 'period']);
}, 60_000);

it('says a plan over trials in words, for either risk measure and in the locale', () => {
  const outcome = { objective: 1004.6, trials: 1200, riskAchieved: 0.031, firstPossibleBreach: 3 };
  expect(trialsOutcomeText(outcome, 'chance', paneNumbers({ locale: 'de-DE' })).replace(/\u00a0/g, ' ')).toBe(
    'Expected closing cash less debt 1.005 (mean of 1.200 trials); chance of a shortfall over the limit 3,1 %; cash under the minimum in 5 % of trials or more: from period 3.',
  );
  expect(trialsOutcomeText({ ...outcome, firstPossibleBreach: null }, 'cvar', paneNumbers({}))).toMatch(
    /; average shortfall of the worst trials \(CVaR\) 0\.03; cash under the minimum in 5% of trials or more: in no period\.$/,
  );
});

it('shows the cell at fault, and keeps Run disabled for an alpha outside (0, 1)', async () => {
  renderCash();
  await submitCash('Cash', { 'Flows or trials': 'Cash!B2:G2', Instruments: 'Cash!A5:C7', 'Opening cash': '1000' }, RUN);
  expect((await screen.findByRole('alert', {}, { timeout: 20000 })).textContent).toMatch(
    /flows row 1, column 2: holds "x", not a number/,
  );
  fillForm({ Alpha: '1.5' }, { exact: false });
  await waitFor(() => expect((screen.getByRole('button', { name: RUN }) as HTMLButtonElement).disabled).toBe(true));
  expect(screen.getByText(/Alpha is a share between 0 and 1/)).toBeTruthy();
}, 60_000);

it('names a bad credit-line cell by the box’s label, in the pane’s numbers', async () => {
  // It read "credit_line limit must be at least 0", the cell function's argument, in a box labelled "Credit line".
  renderPane(createMemoryRepository(), {
    workbook: createWorkbookDouble({
      ranges: {
        'Cash!B3:G3': [flows],
        'Cash!A5:C7': [
          ['name', 'term', 'rate'],
          ['ON', 1, 0.001],
          ['TD2', 2, 0.004],
        ],
        'Cash!J1:J2': [[-1.5], [0.01]],
      },
    }),
    initialTab: 'help',
    solver: glpkNodeSolver,
    numberStyle: { locale: 'de-DE' },
  });
  await submitCash(
    'Cash',
    { 'Flows or trials': 'Cash!B3:G3', Instruments: 'Cash!A5:C7', 'Opening cash': '1000', 'Credit line': 'Cash!J1:J2' },
    RUN,
  );
  const label = screen
    .getByLabelText(/^Credit line/)
    .closest('.fui-Field')
    ?.querySelector('label')?.textContent;
  expect(label).toBe('Credit line (optional)');
  expect((await screen.findByRole('alert', {}, { timeout: 20000 })).textContent?.replace(/\u00a0/g, ' ')).toMatch(
    /^Credit line limit must be at least 0; got −1,5\./,
  );
}, 60_000);

it('says what alpha and the limit mean under the risk measure chosen', async () => {
  renderCash();
  await openView('Cash');
  await screen.findByRole('heading', { name: 'Cash' }, { timeout: 10000 });
  // CVaR (the default): the mean shortfall of the worst alpha share of trials is at most the limit.
  expect(screen.getByText(/^Share of worst trials, e\.g\. 5% \(or 0\.05\)$/)).toBeTruthy();
  expect(screen.getByText(/^Their average shortfall, at most$/)).toBeTruthy();
  // Chance: the probability of a shortfall above the limit is at most alpha.
  fireEvent.change(screen.getByLabelText('Risk of a shortfall'), { target: { value: 'chance' } });
  expect(screen.getByText(/^Largest chance of a shortfall over the limit/)).toBeTruthy();
  expect(screen.getByText(/^A shortfall up to this does not count$/)).toBeTruthy();
  expect(screen.queryByText(/worst trials/)).toBeNull();
}, 60_000);

it('starts alpha at 5% in the pane’s locale: a German pane opens without an error and can run', async () => {
  renderPane(createMemoryRepository(), {
    workbook: createWorkbookDouble(),
    initialTab: 'cash',
    numberStyle: { locale: 'de-DE' },
  });
  await screen.findByRole('heading', { name: 'Cash' }, { timeout: 10000 });
  const alpha = screen.getByLabelText('Alpha') as HTMLInputElement;
  // "0.05" stood there in every locale, and German reads "." as a thousands separator: refused at once.
  expect(alpha.value.replace(/\u00a0/g, ' ')).toBe('5 %');
  expect(screen.queryByText(/Alpha is a share|separator|decimal/)).toBeNull();
  expect((screen.getByRole('button', { name: RUN }) as HTMLButtonElement).disabled).toBe(false);
  expect(screen.getByText(/^Share of worst trials, e\.g\. 5\s%\s\(or 0,05\)$/)).toBeTruthy();
  fillForm({ Alpha: '1,5' }, { exact: false });
  await waitFor(() => expect((screen.getByRole('button', { name: RUN }) as HTMLButtonElement).disabled).toBe(true));
  expect(screen.getByText(/^Alpha is a share between 0 and 1, e\.g\. 5\s% or 0,05\.$/)).toBeTruthy();
}, 60_000);

it('shows the runner’s progress, and Cancel stops the run without writing anything', async () => {
  // A runner double: it reports progress when told to and ends only when cancelled (no clocks).
  let report: (p: JobProgress) => void = () => undefined;
  const cancelled: string[] = [];
  const runner: CashRunner = {
    where: 'worker',
    start(_job, onProgress) {
      report = onProgress;
      let fail: (e: unknown) => void = () => undefined;
      const done = new Promise<CashJobResult>((_, reject) => (fail = reject));
      return {
        done,
        cancel: () => {
          cancelled.push('cancel');
          fail(CashErrors.cancelled());
        },
      };
    },
    payables: () => ({ done: Promise.reject(new Error('not used')), cancel: () => undefined }),
  };
  const workbook = renderCash(runner);
  await submitCash(
    'Cash',
    { 'Flows or trials': 'Trials!A1:F30', Instruments: 'Cash!A5:C7', 'Opening cash': '1000' },
    RUN,
  );
  const cancel = await screen.findByRole('button', { name: 'Cancel' });
  act(() => report({ done: 2, total: 5 }));
  expect((await screen.findByText('Solving: step 2 of 5')).textContent).toBe('Solving: step 2 of 5');
  fireEvent.click(cancel);
  expect((await screen.findByTestId('cash-cancelled')).textContent).toMatch(/Cancelled: nothing was written/);
  expect(cancelled).toEqual(['cancel']);
  expect(workbook.sheets).not.toContain('Cash plan');
  expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
}, 60_000);

it('plans payables from the Cash view and writes the decisions and closing cash, as FPA.WC.PAYABLES does', async () => {
  const workbook = renderCash();
  await submitCash(
    'Payables',
    { 'Opening cash': '1000', Bills: 'Bills!A1:E4', 'Other flows': 'Cash!B3:G3', Floor: '100' },
    'Plan payables',
  );
  const done = await screen.findByTestId('payables-done', {}, { timeout: 20000 });
  const invoices = readPayables(bills.slice(1), 6);
  const plan = await planPayables({ openingCash: 1000, flows, floor: 100, invoices }, glpkNodeSolver);
  expect(done.textContent).toMatch(new RegExp(`${plan.payEarly.length} of 3 bills paid early`));
  expect(done.textContent).toMatch(/Written to the sheet "Payables plan"/);
  expect(workbook.tables.map((t) => t.rows)).toEqual([payablesTable(invoices, plan), payablesCashTable(plan)]);
}, 60_000);

it('names a bad cell in the pane’s numbers: a German payables run, a French cash run', async () => {
  // The readers' rule messages ('got 1.5') printed en-US in every pane (issue #20).
  const ranges = {
    'Cash!B3:G3': [flows],
    'Bills!A1:E2': [bills[0], ['B1', 300, 3, 1.5, 1]],
    'Cash!A5:C6': [
      ['name', 'term', 'rate'],
      ['ON', 1, -1.5],
    ],
  };
  renderPane(createMemoryRepository(), {
    workbook: createWorkbookDouble({ ranges }),
    initialTab: 'help',
    solver: glpkNodeSolver,
    numberStyle: { locale: 'de-DE' },
  });
  await submitCash(
    'Payables',
    { 'Opening cash': '1000', Bills: 'Bills!A1:E2', 'Other flows': 'Cash!B3:G3', Floor: '100' },
    'Plan payables',
  );
  expect((await screen.findByRole('alert', {}, { timeout: 20000 })).textContent?.replace(/\u00a0/g, ' ')).toMatch(
    /bills row 2, column 4 \(discount\): must be below 1 \(0,02 for 2 %\); got 1,5\./,
  );
  cleanup();
  renderPane(createMemoryRepository(), {
    workbook: createWorkbookDouble({ ranges }),
    initialTab: 'help',
    solver: glpkNodeSolver,
    numberStyle: { locale: 'fr-FR' },
  });
  await submitCash('Cash', { 'Flows or trials': 'Cash!B3:G3', Instruments: 'Cash!A5:C6', 'Opening cash': '1000' }, RUN);
  expect((await screen.findByRole('alert', {}, { timeout: 20000 })).textContent).toMatch(
    /instruments row 2, column 3 \(rate\): must be above −1; got −1,5\./,
  );
}, 60_000);
