/** The pane's one before/after table: amounts, the change with its arrow, absent sides and the total. */
import { render, screen, within } from '@testing-library/react';
import { ChangeTable } from '../../taskpane/components/tables/ChangeTable';

test('each line shows both amounts and the signed change with an arrow; equal lines show a dash', () => {
  render(
    <ChangeTable
      label="v1 compared with v2"
      beforeName="v1"
      afterName="v2"
      rows={[
        { key: 'a', label: 'Travel', title: 'CC1', before: 1000, after: 700 },
        { key: 'b', label: 'Rent', before: 500, after: 500 },
        { key: 'c', label: 'New', before: null, after: 250 },
      ]}
      total={{ before: 1500, after: 1450 }}
    />,
  );
  const table = screen.getByRole('table', { name: 'v1 compared with v2' });
  const rows = within(table)
    .getAllByRole('row')
    .map((r) => r.textContent);
  expect(rows).toEqual([
    'Linev1v2Change',
    'Travel1,000700▼−300',
    'Rent500500–',
    'New–250▲+250',
    'Total1,5001,450▼−50.00',
  ]);
  const changed = table.querySelectorAll('[data-changed="yes"]');
  expect(changed).toHaveLength(2);
  expect(within(table).getByText('Travel').getAttribute('title')).toBe('CC1');
});
