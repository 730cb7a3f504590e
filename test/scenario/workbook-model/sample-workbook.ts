/**
 * A 3-sheet sample workbook (Inputs, 'Cost sheet', Model) as plain grids: text, numbers, blanks, and
 * formulas with the values Excel shows for them, computed here by direct arithmetic (independently of
 * the translation). Shared by the translation tests and the pane's workbook double.
 */
import type { Cell } from '../../../src/model/cell';
import type { WorkbookCells } from '../../../src/scenario/workbook-model/sheet-source';
import type { SheetWrite } from '../../../src/sheets/template/writes';
import type { SourceCell, WorkbookModelSource } from '../../../src/scenario/workbook-model/translate';

export interface SampleInputs {
  price: number;
  volume: number;
  unitCost: number;
  inflation: number;
}

export const SAMPLE_DRIVERS = [
  { cell: 'Inputs!B1', name: 'price' },
  { cell: 'Inputs!B2', name: 'volume' },
  { cell: 'Inputs!B3', name: 'unit_cost' },
  { cell: 'Inputs!B5', name: 'inflation' },
];

export const SAMPLE_OUTPUTS = [
  { cell: 'Model!B5', name: 'net' },
  { cell: 'Model!B6', name: 'payment' },
  { cell: 'Model!B7' },
  { cell: 'Model!B8', name: 'npv' },
];

/** What Excel shows in the formula cells, by direct arithmetic. */
export function sampleValues(x: SampleInputs) {
  const revenue = x.price * x.volume;
  const materials = x.unitCost * x.volume * (1 + x.inflation);
  const marketing = Math.max(500000, 0.05 * revenue);
  const total = materials + 2000000 + marketing;
  const ebit = revenue - total;
  const tax = ebit > 0 ? ebit * 0.22 : 0;
  const net = Math.sign(ebit - tax) * Math.round(Math.abs(ebit - tax));
  const r = 0.05 / 12;
  const q = (1 + r) ** 36;
  const payment = -(r * (-net * q)) / (q - 1);
  const check = (-x.inflation) ** 2 * revenue;
  const npv = net / 1.1 + net / 1.1 ** 2 + net / 1.1 ** 3;
  return { revenue, materials, marketing, total, ebit, tax, net, payment, check, npv };
}

type Grid = (Cell | { f: string; v: number })[][];

export function sampleSheets(x: SampleInputs): Record<string, Grid> {
  const v = sampleValues(x);
  return {
    Inputs: [
      ['Price', x.price],
      ['Volume', x.volume],
      ['Unit cost', x.unitCost],
      ['Tax rate', 0.22],
      ['Inflation', x.inflation],
    ],
    'Cost sheet': [
      ['Materials', { f: '=Inputs!B3*Inputs!$B$2*(1+Inputs!B5)', v: v.materials }],
      ['Salaries', 2000000],
      ['Marketing', { f: '=MAX(500000, 5%*Model!B1)', v: v.marketing }],
      ['Rent', null],
      ['Total', { f: '=SUM(B1:B4)', v: v.total }],
    ],
    Model: [
      ['Revenue', { f: '=Inputs!B1*Inputs!B2', v: v.revenue }],
      ['Costs', { f: "='Cost sheet'!B5", v: v.total }],
      ['EBIT', { f: '=B1-B2', v: v.ebit }],
      ['Tax', { f: '=IF(B3>0, B3*TaxRate, 0)', v: v.tax }],
      ['Net', { f: '=ROUND(B3-B4, 0)', v: v.net }],
      ['Loan payment', { f: '=PMT(5%/12, 36, -B5)', v: v.payment }],
      ['Check', { f: '=-Inputs!B5^2*B1', v: v.check }],
      ['NPV', { f: '=NPV(0.1, B5, B5, B5)', v: v.npv }],
    ],
  };
}

export const SAMPLE_NAMES = { TaxRate: '=Inputs!$B$4' };

/** The sample as a translation source; `edit` overrides cells ("Model!B3" → formula or value). */
export function sampleSource(x: SampleInputs, edit: Record<string, SourceCell> = {}): WorkbookModelSource {
  const sheets = sampleSheets(x);
  return {
    names: SAMPLE_NAMES,
    cell(sheet, row, column) {
      const grid = sheets[sheet];
      if (!grid) return undefined;
      const letters = String.fromCharCode(65 + column);
      const override = edit[`${sheet}!${letters}${row + 1}`];
      if (override) return override;
      const c = grid[row]?.[column] ?? null;
      return c !== null && typeof c === 'object' ? { formula: c.f, value: c.v } : { formula: null, value: c };
    },
  };
}

/** The sample as the pane reads it through the workbook interface: grids of cells and the names. */
export function sampleCells(x: SampleInputs): WorkbookCells {
  const sheets = Object.entries(sampleSheets(x)).map(
    ([name, grid]) =>
      [
        name,
        grid.map((row) =>
          row.map((c) =>
            c !== null && typeof c === 'object' ? { formula: c.f, value: c.v } : { formula: null, value: c },
          ),
        ),
      ] as const,
  );
  return { sheets: Object.fromEntries(sheets), names: SAMPLE_NAMES };
}

/** The output sheet the pane's tests add: results read from the model sheet, as a report would. */
export function sampleOutputSheet(x: SampleInputs): Grid {
  const v = sampleValues(x);
  return [
    ['Net profit', { f: '=Model!B5', v: v.net }],
    ['NPV (thousands)', { f: '=Model!B8/1000', v: v.npv / 1000 }],
    ['Loan payment', { f: '=Model!$B$6', v: v.payment }],
  ];
}

/** The sample plus its Output sheet as template writes (sheets, cells with formulas and results, names). */
export function sampleWrites(x: SampleInputs): SheetWrite[] {
  const sheets = { ...sampleSheets(x), Output: sampleOutputSheet(x) };
  return [
    ...Object.entries(sheets).flatMap(([sheet, grid]): SheetWrite[] => [
      { op: 'sheet', sheet },
      {
        op: 'cells',
        sheet,
        address: `A1:B${grid.length}`,
        cells: grid.map((row) =>
          [row[0], row[1] ?? null].map((c) =>
            c !== null && typeof c === 'object' ? { formula: c.f, result: c.v } : (c ?? null),
          ),
        ),
      },
    ]),
    ...Object.entries(SAMPLE_NAMES).map(([name, refersTo]): SheetWrite => ({ op: 'name', name, refersTo })),
  ];
}
