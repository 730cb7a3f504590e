/**
 * A before/after table lists the changed lines only unless asked for all (tables/ChangedOnly.tsx): a
 * proposal on the sample company listed its 36 lines, 33 of them unchanged.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { BeforeAfterTable } from '../../taskpane/components/proposals/BeforeAfterTable';

const rows = [
  { id: 'MKT-ADS', costCentre: 'MKT', before: 120000, after: 134268 },
  { id: 'MKT-EVENTS', costCentre: 'MKT', before: 72000, after: 72000 },
  { id: 'IT-LIC', costCentre: 'IT', before: 96000, after: 81732 },
  { id: 'IT-CLOUD', costCentre: 'IT', before: 144000, after: 144000 },
];
const lines = () =>
  within(screen.getByRole('table', { name: 'P-1 before and after' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('[data-line-id]')?.textContent);

test('a proposal shows its changed lines, says how many of all, and shows all on request', () => {
  render(<BeforeAfterTable rows={rows} label="P-1 before and after" />);
  expect(screen.getByText('2 of 4 lines differ.')).toBeTruthy();
  expect(lines()).toEqual(['MKT-ADS', 'IT-LIC']);
  fireEvent.click(screen.getByRole('switch', { name: 'Changed lines only' }));
  expect(lines()).toEqual(['MKT-ADS', 'MKT-EVENTS', 'IT-LIC', 'IT-CLOUD']);
});

test('no switch when every line changed', () => {
  render(<BeforeAfterTable rows={[rows[0], rows[2]]} label="P-1 before and after" />);
  expect(screen.getByText('2 of 2 lines differ.')).toBeTruthy();
  expect(screen.queryByRole('switch')).toBeNull();
  expect(lines()).toEqual(['MKT-ADS', 'IT-LIC']);
});
