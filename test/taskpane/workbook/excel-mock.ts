/**
 * An Excel request context built from office-addin-mock objects, for the adapter tests of
 * taskpane/workbook: every object is an OfficeMockObject, so a property read before `load` and
 * `context.sync()` gives office-addin-mock's "not loaded" / "not synced" text instead of a value,
 * and each object's members are checked against the real office.js types (`Members<Excel.X>`), so
 * the mock cannot offer a method Excel does not have. What the adapter sets and calls is recorded
 * in order.
 *
 * Two things office-addin-mock does not do are added here: collections load their items'
 * properties ("items/name", as office.js allows), and `context.sync()` syncs every object handed
 * out (office-addin-mock syncs only the tree it was built from). Like office.js, a getItem of a
 * missing sheet, table or name fails at the next sync, not at the call.
 */
import { OfficeMockObject } from 'office-addin-mock';

/** [what, sheet or object, …arguments], in the order the adapter did it. */
export type Call = [string, ...unknown[]];

/** office-addin-mock's texts for a property read before load / before sync. */
const NOT_READY = ['Error, property was not loaded', 'Error, context.sync() was not called'];

/** The members a mock may have: only names the office.js type has. */
type Members<T> = Partial<Record<keyof T, unknown>>;

/** An office.js-like error: OfficeExtension.Error carries `code` ("ItemNotFound", "InvalidArgument"…). */
export class MockOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface MockSheet {
  name: string;
  /** The used range as `formulas` with its top-left (0-based), or null for an empty sheet. */
  used?: { row: number; column: number; formulas: unknown[][] } | null;
}

export interface ExcelMockOptions {
  sheets: MockSheet[];
  /** Existing native tables: name → sheet, address and values (for readRange by table name). */
  tables?: { name: string; sheet: string; address?: string; values?: unknown[][] }[];
  names?: string[];
  /**
   * Ranges with values, by sheet-qualified address as the adapter asks for them ("Plan!B3:E7"), each
   * with its merged areas as Excel lists them (sheet-qualified; none: the null object).
   */
  ranges?: Record<string, { values: unknown[][]; merged?: string[] }>;
  /** The selected range's sheet-qualified address (a key of `ranges`). */
  selection?: string;
  /** Fails the n-th sync (1-based) with this error, as Excel does for a write it refuses. */
  failSync?: { at: number; error: MockOfficeError };
}

export interface ExcelMock {
  context: Excel.RequestContext;
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  calls: Call[];
  syncs: () => number;
}

