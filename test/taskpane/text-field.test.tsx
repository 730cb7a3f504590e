/** TextField: the label names the box, the hint and what to fix show under it, and typing reports the text. */
import { fireEvent, render, screen } from '@testing-library/react';
import { TextField } from '../../taskpane/components/shared/TextField';

test('the label names the box; typing reports the new text', () => {
  const typed: string[] = [];
  render(<TextField label="Opening cash" hint="An amount" value="0" onChange={(v) => typed.push(v)} />);
  const box = screen.getByRole('textbox', { name: 'Opening cash' }) as HTMLInputElement;
  expect(box.value).toBe('0');
  expect(screen.getByText('An amount')).toBeTruthy();
  fireEvent.change(box, { target: { value: '1 200' } });
  expect(typed).toEqual(['1 200']);
});

test('a validation message marks the box invalid; without one it is valid', () => {
  const { rerender } = render(
    <TextField label="Alpha" value="2" onChange={() => {}} validationMessage="Alpha is a probability" />,
  );
  expect(screen.getByRole('textbox', { name: 'Alpha' }).getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByText('Alpha is a probability')).toBeTruthy();
  rerender(<TextField label="Alpha" value="0.05" onChange={() => {}} />);
  expect(screen.getByRole('textbox', { name: 'Alpha' }).getAttribute('aria-invalid')).not.toBe('true');
  expect(screen.queryByText('Alpha is a probability')).toBeNull();
});

test('the box takes its extra props (input mode, placeholder) and the field its class', () => {
  const { container } = render(
    <TextField
      label="Name"
      value=""
      onChange={() => {}}
      className="grow"
      box={{ inputMode: 'decimal', placeholder: 'Reforecast March' }}
    />,
  );
  const box = screen.getByRole('textbox', { name: 'Name' });
  expect(box.getAttribute('inputmode')).toBe('decimal');
  expect(box.getAttribute('placeholder')).toBe('Reforecast March');
  expect(container.querySelector('.grow')).not.toBeNull();
});
