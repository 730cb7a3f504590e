/**
 * The pane reads a range with its merged areas filled (office-workbook.ts `readValues`), driven with
 * office-addin-mock (excel-mock.ts): a cost centre merged over its lines reaches the plan/actual table
 * reader on every line; the merged areas load in the values' sync; an area starting outside the
 * selection costs one sync more; where ExcelApi 1.13 is not supported the range is read as before.
 */
import { readBudgetTable } from '../../../src/sheets/budget-table';
import { createOfficeWorkbook } from '../../../taskpane/workbook/office-workbook';
import { toSheetGrid } from '../../../taskpane/workbook/sheet-grid';
import { excelMock } from './excel-mock';
import type { ExcelMockOptions } from './excel-mock';
import { mergedPlanTable } from '../../sheets/merged-plan';

const settings = () => ({ get: () => null, set: () => undefined, saveAsync: () => undefined });

// A plan/actual table at B3:E7 whose cost centre (column C) is merged over two lines each.
const table = mergedPlanTable;
const merged = ['Plan!C4:C5', 'Plan!C6:C7'];

function open(options: Omit<ExcelMockOptions, 'sheets'>, supported = true) {
  const excel = excelMock({ sheets: [{ name: 'Plan' }], ...options });
  return { excel, workbook: createOfficeWorkbook(excel.run, settings, () => supported) };
}

describe('reading a range with merged cells', () => {
  test('the selection: every line carries its merged cost centre; one sync', async () => {
    const { excel, workbook } = open({ selection: 'Plan!B3:E7', ranges: { 'Plan!B3:E7': { values: table, merged } } });
    const read = await workbook.readSelection();
    expect(read.address).toBe('Plan!B3:E7');
    expect(read.values.map((r) => r[1])).toEqual(['cost centre', 'MKT', 'MKT', 'OPS', 'OPS']);
    // A blank outside the merged areas stays blank (an actual not yet booked).
    expect(read.values[4][3]).toBe('');
    expect(excel.syncs()).toBe(1);
    const lines = readBudgetTable(toSheetGrid(read.values)).lines;
    expect(lines.map((l) => `${l.id}:${l.costCentre}`)).toEqual(['L1:MKT', 'L2:MKT', 'L3:OPS', 'L4:OPS']);
  });

  test('an address and a table by name are read the same way', async () => {
    const { workbook } = open({
      ranges: { 'Plan!B3:E7': { values: table, merged } },
      tables: [{ name: 'fpaLines', sheet: 'Plan', address: 'B3:E7', values: table }],
    });
    expect((await workbook.readRange('Plan!B3:E7')).values[2][1]).toBe('MKT');
    expect((await workbook.readRange('fpaLines')).values[4][1]).toBe('OPS');
  });

  test('an area starting above the selection: its top-left cell is read in one more sync', async () => {
    // The selection B5:E7 (lines L2–L4, no header) starts inside the area C4:C5.
    const { excel, workbook } = open({
      selection: 'Plan!B5:E7',
      ranges: { 'Plan!B5:E7': { values: table.slice(2), merged }, 'Plan!C4': { values: [['MKT']] } },
    });
    const read = await workbook.readSelection();
    expect(read.values.map((r) => r[1])).toEqual(['MKT', 'OPS', 'OPS']);
    expect(excel.syncs()).toBe(2);
  });

  test('no merged areas (the null object): the values as read, one sync', async () => {
    const { excel, workbook } = open({ selection: 'Plan!B3:E7', ranges: { 'Plan!B3:E7': { values: table } } });
    expect((await workbook.readSelection()).values).toEqual(table);
    expect(excel.syncs()).toBe(1);
  });

  test('where ExcelApi 1.13 is not supported, merged areas are not asked for', async () => {
    const { excel, workbook } = open(
      { selection: 'Plan!B3:E7', ranges: { 'Plan!B3:E7': { values: table, merged } } },
      false,
    );
    expect((await workbook.readSelection()).values).toEqual(table);
    expect(excel.calls.filter((c) => c[0] === 'getMergedAreasOrNullObject')).toEqual([]);
  });
});