export function excelMock(options: ExcelMockOptions): ExcelMock {
  const calls: Call[] = [];
  const handedOut: OfficeMockObject[] = [];
  let syncs = 0;
  let failure: Error | null = null;
  const record = (call: Call) => void calls.push(call);
  /** What office-addin-mock itself assigns while loading: its error texts, mocks, functions. */
  const internal = (value: unknown) =>
    typeof value === 'function' || value instanceof OfficeMockObject || NOT_READY.includes(value as string);
  /** The address a range mock was made for (its `address` is unreadable until loaded, as in Excel). */
  const addressOf = new WeakMap<object, string>();
  const where = (r: Excel.Range | string) => (typeof r === 'string' ? r : (addressOf.get(r) ?? '?'));

  /**
   * An OfficeMockObject over `data` (plain values, functions and plain objects), with `attach`ed
   * mocks as members; the adapter's property sets are recorded (office-addin-mock's own are not).
   */
  const mock = (
    data: Record<string, unknown>,
    label: string,
    where: string,
    attach: Record<string, unknown> = {},
  ): OfficeMockObject => {
    const object = new OfficeMockObject(data as ConstructorParameters<typeof OfficeMockObject>[0]);
    Object.assign(object, attach);
    handedOut.push(object);
    return new Proxy(object, {
      set(target, prop, value) {
        if (typeof prop === 'string' && !internal(value)) record([`set ${label}${prop}`, where, value]);
        (target as unknown as Record<string | symbol, unknown>)[prop] = value;
        return true;
      },
    });
  };

  /** A collection whose `load("items/x, items/y/z")` loads x and y/z on every item. */
  const collection = (items: () => OfficeMockObject[], members: Record<string, unknown>, label: string) => {
    const object: OfficeMockObject = mock({ items: [], ...members }, '', label, {
      load: (what: string) => {
        const paths = what.split(',').map((p) => p.trim().replace(/^items\//, ''));
        const loaded = items();
        for (const item of loaded) item.load(paths.join(', '));
        // office-addin-mock's private setValue: `items` becomes these mocks, loaded at the next sync.
        (object as unknown as { setValue(name: string, value: unknown): void }).setValue('items', loaded);
        OfficeMockObject.prototype.load.call(object, 'items');
        return object;
      },
    });
    return object;
  };

  const range = (sheet: string, address: string, used?: MockSheet['used']): OfficeMockObject => {
    const font = mock({} satisfies Members<Excel.RangeFont>, 'font.', `${sheet}!${address}`);
    const format = mock(
      { autofitColumns: () => record(['autofitColumns', sheet, address]) } satisfies Members<Excel.RangeFormat>,
      'format.',
      `${sheet}!${address}`,
      { font },
    );
    const given = options.ranges?.[`${sheet}!${address}`];
    const data = {
      address: `${sheet}!${address}`,
      values: given?.values ?? used?.formulas ?? [],
      formulas: used?.formulas ?? [],
      rowIndex: used?.row ?? 0,
      columnIndex: used?.column ?? 0,
      isNullObject: used === null,
      moveTo: (to: Excel.Range) => record(['moveTo', sheet, address, where(to)]),
      clear: (what: Excel.ClearApplyTo) => record(['clear', sheet, address, what]),
      getEntireColumn: () => range(sheet, `column of ${address}`),
      getOffsetRange: () => range(sheet, `offset of ${address}`),
      getResizedRange: () => range(sheet, `resized ${address}`),
      getMergedAreasOrNullObject: () => {
        record(['getMergedAreasOrNullObject', `${sheet}!${address}`]);
        const merged = given?.merged ?? [];
        return mock(
          { address: merged.join(', '), isNullObject: merged.length === 0 } satisfies Members<Excel.RangeAreas>,
          'areas.',
          `${sheet}!${address}`,
        );
      },
    } satisfies Members<Excel.Range>;
    const r = mock(data, '', `${sheet}!${address}`, {
      format,
      worksheet: worksheet(sheet),
    } satisfies Members<Excel.Range>);
    addressOf.set(r, `${sheet}!${address}`);
    return r;
  };

  const series = (sheet: string, name: string) =>
    mock(
      {
        setValues: (r: Excel.Range) => record(['series.setValues', sheet, name, where(r)]),
        setXAxisValues: (r: Excel.Range) => record(['series.setXAxisValues', sheet, name, where(r)]),
      } satisfies Members<Excel.ChartSeries>,
      'series.',
      `${sheet}:${name}`,
    );

  const chart = (sheet: string) => {
    const title = mock({} satisfies Members<Excel.ChartTitle>, 'title.', sheet);
    const legend = mock({} satisfies Members<Excel.ChartLegend>, 'legend.', sheet);
    return mock(
      {
        series: {
          getItemAt: () => series(sheet, 'first'),
          add: (name: string) => (record(['series.add', sheet, name]), series(sheet, name)),
        } satisfies Members<Excel.ChartSeriesCollection>,
        setPosition: (r: Excel.Range | string) =>
          record(['chart.setPosition', sheet, typeof r === 'string' ? r : where(r)]),
      } satisfies Members<Excel.Chart>,
      'chart.',
      sheet,
      { title, legend } satisfies Members<Excel.Chart>,
    );
  };

  const sheets = new Map<string, OfficeMockObject>();
  const existing = new Set(options.sheets.map((s) => s.name));
  const worksheet = (name: string, used?: MockSheet['used']): OfficeMockObject => {
    const found = sheets.get(name);
    if (found) return found;
    const data = {
      name,
      getRange: (address: string) => range(name, address),
      getRangeByIndexes: (r: number, c: number, rows: number, columns: number) =>
        range(name, `R${r}C${c}:${rows}x${columns}`),
      getUsedRangeOrNullObject: () => range(name, 'used', used === undefined ? null : used),
      tables: {
        add: (address: string, hasHeaders: boolean) => (
          record(['tables.add', name, address, hasHeaders]),
          mock({ name: '' } satisfies Members<Excel.Table>, 'table.', `${name}!${address}`)
        ),
      } satisfies Members<Excel.TableCollection>,
      charts: {
        add: (type: Excel.ChartType, source: Excel.Range, seriesBy: Excel.ChartSeriesBy) => (
          record(['charts.add', name, type, where(source), seriesBy]),
          chart(name)
        ),
        getItemOrNullObject: (chartName: string) => ({
          delete: () => record(['chart.delete', name, chartName]),
        }),
      } satisfies Members<Excel.ChartCollection>,
      freezePanes: {
        unfreeze: () => record(['freezePanes.unfreeze', name]),
        freezeAt: (r: Excel.Range) => record(['freezePanes.freezeAt', name, where(r)]),
      } satisfies Members<Excel.WorksheetFreezePanes>,
      pageLayout: {
        setPrintArea: (a: string) => record(['pageLayout.setPrintArea', name, a]),
      } satisfies Members<Excel.PageLayout>,
    } satisfies Members<Excel.Worksheet>;
    const sheet = mock(data, 'sheet.', name);
    sheets.set(name, sheet);
    return sheet;
  };
  for (const s of options.sheets) worksheet(s.name, s.used);

  /** office.js queues the look-up; the error surfaces at the next sync. */
  const missing = (kind: string, name: string) => {
    failure ??= new MockOfficeError('ItemNotFound', `The requested ${kind} "${name}" does not exist.`);
  };

  const tableInfo = new Map((options.tables ?? []).map((t) => [t.name, t]));
  const tableItems = () =>
    [...tableInfo.values()].map((t) => mock({ name: t.name, worksheet: { name: t.sheet } }, 'table.', t.name));
  const names = new Set(options.names ?? []);

  const workbook = {
    getSelectedRange: () => {
      const selection = options.selection ?? 'Sheet1!A1';
      const at = selection.lastIndexOf('!');
      return range(selection.slice(0, at), selection.slice(at + 1));
    },
    worksheets: collection(
      () => [...existing].map((n) => worksheet(n)),
      {
        getItem: (name: string) => {
          if (!existing.has(name)) missing('worksheet', name);
          return worksheet(name);
        },
        getItemOrNullObject: (name: string) => mock({ isNullObject: !existing.has(name) }, 'sheet.', name),
        getActiveWorksheet: () => worksheet(options.sheets[0]?.name ?? 'Sheet1'),
        add: (name: string) => {
          record(['worksheets.add', name]);
          existing.add(name);
          return worksheet(name);
        },
      } satisfies Members<Excel.WorksheetCollection>,
      'worksheets',
    ),
    tables: collection(
      tableItems,
      {
        getItem: (name: string) => {
          const info = tableInfo.get(name);
          if (!info) missing('table', name);
          return {
            resize: (address: string) => record(['table.resize', name, address]),
            getRange: () => {
              const r = range(info?.sheet ?? '?', info?.address ?? '?', {
                row: 0,
                column: 0,
                formulas: info?.values ?? [],
              });
              return r;
            },
          } satisfies Members<Excel.Table>;
        },
      } satisfies Members<Excel.TableCollection>,
      'tables',
    ),
    names: collection(
      () => [...names].map((n) => mock({ name: n }, 'name.', n)),
      {
        getItem: (name: string) => {
          if (!names.has(name)) missing('name', name);
          return { delete: () => record(['name.delete', name]) } satisfies Members<Excel.NamedItem>;
        },
        add: (name: string, reference: string) => record(['names.add', name, reference]),
      } satisfies Members<Excel.NamedItemCollection>,
      'names',
    ),
  } satisfies Members<Excel.Workbook>;

  const context = new OfficeMockObject({
    sync: async () => {
      syncs++;
      if (options.failSync?.at === syncs) failure ??= options.failSync.error;
      const error = failure;
      failure = null;
      if (error) throw error;
      for (const object of handedOut) await object.sync();
    },
  });
  // The workbook's collections are mocks already; office-addin-mock would copy them field by field.
  Object.assign(context, { workbook });
  const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(context as unknown as Excel.RequestContext);
  return { context: context as unknown as Excel.RequestContext, run, calls, syncs: () => syncs };
}
