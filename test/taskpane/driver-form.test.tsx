import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { DriverForm } from '../../taskpane/components/drivers/DriverForm';

function setup(onSave = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <DriverForm otherNames={['volume']} onSave={onSave} onCancel={() => undefined} />
    </FluentProvider>,
  );
  return onSave;
}

const type = (label: string | RegExp, value: string) => {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};

describe('DriverForm', () => {
  it("shows the engine's message next to the parameter at fault", () => {
    const onSave = setup();
    type(/^Name/, 'price');
    type(/^mean/, '130');
    type(/^sd/, '-1');
    // Same text as makeDistribution('price', 'normal', { mean: 130, sd: -1 }) throws.
    expect(screen.getByText('Driver "price": normal: sd must be > 0; got -1.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save driver' }));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('rejects a duplicate or invalid name', () => {
    setup();
    type(/^Name/, 'Volume');
    expect(screen.getByText('the name "Volume" is used twice.')).toBeTruthy();
    type(/^Name/, '2x');
    expect(screen.getByText(/^"2x" is not a valid name: use a letter or _/)).toBeTruthy();
  });

  it('places an ordering error of PERT on min, and shows a preview with P5/P50/P95 once valid', () => {
    const onSave = setup();
    type(/^Name/, 'cost');
    fireEvent.change(screen.getByRole('combobox', { name: /Distribution/ }), { target: { value: 'pert' } });
    type(/^min/, '10');
    type(/^mode/, '5');
    type(/^max/, '20');
    expect(
      screen.getByText('Driver "cost": PERT: min must be ≤ mode ≤ max with min < max (got 10, 5, 20).'),
    ).toBeTruthy();
    type(/^mode/, '12');
    const preview = screen.getByRole('img');
    expect(preview.getAttribute('aria-label')).toMatch(
      /^Preview of cost: P5 \S+, P50 \S+, P95 \S+; from \S+ to \S+\.$/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save driver' }));
    expect(onSave).toHaveBeenCalledWith({ name: 'cost', distribution: 'pert', params: { min: 10, mode: 12, max: 20 } });
  });

  it('writes the preview’s P5, P50 and P95 at one precision, chosen from their range', () => {
    setup();
    type(/^Name/, 'price');
    type(/^mean/, '100');
    type(/^sd/, '10');
    // P5 83.55 and P95 116.45 each at its own precision read "P5 83.55" beside "P95 116".
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(
      /^Preview of price: P5 84, P50 100, P95 116; from \d+ to \d+\.$/,
    );
    type(/^mean/, '10');
    type(/^sd/, '1');
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(
      /^Preview of price: P5 8\.4, P50 10\.0, P95 11\.6; from \d+\.\d to \d+\.\d\.$/,
    );
    const labels = [...document.querySelectorAll('[data-marker]')].map((e) => e.textContent);
    expect(labels).toEqual(['P5 8.4', 'P50 10.0', 'P95 11.6']);
  });
});
