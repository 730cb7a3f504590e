/**
 * readOfficeCells against a hand-made Excel context: used ranges are padded to A1, formulas are kept
 * only where a cell holds one, empty strings are blanks, and defined names come with their formulas.
 */
import { readOfficeCells } from '../../taskpane/workbook/office-cells';

function context() {
  let syncs = 0;
  const used = (rowIndex: number, columnIndex: number, formulas: unknown[][], values: unknown[][]) => ({
    load: () => undefined,
    isNullObject: false,
    rowIndex,
    columnIndex,
    formulas,
    values,
  });
  const sheets = [
    { name: 'Inputs', range: used(0, 1, [[130], ['']], [[130], ['']]) },
    { name: 'Model', range: used(1, 0, [['=Inputs!B1*2', 'note']], [[260, 'note']]) },
    { name: 'Empty', range: { load: () => undefined, isNullObject: true } },
  ];
  const ctx = {
    workbook: {
      worksheets: {
        load: () => undefined,
        items: sheets.map((s) => ({ name: s.name, getUsedRangeOrNullObject: () => s.range })),
      },
      names: { load: () => undefined, items: [{ name: 'Rate', formula: '=Inputs!$B$1' }] },
    },
    sync: async () => {
      syncs++;
    },
  };
  return { ctx, syncs: () => syncs };
}

describe('readOfficeCells', () => {
  it('reads every sheet padded to A1, with formulas, values and the defined names, in two syncs', async () => {
    const { ctx, syncs } = context();
    const cells = await readOfficeCells((batch) => batch(ctx as never));
    const blank = { formula: null, value: null };
    expect(cells.sheets).toEqual({
      Inputs: [
        [blank, { formula: null, value: 130 }],
        [blank, blank],
      ],
      Model: [
        [],
        [
          { formula: '=Inputs!B1*2', value: 260 },
          { formula: null, value: 'note' },
        ],
      ],
      Empty: [],
    });
    expect(cells.names).toEqual({ Rate: '=Inputs!$B$1' });
    expect(syncs()).toBe(2);
  });
});
