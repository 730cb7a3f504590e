/**
 * The Proposals view end to end in jsdom with glpk.js (Node) and the workbook double holding the
 * sample sheet: candidates from the LP, a proposal through submit → approve → apply (the double's
 * budget cells change, an audit record is appended) → revert (restored), buttons enabled per role
 * and state.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sampleKpiRows } from '../../taskpane/review/sample-sheet';
import { openProposals } from './open-proposals';
import { loadProposals } from '../../taskpane/review/proposals';
import { createMemoryRepository } from '../../src/store/memory-repository';
import { readKpiSeries } from '../../src/sheets/kpi-series';

const button = (scope: HTMLElement, name: string) => within(scope).getByRole('button', { name }) as HTMLButtonElement;

// getByLabelText, not getByRole: role queries over the whole pane are slow in jsdom.
async function setRole(role: string, centres = '') {
  if (!screen.queryByLabelText('Role (single-user mode)')) fireEvent.click(screen.getByTestId('identity-chip'));
  fireEvent.change(screen.getByLabelText('Role (single-user mode)'), { target: { value: role } });
  const input = screen.getByLabelText('My cost centres');
  fireEvent.change(input, { target: { value: centres } });
  fireEvent.blur(input);
  await waitFor(() => expect((screen.getByLabelText('Role (single-user mode)') as HTMLSelectElement).value).toBe(role));
}

it('finds candidates, then takes a proposal through submit, approve, apply and revert', async () => {
  const { repository, workbook } = await openProposals();
  expect(screen.getByText(/^Budgets from Budget!E2:E7/)).toBeTruthy();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Find candidates' }));
  });
  const candidates = await screen.findByTestId('candidates', {}, { timeout: 20000 });
  // No KPI yet: only the flags move money (IT-LIC's opportunity funds MKT-ADS's shift). No line
  // returns anything, so there is no return–risk front to draw: one candidate, no chart of one point
  // at (0, 0), and a note saying where returns come from.
  expect(screen.getByTestId('flag-pool').textContent).toMatch(/released by 1 line, .* asked for by 1 line\./);
  expect(candidates.getAttribute('data-front')).toBe('no-return');
  expect(within(candidates).queryByTestId('pareto-chart')).toBeNull();
  expect(within(candidates).queryAllByRole('button', { name: /^Candidate \d$/ })).toEqual([]);
  expect(within(candidates).getByTestId('no-return').textContent).toMatch(/link a KPI to the lines in KPIs above/);
  expect(within(candidates).getByTestId('trade-off').textContent).toMatch(
    /^Moves [\d,]+ between lines to meet the flags; no line has a KPI return to weigh\.$/,
  );
  const count = 1;
  // The candidate moves money (changed rows are marked).
  const table = within(candidates).getByRole('table', { name: `Candidate ${count} before and after` });
  expect(table.querySelectorAll('[data-changed="yes"]').length).toBeGreaterThan(0);
  fireEvent.click(screen.getByRole('button', { name: `Create proposal from candidate ${count}` }));

  const card = await screen.findByTestId('proposal');
  expect(card.getAttribute('data-state')).toBe('draft');
  // Analyst: only Submit.
  expect(button(card, 'Submit').disabled).toBe(false);
  expect(button(card, 'Approve').disabled).toBe(true);
  expect(button(card, 'Apply').disabled).toBe(true);
  fireEvent.click(button(card, 'Submit'));
  await waitFor(() => expect(screen.getByTestId('proposal').getAttribute('data-state')).toBe('submitted'));

  const { proposals } = await loadProposals(repository);
  const affected = proposals[0].record.costCentres.join(', ');
  // An owner of only some of the affected cost centres may not approve.
  await setRole('owner', 'MKT');
  if (proposals[0].record.costCentres.length > 1)
    expect(button(screen.getByTestId('proposal'), 'Approve').disabled).toBe(true);
  await setRole('owner', affected);
  await waitFor(() => expect(button(screen.getByTestId('proposal'), 'Approve').disabled).toBe(false));
  fireEvent.click(button(screen.getByTestId('proposal'), 'Approve'));
  await waitFor(() => expect(screen.getByTestId('proposal').getAttribute('data-state')).toBe('approved'));
  // Single-user mode: the one person who drafted it also approved it, and the audit says so.
  await screen.findByText(/^Audit: approve by me at .* \(self-approved \(single-user mode\)\)$/);

  await setRole('admin');
  fireEvent.click(button(screen.getByTestId('proposal'), 'Apply'));
  await waitFor(() => expect(screen.getByTestId('proposal').getAttribute('data-state')).toBe('applied'));
  const after = proposals[0].lines.map((l) => [l.after]);
  expect(workbook.writes[0]).toEqual({ address: 'Budget!E2:E7', values: after });
  expect(workbook.selection!.values.slice(1).map((r) => [r[4]])).toEqual(after);
  // The audit counts the lines the apply really changed, not every line of the budget range.
  const changed = proposals[0].lines.filter((l) => l.after !== l.before).length;
  expect(changed).toBeGreaterThan(0);
  expect(changed).toBeLessThan(6);
  await screen.findByText(new RegExp(`^Audit: apply changed ${changed} of 6 lines by me at `));
  // Apply remembers the moved lines; their outcome waits for two more booked periods.
  const memory = await screen.findByTestId('adjustment-memory');
  expect(memory.querySelectorAll('[data-measured="no"]')).toHaveLength(changed);
  expect((await repository.list('adjustments')).map((r) => r.proposal)).toEqual(Array(changed).fill(proposals[0].id));

  // Single-user: nobody else exists to approve a reversal, so Revert writes the budget back at once,
  // as the card says; it needs a comment.
  expect(screen.getByTestId('proposal').textContent).toContain(
    'Revert writes the amounts before back into the budget cells at once.',
  );
  fireEvent.click(button(screen.getByTestId('proposal'), 'Revert'));
  await within(screen.getByTestId('proposal')).findByText(/a comment saying why is required/);
  fireEvent.change(screen.getByLabelText(`Comment on ${proposals[0].id}`), {
    target: { value: 'board asked to wait' },
  });
  fireEvent.click(button(screen.getByTestId('proposal'), 'Revert'));
  await waitFor(() => expect(screen.getByTestId('proposal').getAttribute('data-state')).toBe('reverted'));
  expect(workbook.selection!.values.slice(1).map((r) => r[4])).toEqual([120000, 72000, 96000, 144000, 48000, 36000]);
  // A reverted move did not happen: the memory forgets it.
  expect(await repository.list('adjustments')).toEqual([]);
  const { audit } = await loadProposals(repository);
  expect(audit.map((a) => [a.action, a.note ?? ''])).toEqual([
    ['approve', 'self-approved (single-user mode)'],
    ['apply', ''],
    ['revert', ''],
  ]);
}, 150000);

it('a KPI defined in the pane aims the allocation: linked lines return, and the front trades return for risk', async () => {
  const { repository, workbook } = await openProposals();
  fireEvent.click(screen.getByRole('button', { name: 'Edit MKT-EVENTS' }));
  expect(((await screen.findByLabelText('Return/unit of MKT-EVENTS')) as HTMLInputElement).value).toBe('0');
  expect(screen.getByTestId('allocation-reason').textContent).toBe('no KPI linked');

  // Save refuses a KPI without its series, next to the field.
  fireEvent.change(screen.getByLabelText('KPI name'), { target: { value: 'Leads' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
  await screen.findByText('Read the target and actual from a selection first.');

  workbook.selection = { address: 'KPI!A1:M2', values: sampleKpiRows() };
  fireEvent.click(screen.getByRole('button', { name: 'Read target and actual from selection' }));
  await screen.findByText('12 periods read (11 actuals).');
  fireEvent.change(screen.getByLabelText('Unit'), { target: { value: 'leads' } });
  fireEvent.change(screen.getByLabelText('KPI priority'), { target: { value: '2' } });
  fireEvent.click(screen.getByLabelText('MKT-EVENTS'));
  fireEvent.click(screen.getByLabelText('IT-CLOUD'));
  fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
  await waitFor(() =>
    expect(screen.getByRole('list', { name: 'KPIs' }).textContent).toMatch(
      /^Leads \(leads, higher is better, priority 2, 11 actuals\) ← MKT-EVENTS, IT-CLOUD/,
    ),
  );
  expect(await repository.list('kpis')).toEqual([
    expect.objectContaining({
      id: 'Leads',
      priority: 2,
      links: [expect.objectContaining({ line: 'MKT-EVENTS' }), expect.objectContaining({ line: 'IT-CLOUD' })],
    }),
  ]);
  // The defaults are recomputed (the table is rebuilt, its panel closed): open the line again.
  await waitFor(() => expect(screen.queryByTestId('allocation-panel')).toBeNull(), { timeout: 10000 });
  fireEvent.click(screen.getByRole('button', { name: 'Edit MKT-EVENTS' }));
  expect(Number((screen.getByLabelText('Return/unit of MKT-EVENTS') as HTMLInputElement).value)).toBeGreaterThan(0);
  expect(Number((screen.getByLabelText('Risk of MKT-EVENTS') as HTMLInputElement).value)).toBeGreaterThan(0);
  expect(screen.getByTestId('allocation-reason').textContent).toMatch(
    /^KPI Leads: response estimated from history: linear chosen by AICc/,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Edit OPS-TRAIN' }));
  expect((screen.getByLabelText('Return/unit of OPS-TRAIN') as HTMLInputElement).value).toBe('0');

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Find candidates' }));
  });
  const candidates = await screen.findByTestId('candidates', {}, { timeout: 20000 });
  const count = within(candidates).getAllByRole('button', { name: /^Candidate \d$/ }).length;
  expect(count).toBeGreaterThanOrEqual(2);
  expect(candidates.getAttribute('data-front')).toBe('front');
  expect(within(candidates).getByRole('img', { name: /^KPI attainment gained against risk/ })).toBeTruthy();
  // Numbered left to right (least risk first), and the highest return is chosen first: the last.
  const xs = [...candidates.querySelectorAll('[data-point]')].map((g) => Number(g.getAttribute('data-x')));
  expect(xs).toEqual([...xs].sort((a, b) => a - b));
  expect(
    within(candidates)
      .getByRole('button', { name: `Candidate ${count}` })
      .getAttribute('aria-pressed'),
  ).toBe('true');
  // Return and risk in points of KPI attainment.
  expect(within(candidates).getByTestId('trade-off').textContent).toMatch(
    /^Highest return: \+\d+\.\d pts of KPI attainment, risk \d+\.\d pts, moving [\d,]+\.$/,
  );
  // The highest return (chosen first, the last) moves money toward the KPI's line.
  const table = within(candidates).getByRole('table', { name: `Candidate ${count} before and after` });
  expect(table.textContent).toContain('MKT-EVENTS');

  fireEvent.click(screen.getByRole('button', { name: 'Remove KPI Leads' }));
  await waitFor(async () => expect(await repository.list('kpis')).toEqual([]));
}, 150000);

it('a line linked to two KPIs: the links list and its explanation show both, and its priority is theirs summed', async () => {
  const repository = createMemoryRepository();
  const series = readKpiSeries(sampleKpiRows());
  const base = { ownerCostCentre: 'MKT', unit: 'leads', direction: 'higher' as const, ...series };
  await repository.put('kpis', {
    ...base,
    id: 'Leads',
    name: 'Leads',
    priority: 2,
    links: [
      { line: 'MKT-EVENTS', kpi: 'Leads' },
      { line: 'IT-CLOUD', kpi: 'Leads' },
    ],
  });
  await repository.put('kpis', {
    ...base,
    id: 'Revenue',
    name: 'Revenue',
    unit: 'EUR',
    priority: 1,
    links: [{ line: 'MKT-EVENTS', kpi: 'Revenue', response: { perUnit: 0.02, sd: 0.005 } }],
  });
  await openProposals(undefined, repository);
  const links = await screen.findByTestId('kpi-links', {}, { timeout: 10000 });
  expect([...links.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
    'MKT-EVENTS → Leads (priority 2), Revenue (priority 1)',
    'IT-CLOUD → Leads (priority 2)',
  ]);
  // Each line drawn whole (plain text broke at its hyphen).
  expect([...links.querySelectorAll('li')].map((li) => li.querySelector('[data-line-id]')?.textContent)).toEqual([
    'MKT-EVENTS',
    'IT-CLOUD',
  ]);
  fireEvent.click(screen.getByRole('button', { name: 'Edit MKT-EVENTS' }));
  const reason = (await screen.findByTestId('allocation-reason', {}, { timeout: 10000 })).textContent ?? '';
  expect(reason).toMatch(
    /^2 KPIs: Leads \(priority 2, [-0-9.e+]+\/unit\): response estimated from history: linear chosen by AICc.*; Revenue \(priority 1, [-0-9.e+]+\/unit\): response entered by hand: 0\.02 EUR per unit of spend \(sd 0\.005\); return = priority-weighted sum /,
  );
  expect((screen.getByLabelText('Priority of MKT-EVENTS') as HTMLInputElement).value).toBe('3');
  fireEvent.click(screen.getByRole('button', { name: 'Edit IT-CLOUD' }));
  expect(screen.getByTestId('allocation-reason').textContent).toMatch(
    /^KPI Leads: response estimated from history: linear chosen by AICc/,
  );
}, 60000);
