import { fpaErrorOf as errorOf } from '../../fpa-error-of';
import { runScenario } from '../../../src/scenario/run';
import { evaluateAtPoint } from '../../../src/scenario/workbook-model/point-value';
import { translateWorkbookModel } from '../../../src/scenario/workbook-model/translate';
import type { SourceCell } from '../../../src/scenario/workbook-model/translate';
import { SAMPLE_DRIVERS, SAMPLE_OUTPUTS, SampleInputs, sampleSource, sampleValues } from './sample-workbook';

const BASE: SampleInputs = { price: 130, volume: 50000, unitCost: 55, inflation: 0.03 };
const request = { outputs: SAMPLE_OUTPUTS, drivers: SAMPLE_DRIVERS };
const point = (x: SampleInputs) => ({
  price: x.price,
  volume: x.volume,
  unit_cost: x.unitCost,
  inflation: x.inflation,
});
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('translateWorkbookModel on the 3-sheet sample', () => {
  const t = translateWorkbookModel(sampleSource(BASE), request);

  test('lines in dependency order, outputs named, the rest named after their cells', () => {
    expect(t.lines.map((l) => [l.name, l.cell, l.output])).toEqual([
      ['Model_B1', 'Model!B1', false],
      ['Cost_sheet_B1', "'Cost sheet'!B1", false],
      ['Cost_sheet_B3', "'Cost sheet'!B3", false],
      ['Cost_sheet_B5', "'Cost sheet'!B5", false],
      ['Model_B2', 'Model!B2', false],
      ['Model_B3', 'Model!B3', false],
      ['Model_B4', 'Model!B4', false],
      ['net', 'Model!B5', true],
      ['payment', 'Model!B6', true],
      ['Model_B7', 'Model!B7', true],
      ['npv', 'Model!B8', true],
    ]);
    expect(t.bindings).toEqual([
      { driver: 'price', cell: 'Inputs!B1' },
      { driver: 'volume', cell: 'Inputs!B2' },
      { driver: 'unit_cost', cell: 'Inputs!B3' },
      { driver: 'inflation', cell: 'Inputs!B5' },
    ]);
    // The salaries, the tax rate (through the defined name TaxRate); the blank rent is skipped by SUM.
    expect(t.constants).toEqual([
      { cell: "'Cost sheet'!B2", value: 2000000 },
      { cell: 'Inputs!B4', value: 0.22 },
    ]);
    expect(t.lines.find((l) => l.cell === "'Cost sheet'!B5")!.expression).toBe(
      'SUM(Cost_sheet_B1, 2000000, Cost_sheet_B3)',
    );
  });

  test("Excel's precedence survives: =-Inputs!B5^2*B1 squares the negated inflation", () => {
    expect(t.lines.find((l) => l.name === 'Model_B7')!.expression).toBe('(((-inflation) ^ 2) * Model_B1)');
  });

  test.each([
    ['the workbook as it is', BASE],
    ['a loss (no tax)', { price: 60, volume: 40000, unitCost: 58, inflation: 0.05 }],
    ['large volume', { price: 141.5, volume: 123456, unitCost: 49.25, inflation: 0.011 }],
  ])('at the drivers’ point values it gives what the workbook shows: %s', (_, x) => {
    // The translation is made once; each point is what recalculating the workbook there gives.
    const at = evaluateAtPoint(t.model, point(x));
    const excel = sampleValues(x);
    expect(close(at.net, excel.net)).toBe(true);
    expect(close(at.payment, excel.payment)).toBe(true);
    expect(close(at.Model_B7, excel.check)).toBe(true);
    expect(close(at.npv, excel.npv)).toBe(true);
    expect(close(at.Cost_sheet_B5, excel.total)).toBe(true);
  });

  test('the translated model runs as a scenario over the bound drivers', () => {
    const r = runScenario({
      drivers: [
        { name: 'price', distribution: 'normal', params: { mean: 130, sd: 10 } },
        { name: 'volume', distribution: 'lognormal', params: { mean: 50000, sd: 12000 } },
        { name: 'unit_cost', distribution: 'triangular', params: { min: 40, mode: 55, max: 75 } },
        { name: 'inflation', distribution: 'uniform', params: { min: 0.01, max: 0.06 } },
      ],
      model: t.model,
      iterations: 2000,
      percentiles: [50],
    });
    expect(Object.keys(r.outputs)).toEqual(t.lines.map((l) => l.name));
    expect(r.outputs.net.percentiles['50']).toBeGreaterThan(0);
  });
});

