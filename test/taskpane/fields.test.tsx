/**
 * The shared form fields. TextField: the label names the box, the hint shows under it, typing reports
 * the text, and the box takes its extra props. SelectField: each choice shows its label and carries
 * its value, and picking reports the value. Both: what to fix marks the control invalid, and the field
 * takes its class.
 */
import type { ReactElement } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { SelectField } from '../../taskpane/components/shared/SelectField';
import { TextField } from '../../taskpane/components/shared/TextField';

test('TextField: the label names the box; typing reports the new text', () => {
  const typed: string[] = [];
  render(<TextField label="Opening cash" hint="An amount" value="0" onChange={(v) => typed.push(v)} />);
  const box = screen.getByRole('textbox', { name: 'Opening cash' }) as HTMLInputElement;
  expect(box.value).toBe('0');
  expect(screen.getByText('An amount')).toBeTruthy();
  fireEvent.change(box, { target: { value: '1 200' } });
  expect(typed).toEqual(['1 200']);
});

test('TextField: the box takes its extra props (input mode, placeholder)', () => {
  render(<TextField label="Name" value="" onChange={() => {}} box={{ inputMode: 'decimal', placeholder: 'Q1' }} />);
  const box = screen.getByRole('textbox', { name: 'Name' });
  expect(box.getAttribute('inputmode')).toBe('decimal');
  expect(box.getAttribute('placeholder')).toBe('Q1');
});

test('SelectField: a plain choice is its own label; a pair shows its label and reports its value', () => {
  const picked: string[] = [];
  render(
    <SelectField
      label="Role"
      value="analyst"
      onChange={(v) => picked.push(v)}
      options={['analyst', { value: 'owner', label: 'budget owner' }]}
      selectClassName="fill"
    />,
  );
  const list = screen.getByRole('combobox', { name: 'Role' }) as HTMLSelectElement;
  expect(list.value).toBe('analyst');
  expect([...list.options].map((o) => [o.value, o.textContent])).toEqual([
    ['analyst', 'analyst'],
    ['owner', 'budget owner'],
  ]);
  expect(list.closest('.fill')).not.toBeNull();
  fireEvent.change(list, { target: { value: 'owner' } });
  expect(picked).toEqual(['owner']);
});

const fields: [string, string, (props: { validationMessage?: string; className?: string }) => ReactElement][] = [
  ['TextField', 'textbox', (props) => <TextField label="Alpha" value="2" onChange={() => {}} {...props} />],
  [
    'SelectField',
    'combobox',
    (props) => <SelectField label="Alpha" value="2" onChange={() => {}} options={['1', '2']} {...props} />,
  ],
];

test.each(fields)('%s: what to fix marks the control invalid; without it, valid', (_name, role, field) => {
  const { rerender } = render(field({ validationMessage: 'Alpha is a probability' }));
  expect(screen.getByRole(role, { name: 'Alpha' }).getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByText('Alpha is a probability')).toBeTruthy();
  rerender(field({}));
  expect(screen.getByRole(role, { name: 'Alpha' }).getAttribute('aria-invalid')).not.toBe('true');
  expect(screen.queryByText('Alpha is a probability')).toBeNull();
});

test.each(fields)('%s: the field takes its class', (_name, _role, field) => {
  const { container } = render(field({ className: 'grow' }));
  expect(container.querySelector('.grow')).not.toBeNull();
});
