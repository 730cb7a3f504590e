/**
 * "Use this workbook's model" in the pane, on the workbook double holding the 3-sheet sample plus its
 * Output sheet: the formulas are read through the workbook interface, shown beside their
 * translation with the driver bindings and the point check, and "Use this model" hands the model on.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { evaluateAtPoint } from '../../src/scenario/workbook-model/point-value';
import { parseOutputCells, WorkbookModel } from '../../taskpane/components/drivers/WorkbookModel';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';
import { sampleValues, sampleWrites } from '../scenario/workbook-model/sample-workbook';

const X = { price: 130, volume: 50000, unitCost: 55, inflation: 0.03 };

async function setup(edit?: (double: ReturnType<typeof createWorkbookDouble>) => void) {
  const workbook = createWorkbookDouble();
  await workbook.applyWrites(sampleWrites(X));
  edit?.(workbook);
  const onUse = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookModel workbook={workbook} driverNames={['price', 'volume', 'unit_cost', 'inflation']} onUse={onUse} />
    </FluentProvider>,
  );
  fireEvent.change(screen.getByLabelText('Output cells'), {
    target: { value: 'net = Output!B1, npv_k = Output!B2; Output!B3' },
  });
  const cells = { price: 'Inputs!B1', volume: 'Inputs!B2', unit_cost: 'Inputs!B3', inflation: 'Inputs!B5' };
  for (const [name, cell] of Object.entries(cells))
    fireEvent.change(screen.getByLabelText(`Cell of ${name}`), { target: { value: cell } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Translate the formulas' })));
  return { workbook, onUse };
}

describe('WorkbookModel', () => {
  it('parses the output list: named or not, separated by commas, semicolons or lines', () => {
    expect(parseOutputCells(' net = Output!B1,Output!B2;\n x=Model!C3 ')).toEqual([
      { name: 'net', cell: 'Output!B1' },
      { cell: 'Output!B2' },
      { name: 'x', cell: 'Model!C3' },
    ]);
    expect(parseOutputCells(' ; ,')).toEqual([]);
  });

  it('shows the formulas beside the translation, the bindings and the point check; Use hands on the model', async () => {
    const { onUse } = await setup();
    const lines = await screen.findAllByTestId('translated-line');
    expect(lines.map((l) => l.getAttribute('data-matches'))).toEqual(lines.map(() => 'true'));
    // Each output's chain in dependency order, the Output sheet's cells last in each.
    expect(lines.map((l) => l.textContent?.split(':')[0])).toEqual([
      'Model!B1',
      "'Cost sheet'!B1",
      "'Cost sheet'!B3",
      "'Cost sheet'!B5",
      'Model!B2',
      'Model!B3',
      'Model!B4',
      'Model!B5',
      'Output!B1',
      'Model!B8',
      'Output!B2',
      'Model!B6',
      'Output!B3',
    ]);
    expect(lines[8].textContent).toContain('net = Model_B5');
    expect(lines[7].textContent).toContain('=ROUND(B3-B4, 0)');
    const bindings = within(screen.getByRole('list', { name: 'Driver bindings' })).getAllByRole('listitem');
    expect(bindings.map((b) => b.textContent)).toEqual([
      'price ← Inputs!B1 (130)',
      'volume ← Inputs!B2 (50,000)',
      'unit_cost ← Inputs!B3 (55)',
      'inflation ← Inputs!B5 (0.03)',
    ]);
    expect(screen.getByText(/the 13 translated cells give what the workbook shows/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use this model' }));
    const model = onUse.mock.calls[0][0] as string;
    const at = evaluateAtPoint(model, { price: 130, volume: 50000, unit_cost: 55, inflation: 0.03 });
    const v = sampleValues(X);
    expect(at.net).toBeCloseTo(v.net, 6);
    expect(at.npv_k).toBeCloseTo(v.npv / 1000, 9);
    expect(at.Output_B3).toBeCloseTo(v.payment, 9);
  });

  it('a stale workbook value is marked and the model cannot be used', async () => {
    await setup((double) => double.store.sheets.get('Output')!.cells.set('0,1', { formula: '=Model!B5', value: 1 }));
    const lines = await screen.findAllByTestId('translated-line');
    expect(
      lines.filter((l) => l.getAttribute('data-matches') === 'false').map((l) => l.textContent?.split(':')[0]),
    ).toEqual(['Output!B1']);
    expect(screen.getByRole('button', { name: 'Use this model' }).hasAttribute('disabled')).toBe(true);
  });

  it('a formula the model cannot translate is named with its cell', async () => {
    await setup((double) =>
      double.store.sheets.get('Model')!.cells.set('2,1', { formula: '=VLOOKUP(B1, B2:B3, 1)', value: 0 }),
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Model!B3.*VLOOKUP/));
  });
});
