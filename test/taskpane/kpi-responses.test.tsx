/**
 * A response entered by hand on a line–KPI link in the pane's KPI form: refused with a message next
 * to the link when it is not a number (or the lag is not a whole number ≥ 0), stored on the link, named
 * in the line's explanation as entered, and used by the allocation as it is (closed form).
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sampleKpiRows } from '../../taskpane/review/sample-sheet';
import { paneNumbers } from '../../taskpane/state/numbers';
import { openProposals } from './open-proposals';

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const valueOf = (label: string) => Number((screen.getByLabelText(label) as HTMLInputElement).value);

it('an entered response and lag: checked, stored, explained as entered and used by the allocation', async () => {
  const { repository, workbook } = await openProposals();
  type('KPI name', 'Leads');
  type('Unit', 'leads');
  workbook.selection = { address: 'KPI!A1:M2', values: sampleKpiRows() };
  fireEvent.click(screen.getByRole('button', { name: 'Read target and actual from selection' }));
  await screen.findByText('12 periods read (11 actuals).', {}, { timeout: 10000 });
  fireEvent.click(screen.getByLabelText('MKT-EVENTS'));
  const responses = screen.getByRole('table', { name: 'Responses and lags' });
  expect(
    within(responses)
      .getAllByRole('rowheader')
      .map((h) => h.textContent),
  ).toEqual(['MKT-EVENTS']);
  // The row's line and the checkbox's label drawn whole (plain text broke at the hyphen).
  expect(within(responses).getByRole('rowheader').querySelector('[data-line-id]')?.textContent).toBe('MKT-EVENTS');
  expect(screen.getByText('MKT-EVENTS', { selector: 'label [data-line-id]' })).toBeTruthy();

  // Text and a negative lag are refused next to the link, and nothing is stored.
  type('Response of MKT-EVENTS', 'lots');
  fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
  await screen.findByText(/^Response of MKT-EVENTS: a number of KPI units per unit of spend/, {}, { timeout: 10000 });
  type('Response of MKT-EVENTS', '0.05');
  type('Lag of MKT-EVENTS', '-1');
  fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
  await screen.findByText(/^Lag of MKT-EVENTS: a whole number of periods from 0 to 11/, {}, { timeout: 10000 });
  expect(await repository.list('kpis')).toEqual([]);

  type('Lag of MKT-EVENTS', '1');
  type('Uncertainty of MKT-EVENTS', '0.01');
  fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
  await waitFor(
    () =>
      expect(screen.getByRole('list', { name: 'KPIs' }).textContent).toMatch(
        /^Leads \(leads, higher is better, priority 1, 11 actuals\) ← MKT-EVENTS \(response entered, lag 1\)/,
      ),
    { timeout: 10000 },
  );
  expect((await repository.list('kpis'))[0].links).toEqual([
    { line: 'MKT-EVENTS', kpi: 'Leads', lag: 1, response: { perUnit: 0.05, sd: 0.01 } },
  ]);

  // Closed form (src/loop/kpi-returns.ts): rate = perUnit · S ÷ (T̄ · P) with the total budget
  // S = 12 · (10,000 + 6,000 + 8,000 + 12,000 + 4,000 + 3,000) = 516,000, the mean target T̄ = 1,450
  // and P = 12 periods; the risk is the sd on the same scale. The table shows 4 significant digits.
  const scale = 516000 / (1450 * 12);
  await waitFor(() => expect(screen.queryByTestId('allocation-panel')).toBeNull(), { timeout: 10000 });
  fireEvent.click(screen.getByRole('button', { name: 'Edit MKT-EVENTS' }));
  expect(valueOf('Return/unit of MKT-EVENTS')).toBe(Number((0.05 * scale).toPrecision(4)));
  expect(valueOf('Return above of MKT-EVENTS')).toBe(Number((0.05 * scale).toPrecision(4)));
  expect(valueOf('Risk of MKT-EVENTS')).toBe(Number((0.01 * scale).toPrecision(4)));
  expect(screen.getByTestId('allocation-reason').textContent).toBe(
    'KPI Leads: response entered by hand: 0.05 leads per unit of spend (sd 0.01), spend 1 period(s) before the KPI',
  );

  // The allocation's highest-return candidate moves MKT-EVENTS to its 20% cap (72,000 → 86,400): the
  // only line that returns, at the entered rate, so its weighted return is rate × 86,400.
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Find candidates' }));
  });
  const candidates = await screen.findByTestId('candidates', {}, { timeout: 20000 });
  const count = within(candidates).getAllByRole('button', { name: /^Candidate \d$/ }).length;
  const best = within(candidates).getByRole('table', { name: `Candidate ${count} before and after` });
  expect(best.textContent).toContain('86,400');
  // Its return in points of KPI attainment: what the 14,400 more buy at the rate, over S.
  const rate = Number((0.05 * scale).toPrecision(4));
  expect(
    within(candidates)
      .getByRole('img', { name: /^KPI attainment gained against risk/ })
      .getAttribute('aria-label'),
  ).toContain(
    `candidate ${count}: ${paneNumbers().format((rate * 14400) / 516000, 'points', { sign: 'always' })} of attainment`,
  );
}, 150000);
