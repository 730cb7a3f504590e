/**
 * Adapter tests of the Office.js workbook through office-addin-mock: "Write to workbook" creates the
 * sheet, the tables and the native charts over the right ranges.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { createOfficeWorkbook, splitAddress } from '../../taskpane/workbook/office-workbook';
import { writeResults } from '../../taskpane/results/write-results';
import type { RunOutcome } from '../../taskpane/results/types';

interface Recorded {
  added: string[];
  ranges: { sheet: string; address: string }[];
  charts: { sheet: string; type: string; source: string; seriesBy: string }[];
  tables: { sheet: string; address: string }[];
  /** Every range handed out, with what the adapter set on it. */
  handed: { address: string; values: unknown[][] }[];
}

function mockExcel(existing: string[]) {
  const rec: Recorded = { added: [], ranges: [], charts: [], tables: [], handed: [] };
  const sheet = (name: string) => {
    const range = (address: string) => {
      rec.ranges.push({ sheet: name, address });
      const r = {
        address: `${name}!${address}`,
        values: [] as unknown[][],
        numberFormat: [] as unknown[][],
        format: { autofitColumns: () => undefined },
        getOffsetRange: () => r,
        getResizedRange: () => r,
      };
      rec.handed.push(r);
      return r;
    };
    return {
      name,
      getRange: (address: string) => range(address),
      tables: { add: (address: string) => (rec.tables.push({ sheet: name, address }), { name: '' }) },
      charts: {
        add: (type: string, source: { address: string }, seriesBy: string) => {
          rec.charts.push({ sheet: name, type, source: source.address, seriesBy });
          return { title: {}, legend: {}, setPosition: () => undefined };
        },
      },
    };
  };
  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        getItemOrNullObject: (name: string) => ({
          isNullObject: !existing.includes(name) && !rec.added.includes(name),
          load: () => undefined,
        }),
        getItem: (name: string) => sheet(name),
        getActiveWorksheet: () => sheet('Sheet1'),
        add: (name: string) => void rec.added.push(name),
      },
    },
  });
  const run = async <T>(batch: (c: Excel.RequestContext) => Promise<T>) =>
    batch(context as unknown as Excel.RequestContext);
  return {
    rec,
    workbook: createOfficeWorkbook(run, () => ({ get: () => null, set: () => undefined, saveAsync: () => undefined })),
  };
}

const outcome: RunOutcome = {
  scenarioName: 'Base case',
  iterations: 1000,
  seed: 1,
  elapsedMs: 5,
  result: {
    outputs: {
      revenue: {
        mean: 100,
        sd: 10,
        min: 70,
        max: 130,
        se: 0.3,
        percentiles: { '5': 84, '50': 100, '95': 116 },
        var95: 16,
        cvar95: 20,
      },
    },
    achievedCorrelation: { names: [], matrix: [] },
    timings: { sampleMs: 0, correlateMs: 0, evaluateMs: 0, statsMs: 0, totalMs: 0 },
    sensitivity: {
      revenue: [
        { driver: 'price', spearman: 0.8, src: 0.7 },
        { driver: 'volume', spearman: -0.3, src: -0.2 },
      ],
    },
  },
  histograms: { revenue: { edges: [70, 90, 110, 130], counts: [200, 600, 200] } },
};

