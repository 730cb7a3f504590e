/**
 * The Proposals view writes its amounts with the pane's one formatter, in the user's locale (it had
 * its own en-US rounding: "21,562" in a German pane), and counts in words a reader expects ("1 line",
 * "One candidate", not "1 line(s)" and "1 candidates").
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { openView } from './open-view';
import { renderPane } from './render-pane';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { sampleSheet } from '../../taskpane/review/sample-sheet';
import { formatNumber } from '../../src/format';

it('shows the flags pool in the locale with counted lines, and says why a flags-only candidate has no front', async () => {
  const workbook = createWorkbookDouble({ selection: { address: 'Budget!A1:AC7', values: sampleSheet() } });
  renderPane(undefined, {
    workbook,
    initialTab: 'anomalies',
    solver: glpkNodeSolver,
    numberStyle: { locale: 'de-DE' },
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Scan selection' }, { timeout: 10000 }));
  await screen.findByText(/^6 lines over 12 periods/, {}, { timeout: 10000 });
  await openView('Proposals');
  const pool = (await screen.findByTestId('flag-pool', {}, { timeout: 10000 })).textContent ?? '';
  // The sample's IT-LIC opportunity releases its year-end landing (21,562 in en-US).
  expect(pool).toContain(`${formatNumber(21562, 'money', { locale: 'de-DE' })} released by 1 line,`);
  expect(pool).toMatch(/asked for by 1 line\.$/);
  expect(pool).not.toMatch(/\d,\d{3}/);
  // The line's reason, built in src/, reads alike (it said "severity 0.80): releases 21,562" in every locale).
  fireEvent.click(screen.getByRole('button', { name: 'Edit IT-LIC' }));
  expect(screen.getByTestId('allocation-reason').textContent).toMatch(
    /^opportunity flag \(severity 0,\d\d\): releases 21\.562; no KPI linked$/,
  );
  // The panel's heading and cost centre drawn whole (plain text broke at the hyphen).
  const panel = screen.getByTestId('allocation-panel');
  expect([...panel.querySelectorAll('[data-line-id]')].map((e) => e.textContent)).toEqual(['IT-LIC', 'IT']);
  fireEvent.click(within(panel).getByRole('button', { name: 'Done' }));
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Find candidates' }));
  });
  const candidates = await screen.findByTestId('candidates', {}, { timeout: 20000 });
  // No KPI: the one candidate only balances the flags, and says so with its amount in the locale.
  expect(candidates.getAttribute('data-front')).toBe('no-return');
  const said = within(candidates).getByTestId('trade-off').textContent ?? '';
  expect(said).toMatch(
    /^Moves \d{1,3}(\.\d{3})* between lines to meet the flags; no line has a KPI return to weigh\.$/,
  );
}, 60000);
