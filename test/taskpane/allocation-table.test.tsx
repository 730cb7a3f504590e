/**
 * The allocation inputs' table writes every amount in one style: the range a line may move in is in
 * full like its budget beside it ("≤ 81,732", not "≤ 81.7K"), in the user's locale.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { AllocationRow } from '../../taskpane/review/allocation-input';
import { AllocationTable } from '../../taskpane/components/proposals/AllocationTable';
import { NumbersProvider } from '../../taskpane/state/numbers';

const row = (id: string, patch: Partial<AllocationRow>): AllocationRow => ({
  id,
  costCentre: 'IT',
  current: 96000,
  min: 0,
  max: Infinity,
  locked: false,
  maxChangePct: 0.2,
  rate: 0,
  rateAbove: 0,
  priority: 1,
  risk: 0,
  reason: 'no KPI linked',
  ...patch,
});

const rows = [
  row('IT-LIC', { max: 81732 }),
  row('MKT-ADS', { current: 120000, min: 134268 }),
  row('OPS-TRAVEL', { current: 48000, min: 38400.4, max: 52123.6 }),
  row('OPS-TRAIN', { locked: true }),
];

/** Budget and "May move" as each row shows them. */
function shown(locale: string): string[][] {
  render(
    <NumbersProvider style={{ locale }}>
      <AllocationTable rows={rows} onChange={() => undefined} />
    </NumbersProvider>,
  );
  const table = screen.getByRole('table', { name: 'Allocation inputs' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [1, 2].map((i) => (r.children[i].textContent ?? '').replace(/\u00a0|\u202f/g, ' ')));
}

test('the range is in full amounts, as the budget beside it', () => {
  expect(shown('en-US')).toEqual([
    ['96,000', '±20% ≤ 81,732'],
    ['120,000', '±20% ≥ 134,268'],
    ['48,000', '±20% ≥ 38,400 ≤ 52,124'],
    ['96,000', 'locked'],
  ]);
});

test('in the user’s locale, with no short scale (K, Tsd.) anywhere in the table', () => {
  const cells = shown('de-DE');
  expect(cells[2]).toEqual(['48.000', '±20 % ≥ 38.400 ≤ 52.124']);
  expect(cells.flat().join(' ')).not.toMatch(/\d\s?(K|M|Tsd\.|Mio\.)/);
});

test('each part of a range stays whole when the cell wraps (at 320 px)', () => {
  render(
    <NumbersProvider style={{}}>
      <AllocationTable rows={rows.slice(2, 3)} onChange={() => undefined} />
    </NumbersProvider>,
  );
  const cell = screen.getAllByRole('cell')[2];
  const parts = [...cell.querySelectorAll('span > span')].map((s) => s.textContent);
  expect(parts).toEqual(['±20%', '≥ 38,400', '≤ 52,124']);
  expect(getComputedStyle(cell.querySelector('span > span')!).whiteSpace).toBe('nowrap');
});

test('Edit moves the focus into the line’s panel, and Done gives it back to that row’s Edit', () => {
  render(
    <NumbersProvider style={{ locale: 'en-US' }}>
      <AllocationTable rows={rows} onChange={() => undefined} />
    </NumbersProvider>,
  );
  const edit = screen.getByRole('button', { name: 'Edit MKT-ADS' });
  edit.focus();
  fireEvent.click(edit);
  // The panel comes after the whole table: without this, Tab went through the other rows' Edit first.
  const panel = screen.getByRole('region', { name: 'Edit MKT-ADS' });
  expect(document.activeElement).toBe(panel);
  fireEvent.click(within(panel).getByRole('button', { name: 'Done' }));
  expect(screen.queryByRole('region', { name: 'Edit MKT-ADS' })).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit MKT-ADS' }));
});
