import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ModelEditor } from '../../taskpane/components/drivers/ModelEditor';

function setup(expressions: string) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ModelEditor expressions={expressions} driverNames={['price', 'volume']} onSave={() => undefined} />
    </FluentProvider>,
  );
  return screen.getByLabelText('Model expressions');
}

describe('ModelEditor', () => {
  it('shows no error on an empty box before anything is typed, only how to fill it', () => {
    setup('');
    expect(screen.queryByText('Write at least one line "name = expression".')).toBeNull();
    expect(screen.getByText('One line per output: name = expression over the drivers.')).toBeTruthy();
  });

  it('says what is wrong once the user has typed, and lists the outputs when right', () => {
    const box = setup('');
    fireEvent.change(box, { target: { value: 'revenue = price *' } });
    expect(screen.queryByText('One line per output: name = expression over the drivers.')).toBeNull();
    expect(screen.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(box, { target: { value: '' } });
    expect(screen.getByText('Write at least one line "name = expression".')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'revenue = price * volume' } });
    expect(screen.getByText('Outputs: revenue')).toBeTruthy();
  });
});
