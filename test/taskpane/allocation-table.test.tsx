/**
 * The allocation inputs' table writes every amount in one style: where a line's new budget may end is
 * in full like its budget beside it ("to 81,732", not "≤ 81.7K"), in the user's locale, and in words a
 * budget owner reads at once: "134,268 to 144,000", not the inputs "±20% ≥ 134,268" to combine.
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

/** Budget and "New budget" as each row shows them. */
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

test('the range is where the new budget may end (its bounds within ± its change limit), in full amounts', () => {
  expect(shown('en-US')).toEqual([
    ['96,000', '76,800 to 81,732'],
    ['120,000', '134,268 to 144,000'],
    ['48,000', '38,400 to 52,124'],
    ['96,000', 'locked'],
  ]);
});

test('a range without a top, one that allows no move, and bounds that exclude each other say so', () => {
  render(
    <NumbersProvider style={{ locale: 'en-US' }}>
      <AllocationTable
        rows={[
          row('A', { maxChangePct: Infinity, min: 1000 }),
          row('B', { maxChangePct: 0 }),
          row('C', { min: 130000 }),
        ]}
        onChange={() => undefined}
      />
    </NumbersProvider>,
  );
  const cells = within(screen.getByRole('table', { name: 'Allocation inputs' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.children[2].textContent);
  expect(cells).toEqual(['1,000 or more', 'stays at 96,000', 'none: its bounds exclude each other']);
});

test('in the user’s locale, with no short scale (K, Tsd.) anywhere in the table', () => {
  const cells = shown('de-DE');
  expect(cells[2]).toEqual(['48.000', '38.400 to 52.124']);
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
  expect(parts).toEqual(['38,400', 'to 52,124']);
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
