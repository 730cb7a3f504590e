import { cellNumber, workbookModelSource } from '../../../src/scenario/workbook-model/sheet-source';
import { translateWorkbookModel } from '../../../src/scenario/workbook-model/translate';
import { SAMPLE_DRIVERS, SAMPLE_OUTPUTS, sampleCells, sampleSource } from './sample-workbook';

const BASE = { price: 130, volume: 50000, unitCost: 55, inflation: 0.03 };

describe('workbookModelSource', () => {
  const source = workbookModelSource({
    sheets: { Model: [[{ formula: '=1+1', value: 2 }], [], [null as never, { formula: null, value: 'text' }]] },
    names: { Rate: '=0.1' },
  });

  test('the documented example: sheets without case, blanks beyond the used block, no sheet is undefined', () => {
    expect(source.cell('model', 0, 0)).toEqual({ formula: '=1+1', value: 2 });
    expect(source.cell('Model', 5, 5)).toEqual({ formula: null, value: null });
    expect(source.cell('Model', 1, 0)).toEqual({ formula: null, value: null });
    expect(source.cell('Model', 2, 0)).toEqual({ formula: null, value: null });
    expect(source.cell('Other', 0, 0)).toBeUndefined();
    expect(source.names).toEqual({ Rate: '=0.1' });
  });

  test('cellNumber: numbers only (text, blanks, NaN and infinities are null)', () => {
    expect(cellNumber(source, 'Model', 0, 0)).toBe(2);
    expect(cellNumber(source, 'Model', 2, 1)).toBeNull();
    expect(cellNumber(source, 'Model', 9, 9)).toBeNull();
    expect(cellNumber(source, 'Nope', 0, 0)).toBeNull();
    const odd = workbookModelSource({
      sheets: {
        S: [
          [
            { formula: null, value: Number.NaN },
            { formula: null, value: 1e308 * 10 },
            { formula: null, value: true },
          ],
        ],
      },
      names: {},
    });
    expect([0, 1, 2].map((c) => cellNumber(odd, 'S', 0, c))).toEqual([null, null, null]);
  });

  test('the 3-sample read as grids translates exactly as the sample source does', () => {
    const request = { outputs: SAMPLE_OUTPUTS, drivers: SAMPLE_DRIVERS };
    const fromGrids = translateWorkbookModel(workbookModelSource(sampleCells(BASE)), request);
    expect(fromGrids).toEqual(translateWorkbookModel(sampleSource(BASE), request));
    expect(fromGrids.lines.length).toBe(11);
  });
});
