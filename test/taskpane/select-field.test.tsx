/** SelectField: the label names the list, each choice shows its label and carries its value, and picking reports the value. */
import { fireEvent, render, screen } from '@testing-library/react';
import { SelectField } from '../../taskpane/components/shared/SelectField';

test('the label names the list; a plain choice is its own label, a pair shows its label and reports its value', () => {
  const picked: string[] = [];
  render(
    <SelectField
      label="Role"
      value="analyst"
      onChange={(v) => picked.push(v)}
      options={['analyst', { value: 'owner', label: 'budget owner' }]}
    />,
  );
  const list = screen.getByRole('combobox', { name: 'Role' }) as HTMLSelectElement;
  expect(list.value).toBe('analyst');
  expect([...list.options].map((o) => [o.value, o.textContent])).toEqual([
    ['analyst', 'analyst'],
    ['owner', 'budget owner'],
  ]);
  fireEvent.change(list, { target: { value: 'owner' } });
  expect(picked).toEqual(['owner']);
});

test('a validation message marks the list invalid; the field and the list take their classes', () => {
  const { container } = render(
    <SelectField
      label="Distribution"
      value="normal"
      onChange={() => {}}
      options={['normal', 'lognormal']}
      validationMessage="Pick a distribution"
      className="grow"
      selectClassName="fill"
    />,
  );
  expect(screen.getByRole('combobox', { name: 'Distribution' }).getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByText('Pick a distribution')).toBeTruthy();
  expect(container.querySelector('.grow')).not.toBeNull();
  expect(container.querySelector('.fill select, select.fill')).not.toBeNull();
});