describe('Office workbook: write to workbook', () => {
  it('creates the sheet, writes summary, histogram and tornado data, and charts those ranges', async () => {
    const { rec, workbook } = mockExcel(['Sheet1', 'Base case']);
    const written = await writeResults(workbook, outcome, { numberFormat: '#,##0' });
    expect(rec.added).toEqual(['Base case (2)']);
    expect(written).toEqual({
      sheet: 'Base case (2)',
      summary: "'Base case (2)'!A1:H2",
      histogram: "'Base case (2)'!A5:B8",
      tornado: "'Base case (2)'!D5:F7",
      trials: null,
    });
    expect(rec.charts).toEqual([
      { sheet: 'Base case (2)', type: 'ColumnClustered', source: 'Base case (2)!A5:B8', seriesBy: 'Columns' },
      { sheet: 'Base case (2)', type: 'BarClustered', source: 'Base case (2)!D5:F7', seriesBy: 'Columns' },
    ]);
  });

  it('writes the trials right of the charts when asked', async () => {
    const { workbook } = mockExcel(['Sheet1']);
    const written = await writeResults(
      workbook,
      { ...outcome, trials: { revenue: Float64Array.of(1, 2, 3) } },
      { includeTrials: true },
    );
    expect(written.sheet).toBe('Base case');
    expect(written.trials).toBe("'Base case'!Q1:R4");
  });
});

describe('Office workbook: text that looks like a formula stays text', () => {
  const untrusted = [
    ['reason', 'who'],
    ['=HYPERLINK("http://evil.example","click")', '+cmd|calc!A1'],
    ['-2+3', '@SUM(1)'],
    ["'quoted", 'plain text'],
    [1200.5, true],
  ];
  const sent = [
    ['reason', 'who'],
    ['\'=HYPERLINK("http://evil.example","click")', "'+cmd|calc!A1"],
    ["'-2+3", "'@SUM(1)"],
    ["''quoted", 'plain text'],
    [1200.5, true],
  ];

  it('writeRange sends each such string with a quote prefix, so Excel keeps the text', async () => {
    const { rec, workbook } = mockExcel(['Audit']);
    await workbook.writeRange('Audit!A1:B5', untrusted);
    expect(rec.handed.at(-1)).toMatchObject({ address: 'Audit!A1:B5', values: sent });
  });

  it('writeTable does the same, numbers and booleans untouched', async () => {
    const { rec, workbook } = mockExcel(['Audit']);
    await workbook.writeTable('Audit', 'A1', untrusted);
    expect(rec.handed[0]).toMatchObject({ address: 'Audit!A1:B5', values: sent });
  });
});

describe('Office workbook: reading', () => {
  it('reads the selection', async () => {
    const context = new OfficeMockObject({
      workbook: {
        range: {
          address: 'Sheet1!A1:B2',
          values: [
            ['name', 'distribution'],
            ['price', 'normal'],
          ],
        },
        getSelectedRange() {
          return this.range;
        },
      },
    });
    const workbook = createOfficeWorkbook(async (batch) => batch(context as unknown as Excel.RequestContext));
    expect(await workbook.readSelection()).toEqual({
      address: 'Sheet1!A1:B2',
      values: [
        ['name', 'distribution'],
        ['price', 'normal'],
      ],
    });
  });

  it('names the address typed when Excel finds nothing there, rather than its own words', async () => {
    const failing = (code: string, message: string) =>
      createOfficeWorkbook(async () => {
        // As Excel.run rejects: an OfficeExtension.Error with a code and Excel's generic message.
        throw Object.assign(new Error(message), { code });
      });
    await expect(
      failing('ItemNotFound', "The requested resource doesn't exist.").readRange('Cahs!B2:M2'),
    ).rejects.toThrow(
      'Nothing found at "Cahs!B2:M2": this workbook has no sheet or table of that name. Check the spelling, e.g. Cash!B2:M2.',
    );
    await expect(
      failing('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.').readRange(
        'Cash!B2:',
      ),
    ).rejects.toThrow('"Cash!B2:" is not a range address: type one such as Cash!B2:M2, or a table\'s name.');
    await expect(
      failing('GeneralException', 'An internal error has occurred.').readRange('Cash!B2:M2'),
    ).rejects.toThrow('An internal error has occurred.');
  });

  it('splits sheet-qualified addresses', () => {
    expect(splitAddress("'It''s'!A1:B2")).toEqual(["It's", 'A1:B2']);
    expect(splitAddress('B3')).toEqual([null, 'B3']);
  });
});
