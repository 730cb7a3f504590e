import { agrees, checkAtPoint, POINT_TOLERANCE } from '../../../src/scenario/workbook-model/point-check';
import { workbookModelSource } from '../../../src/scenario/workbook-model/sheet-source';
import { translateWorkbookModel } from '../../../src/scenario/workbook-model/translate';
import { SAMPLE_DRIVERS, SAMPLE_OUTPUTS, sampleCells } from './sample-workbook';

const request = { outputs: SAMPLE_OUTPUTS, drivers: SAMPLE_DRIVERS };

describe('checkAtPoint', () => {
  test('the documented example', () => {
    const fixed = workbookModelSource({
      sheets: {
        Inputs: [
          [
            { formula: null, value: 'x' },
            { formula: null, value: 10 },
          ],
        ],
        Model: [[{ formula: '=Inputs!B1*2', value: 20 }]],
      },
      names: {},
    });
    const t = translateWorkbookModel(fixed, {
      outputs: [{ cell: 'Model!A1', name: 'y' }],
      drivers: [{ cell: 'Inputs!B1', name: 'x' }],
    });
    expect(checkAtPoint(fixed, t).lines[0]).toEqual({
      name: 'y',
      cell: 'Model!A1',
      workbook: 20,
      model: 20,
      matches: true,
    });
    expect(checkAtPoint(fixed, t).ok).toBe(true);
  });

  test.each([
    { price: 130, volume: 50000, unitCost: 55, inflation: 0.03 },
    { price: 60, volume: 40000, unitCost: 58, inflation: 0.05 },
    { price: 141.5, volume: 123456, unitCost: 49.25, inflation: 0.011 },
  ])('on the 3-sheet sample every translated cell matches what the workbook shows (%o)', (x) => {
    const source = workbookModelSource(sampleCells(x));
    const check = checkAtPoint(source, translateWorkbookModel(source, request));
    expect(check.ok).toBe(true);
    expect(check.drivers).toEqual([
      { driver: 'price', cell: 'Inputs!B1', value: x.price },
      { driver: 'volume', cell: 'Inputs!B2', value: x.volume },
      { driver: 'unit_cost', cell: 'Inputs!B3', value: x.unitCost },
      { driver: 'inflation', cell: 'Inputs!B5', value: x.inflation },
    ]);
    expect(check.lines).toHaveLength(11);
  });

  test('a workbook value that differs (a stale or hand-typed result) is reported, not hidden', () => {
    const cells = sampleCells({ price: 130, volume: 50000, unitCost: 55, inflation: 0.03 });
    const model = cells.sheets.Model.map((row) => [...row]);
    model[4][1] = { formula: '=ROUND(B3-B4, 0)', value: 12345 };
    const source = workbookModelSource({ ...cells, sheets: { ...cells.sheets, Model: model } });
    const check = checkAtPoint(source, translateWorkbookModel(source, request));
    expect(check.ok).toBe(false);
    expect(check.lines.filter((l) => !l.matches).map((l) => [l.cell, l.workbook])).toEqual([['Model!B5', 12345]]);
  });

  test('a driver cell without a number fails the check (NaN through the model)', () => {
    const cells = sampleCells({ price: 130, volume: 50000, unitCost: 55, inflation: 0.03 });
    const inputs = cells.sheets.Inputs.map((row) => [...row]);
    inputs[0][1] = { formula: null, value: 'n/a' };
    const source = workbookModelSource({ ...cells, sheets: { ...cells.sheets, Inputs: inputs } });
    const check = checkAtPoint(source, translateWorkbookModel(source, request));
    expect(check.drivers[0]).toEqual({ driver: 'price', cell: 'Inputs!B1', value: null });
    expect(check.ok).toBe(false);
  });

  test('agrees: relative tolerance, huge magnitudes, NaN never agrees', () => {
    expect(agrees(1, 1 + POINT_TOLERANCE / 2)).toBe(true);
    expect(agrees(1, 1 + 1e-6)).toBe(false);
    expect(agrees(1e300, 1e300 * (1 + 1e-12))).toBe(true);
    expect(agrees(0, 1e-12)).toBe(true);
    expect(agrees(Number.NaN, Number.NaN)).toBe(false);
  });
});