describe('what cannot be translated is named with its cell, never guessed', () => {
  const withCell = (address: string, formula: string | null, value: SourceCell['value'] = 0) =>
    sampleSource(BASE, { [address]: { formula, value } });
  test.each([
    ['Model!B3', '=VLOOKUP(B1, Inputs!A1:B5, 2)', /^Cell Model!B3: .*VLOOKUP, which a model cannot translate/],
    ['Model!B3', '=B1-B2&"x"', /^Cell Model!B3: the formula .* uses the text "x"/],
    ['Model!B3', '=B1-Margin', /^Cell Model!B3: .*"Margin", which is not a defined name or a cell/],
    ['Model!B3', '=B1-SUM(A:A)', /^Cell Model!B3: .*whole-column or whole-row reference A:A; give a block/],
    ['Model!B3', '=B1-SUM(Inputs!$2:$2)', /^Cell Model!B3: .*whole-column or whole-row reference Inputs!\$2:\$2/],
    ['Model!B3', '=B1-Other!B2', /^Cell Model!B3: it refers to the sheet "Other", which does not exist/],
    ['Model!B3', '=B1-B2:B3', /^Cell Model!B3: .*a range where one value is expected/],
    ['Model!B3', '=B5+1', /^Cell Model!B5: it is part of a circular reference \(Model!B5 → Model!B3 → Model!B5\)/],
    ['Model!B3', '=B1-A2', /^Cell Model!A2: it holds the text "Costs"/],
    ['Model!B3', '=B1-B2 && 1', /^Cell Model!B3: the formula .* uses "&&", which Excel formulas do not have/],
    ['Model!B3', '=B1-(B2', /^Cell Model!B3: the formula =B1-\(B2 cannot be read as arithmetic/],
  ])('%s %s', (address, formula, message) => {
    const e = errorOf(() => translateWorkbookModel(withCell(address, formula), request));
    expect(e.code).toBe('SCENARIO_UNTRANSLATABLE');
    expect(e.message).toMatch(message);
  });

  test('an output that is a constant or a driver, and an address that is not one cell', () => {
    expect(errorOf(() => translateWorkbookModel(withCell('Model!B5', null, 3), request)).message).toMatch(
      /^Cell Model!B5: it holds a constant/,
    );
    expect(
      errorOf(() => translateWorkbookModel(sampleSource(BASE), { ...request, outputs: [{ cell: 'Inputs!B1' }] }))
        .message,
    ).toMatch(/bound to a driver/);
    expect(
      errorOf(() => translateWorkbookModel(sampleSource(BASE), { ...request, outputs: [{ cell: 'B5' }] })).code,
    ).toBe('SCENARIO_BAD_SPEC');
  });

  test('ranges in SUM, AVERAGE, MIN, MAX skip blanks and text; a big range folds into nested calls', () => {
    const source = sampleSource(BASE);
    const wide = {
      ...source,
      cell: (sheet: string, row: number, column: number): SourceCell | undefined =>
        sheet === 'Wide'
          ? row < 600 && column === 0
            ? { formula: null, value: row + 1 }
            : { formula: null, value: null }
          : source.cell(sheet, row, column),
    };
    const one = (formula: string) =>
      translateWorkbookModel(
        {
          ...wide,
          cell: (s, r, c) => (s === 'Model' && r === 9 && c === 1 ? { formula, value: 0 } : wide.cell(s, r, c)),
        },
        { outputs: [{ cell: 'Model!B10', name: 'y' }], drivers: [] },
      );
    expect(evaluateAtPoint(one('=SUM(Wide!A1:B600)').model, {}).y).toBe(180300);
    expect(evaluateAtPoint(one('=AVERAGE(Wide!A1:A600)').model, {}).y).toBe(300.5);
    expect(evaluateAtPoint(one('=MAX(Wide!A1:A600) - MIN(Wide!A2:A600)').model, {}).y).toBe(598);
    expect(evaluateAtPoint(one('=AVERAGE(Inputs!A1:B2)').model, {}).y).toBe(25065);
  });
});
