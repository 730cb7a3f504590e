/**
 * The correlation editor: the upper triangle is edited and mirrored below, a matrix that is not
 * positive definite shows the nearest valid one with its changed entries in bold, and Save gives the
 * matrix the engine will use.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CorrelationEditor } from '../../taskpane/components/drivers/CorrelationEditor';
import { NumbersProvider } from '../../taskpane/state/numbers';

function setup(onSave = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <CorrelationEditor names={['a', 'b', 'c']} onSave={onSave} />
    </FluentProvider>,
  );
  return onSave;
}

const entry = (a: string, b: string, value: string) =>
  fireEvent.change(screen.getByLabelText(`Correlation ${a} × ${b}`), { target: { value } });

describe('CorrelationEditor', () => {
  it('mirrors an entry below the diagonal and saves the symmetric matrix', () => {
    const onSave = setup();
    entry('a', 'b', '0.5');
    const rows = within(screen.getByRole('table', { name: 'Rank correlation matrix' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['abc', 'a1', 'b0.51', 'c001']);
    expect(screen.queryByRole('table', { name: 'Repaired matrix' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save correlations' }));
    expect(onSave).toHaveBeenCalledWith({
      names: ['a', 'b', 'c'],
      matrix: [
        [1, 0.5, 0],
        [0.5, 1, 0],
        [0, 0, 1],
      ],
    });
  });

  it('shows the nearest valid matrix as a table, its changed entries in bold', () => {
    setup();
    // a and b move together, a and c together, yet b and c opposite: no such three variables exist.
    entry('a', 'b', '0.9');
    entry('a', 'c', '0.9');
    entry('b', 'c', '-0.9');
    const repaired = screen.getByRole('table', { name: 'Repaired matrix' });
    const changed = repaired.querySelectorAll('td[data-changed="yes"]');
    expect(changed.length).toBe(6); // every off-diagonal entry moves; the diagonal stays 1
    changed.forEach((cell) => expect(cell.querySelector('strong')).not.toBeNull());
    expect(within(repaired).getAllByRole('row')).toHaveLength(4);
    // The largest change is written at the entries' precision: 0.9 became 0.500 (0.4000 before).
    expect(within(repaired).getAllByRole('row')[1].textContent).toBe('a1.0000.5000.500');
    // Said as a warning bar, as the run says the same repair in Scenarios.
    const warning = screen.getByTestId('correlation-repaired');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.className).toMatch(/fui-MessageBar/);
    expect(warning.textContent).toMatch(/largest change 0\.400 \(changed entries in bold\)/);
  });

  it('opens a saved matrix in the pane’s locale: a German pane reads "0,9", not "0.9" it would refuse', () => {
    const onSave = jest.fn();
    render(
      <NumbersProvider style={{ locale: 'de-DE' }}>
        <CorrelationEditor
          names={['a', 'b']}
          value={{
            names: ['a', 'b'],
            matrix: [
              [1, -0.9],
              [-0.9, 1],
            ],
          }}
          onSave={onSave}
        />
      </NumbersProvider>,
    );
    expect((screen.getByLabelText('Correlation a × b') as HTMLInputElement).value).toBe('-0,9');
    const rows = within(screen.getByRole('table', { name: 'Rank correlation matrix' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['ab', 'a1', 'b\u22120,91']);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save correlations' }));
    expect(onSave).toHaveBeenCalledWith({
      names: ['a', 'b'],
      matrix: [
        [1, -0.9],
        [-0.9, 1],
      ],
    });
  });
});
