/**
 * The formulas README.md and the user guide (docs/guide/) show are formulas a reader can type. Every
 * `FPA.` call in them names a function the build registers (the functions.json metadata). A call
 * written with parameter names (a heading's `FPA.X(values, [horizon], …)`, or `=FPA.CASH.RISK(flows,
 * opening_cash, min_cash)` in a sentence) lists the function's parameters in order, optional ones in
 * brackets. A call written with values is evaluated: each reference is bound to the sample company's
 * data (or, for the README's generic ranges, to the data a reader would put there: BINDINGS below),
 * literals go in as Excel passes them, and the function must return a result, not an error (so every
 * literal is in range, every argument count right). A new example with a reference this file does
 * not know fails, naming the reference to bind. The figures docs/guide/functions.md quotes for the
 * sample company are compared with what the functions return today.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { FUNCTION_MODULES } from '../../functions/modules.json';
import { cashSolver } from '../../functions/cash';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { sampleCompany, sampleDriversSheet, sampleModelCell } from '../../src/sheets/template/sample-company';
import { num } from '../../src/sheets/template/data';
import { isFormula } from '../../src/sheets/template/plan';
import { buildTemplatePlan } from '../../src/sheets/template/template-plan';
import { templateWrites } from '../../src/sheets/template/writes';
import { e as noise, spend } from '../loop/kpi-history';

const root = path.resolve(__dirname, '..', '..');
const DOCS = [
  'README.md',
  ...fs
    .readdirSync(path.join(root, 'docs', 'guide'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/guide/${f}`),
];
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

interface Parameter {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Registered {
  id: string;
  parameters: Parameter[];
  fn: (...args: unknown[]) => unknown;
}

// ---------------------------------------------------------------------------------------------
// The calls in the docs

interface Call {
  where: string; // file:line
  name: string; // FORECAST.ROLLING
  args: string[]; // argument texts, trimmed; [] for FPA.X()
  text: string; // FPA.X(...)
  heading: boolean;
}

/** Index of the parenthesis closing the one at `open`, skipping quoted text and nested brackets. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = text.indexOf('"', i + 1);
      if (i < 0) return -1;
    } else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return c === ')' ? i : -1;
    }
  }
  return -1;
}

/** The top-level arguments of `inner` (the text between a call's parentheses). */
function splitArguments(inner: string): string[] {
  if (inner.trim() === '') return [];
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '"') i = inner.indexOf('"', i + 1);
    else if ('({['.includes(c)) depth++;
    else if (')}]'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      args.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(inner.slice(start).trim());
  return args;
}

/** Every `FPA.NAME(…)` call written out in a doc (a name alone, `FPA.SCENARIO.TORNADO`, is not a call). */
function callsIn(file: string, text: string): Call[] {
  const calls: Call[] = [];
  for (const m of text.matchAll(/FPA\.([A-Z][A-Z0-9]*(?:\.[A-Z][A-Z0-9]*)+)\(/g)) {
    const open = m.index + m[0].length - 1;
    const close = closing(text, open);
    const line = text.slice(0, m.index).split('\n').length;
    const lineText = text.split('\n')[line - 1];
    if (close < 0) throw new Error(`${file}:${line}: FPA.${m[1]}( is not closed`);
    calls.push({
      where: `${file}:${line}`,
      name: m[1],
      args: splitArguments(text.slice(open + 1, close)),
      text: text.slice(m.index, close + 1).replace(/\s+/g, ' '),
      heading: /^#{1,6}\s/.test(lineText),
    });
  }
  return calls;
}

const PARAMETER_NAME = /^\[?[a-z][a-z0-9_]*(?:=[^\]]*)?\]?$/;
const ELLIPSIS = /^(…|\.\.\.)$/;

/** A call written with parameter names (a signature), not values. */
const isSignature = (call: Call) => call.args.every((a) => PARAMETER_NAME.test(a) || ELLIPSIS.test(a));

/** What is wrong with a signature against the registered parameters, or null. */
function signatureProblem(call: Call, parameters: Parameter[]): string | null {
  const open = call.args.some((a) => ELLIPSIS.test(a));
  // `[iterations=10000]`: an optional parameter with its default.
  const named = call.args.filter((a) => !ELLIPSIS.test(a)).map((a) => a.replace(/=[^\]]*/, ''));
  const registered = parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  if (named.some((a, i) => a !== registered[i]))
    return `lists (${named.join(', ')}); the function takes (${registered.join(', ')})`;
  const required = parameters.filter((p) => !p.optional).length;
  if (!open && named.length < required) return `leaves out required parameters of (${registered.join(', ')})`;
  if (call.heading && !open && named.length !== registered.length)
    return `a heading lists every parameter: (${registered.join(', ')})`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// What the references in the examples hold

const sample = sampleCompany();
const months = sample.spec.months;
const firstForecast = months.indexOf(sample.spec.forecastFrom);
const ids = [...sample.data.plan.keys()];
const actualsOf = (id: string) =>
  sample.data.actual
    .get(id)!
    .slice(0, firstForecast)
    .map((v) => (typeof v === 'number' ? v : null));
const column = (values: unknown[]) => values.map((v) => [v]);

/** S-EMEA Travel, the line functions.md's forecast example follows. */
const FORECAST_LINE = 'S-EMEA/Travel';

/**
 * Argument text → what Excel passes for it. The guide's references are the sample company's tables;
 * the README's generic ranges hold what its sentences describe.
 */
const BINDINGS: Record<string, unknown> = {
  // README: a three-year monthly history (the sample's plan of S-EMEA Travel, 36 months).
  'B2:B37': column(sample.data.plan.get(FORECAST_LINE)!.map(num)),
  // README: the drivers table (a header row, then price, volume, unit_cost, fixed), the model cell,
  // and the correlation of price and volume labelled across and down.
  'A1:F5': [
    ['name', 'distribution', 'param1', 'param2', 'param3', 'param4'],
    ['price', 'normal', 130, 10, null, null],
    ['volume', 'lognormal', 50000, 12000, null, null],
    ['unit_cost', 'triangular', 40, 55, 75, null],
    ['fixed', 'uniform', 1_500_000, 2_000_000, null, null],
  ],
  H2: [['revenue = price * volume\nprofit = revenue - unit_cost * volume - fixed']],
  'J1:L3': [
    [null, 'price', 'volume'],
    ['price', 1, -0.5],
    ['volume', -0.5, 1],
  ],
  // README: twelve monthly net flows, three instruments (name, term, rate) and a credit line (limit, rate).
  'B2:M2': [[-120_000, 80_000, 50_000, -200_000, 150_000, 90_000, -60_000, 40_000, 110_000, -180_000, 70_000, 130_000]],
  'O2:Q4': [
    ['overnight', 1, 0.003],
    ['3-month deposit', 3, 0.011],
    ['6-month deposit', 6, 0.024],
  ],
  'S2:T2': [[300_000, 0.008]],
  // Guide: the Forecast sheet's row of one line's actuals, and the same 30 months as a column.
  'INDEX(fpaActuals[[2023-01]:[2025-06]], MATCH(…id…, fpaActuals[id], 0), 0)': [actualsOf(FORECAST_LINE)],
  'B2:B31': column(actualsOf(FORECAST_LINE)),
  // Guide: the Variance table's plan and actual blocks, the line ids and the Plan table's month headers.
  'fpaVariance[[plan 2023-01]:[plan 2025-12]]': ids.map((id) => sample.data.plan.get(id)!.map(num)),
  'fpaVariance[[actual 2023-01]:[actual 2025-12]]': ids.map((id) =>
    sample.data.actual.get(id)!.map((v) => (typeof v === 'number' ? v : null)),
  ),
  'fpaVariance[id]': column(ids),
  'fpaPlan[[#Headers],[2023-01]:[2025-12]]': [[...months]],
  // Guide: the Drivers sheet's table and the cell under it holding the model, as the sheet writes it.
  'fpaDrivers[#All]': sample.drivers.rows,
  [sampleModelCell(sample.drivers.rows.length - 1)]: [[sample.drivers.model.replace(/\n/g, '; ')]],
  // Guide: six months of actual salaries per head for FPA.DRIVER.UPDATE.
  'B2:B7': column([63_100, 62_400, 64_050, 63_700, 62_900, 64_300]),
  // Guide: a KPI (B) and three spend columns (C:E) over 24 months, the KPI answering spend one month later.
  'B2:B25': column(spend.map((_, i) => 200_000 + 0.9 * (i > 0 ? spend[i - 1] : spend[0]) + 2500 * noise[i])),
  'C2:E25': spend.map((x, i) => [x, 30_000 + 8_000 * Math.cos(i), 12_000 + 500 * ((i * 7) % 5)]),
};

/**
 * Calls whose documented result is an error: FPA.BUDGET.VERSION without a team server shows #N/A
 * saying where to connect (functions.md says so).
 */
const DOCUMENTED_ERRORS: Record<string, { code: string; message: RegExp }> = {
  'BUDGET.VERSION': { code: '#N/A', message: /Settings › Team server/ },
};

/** What a result must look like beyond not being an error, for the functions whose examples say more. */
const SENSIBLE: Record<string, (result: unknown, args: unknown[]) => void> = {
  // `horizon` rows of forecast, lower and upper bound, in that order.
  'FORECAST.ROLLING': (result, args) => {
    const rows = result as number[][];
    expect(rows).toHaveLength((args[1] as number | undefined) ?? 12);
    for (const [mean, lower, upper] of rows) {
      expect(lower).toBeLessThanOrEqual(mean);
      expect(mean).toBeLessThanOrEqual(upper);
    }
  },
  'SCENARIO.PROB': (result) => {
    const p = (Array.isArray(result) ? (result as number[][])[0][0] : result) as number;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  },
  // The normal's 95th percentile: mean + 1.645 sd.
  'DIST.INV': (result, args) => {
    if (args[0] !== 'normal') return;
    const x = (Array.isArray(result) ? (result as number[][])[0][0] : result) as number;
    const [mean, sd] = [args[2], args[3]].map((a) => (Array.isArray(a) ? (a as number[][])[0][0] : a) as number);
    expect(x).toBeCloseTo(mean + 1.6448536269514722 * sd, 0);
  },
};

/** An array constant `{62000, 2500}` or `{1, 2; 3, 4}` as the grid Excel passes. */
function arrayConstant(text: string): unknown[][] {
  return text
    .slice(1, -1)
    .split(';')
    .map((row) => row.split(',').map((c) => literal(c.trim())));
}

function literal(text: string): unknown {
  if (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text)) return Number(text);
  if (/^"[^"]*"$/.test(text)) return text.slice(1, -1);
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === 'TRUE';
  return undefined;
}

/** The value Excel passes for one argument, or a problem with it. */
function argumentValue(text: string, parameter: Parameter): { value: unknown } | { problem: string } {
  const matrix = parameter.dimensionality === 'matrix';
  if (text === '') {
    if (!parameter.optional) return { problem: `${parameter.name} is required and left empty` };
    return { value: null };
  }
  if (text.startsWith('{')) {
    if (!matrix) return { problem: `${parameter.name} takes one value, not the array ${text}` };
    return { value: arrayConstant(text) };
  }
  const scalar = literal(text);
  if (scalar !== undefined) {
    if (parameter.type === 'number' && typeof scalar !== 'number')
      return { problem: `${parameter.name} takes a number; the example gives ${text}` };
    if (parameter.type === 'string' && typeof scalar !== 'string')
      return { problem: `${parameter.name} takes a text; the example gives ${text}` };
    return { value: matrix ? [[scalar]] : scalar };
  }
  if (!(text in BINDINGS)) return { problem: `the reference ${text} has no data in BINDINGS of this test` };
  const bound = BINDINGS[text];
  if (!matrix && Array.isArray(bound)) {
    if (bound.length !== 1 || (bound[0] as unknown[]).length !== 1)
      return { problem: `${parameter.name} takes one cell; ${text} is a range` };
    return { value: (bound[0] as unknown[])[0] };
  }
  return { value: bound };
}

// ---------------------------------------------------------------------------------------------

const registered = new Map<string, Registered>();
const calls = DOCS.flatMap((file) => callsIn(file, read(file)));
/** The reference pages (docs/*.md): their calls' names and signatures are checked, their examples not run. */
const referenceCalls = fs
  .readdirSync(path.join(root, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => callsIn(`docs/${f}`, read(`docs/${f}`)));
const examples = calls.filter((c) => !isSignature(c));

beforeAll(async () => {
  cashSolver.current = glpkNodeSolver;
  const result = await generateCustomFunctionsMetadata(
    FUNCTION_MODULES.map((m) => path.resolve(root, m)),
    false,
  );
  expect(result.errors).toEqual([]);
  const metadata = JSON.parse(result.metadataJson) as { functions: { id: string; parameters: Parameter[] }[] };
  const associations = result.associate as { id: string; functionName: string; sourceFileName: string }[];
  for (const f of metadata.functions) {
    const a = associations.find((x) => x.id === f.id)!;
    const module = jest.requireActual<Record<string, (...args: unknown[]) => unknown>>(path.resolve(a.sourceFileName));
    registered.set(f.id, { id: f.id, parameters: f.parameters, fn: module[a.functionName] });
  }
}, 60_000);

describe('the FPA calls in README.md and docs/guide', () => {
  it('finds the examples (the extraction works)', () => {
    expect(calls.length).toBeGreaterThan(30);
    expect(examples.map((c) => c.name)).toEqual(
      expect.arrayContaining(['FORECAST.ROLLING', 'SCENARIO.MC', 'CASH.OPTIMIZE', 'VARIANCE.FLAGS', 'DIST.INV']),
    );
  });

  it('name registered functions (the reference pages’ too)', () => {
    const unknown = [...calls, ...referenceCalls]
      .filter((c) => !registered.has(c.name))
      .map((c) => `${c.where}: FPA.${c.name}`);
    expect(unknown).toEqual([]);
  });

  it('written with parameter names list the function’s parameters in order (the reference pages’ too)', () => {
    const problems = [...calls, ...referenceCalls]
      .filter((c) => isSignature(c) && registered.has(c.name))
      .map((c) => {
        const problem = signatureProblem(c, registered.get(c.name)!.parameters);
        return problem && `${c.where}: ${c.text} ${problem}`;
      })
      .filter(Boolean);
    expect(problems).toEqual([]);
  });

  it('written with values take as many arguments as the function does, of its types', () => {
    const problems = examples.flatMap((c) => {
      const f = registered.get(c.name);
      if (!f) return [];
      const required = f.parameters.filter((p) => !p.optional).length;
      if (c.args.length < required || c.args.length > f.parameters.length)
        return [
          `${c.where}: ${c.text} has ${c.args.length} arguments; FPA.${c.name} takes ${required} to ${f.parameters.length}`,
        ];
      return c.args.flatMap((a, i) => {
        const v = argumentValue(a, f.parameters[i]);
        return 'problem' in v ? [`${c.where}: ${c.text}: ${v.problem}`] : [];
      });
    });
    expect(problems).toEqual([]);
  });

  it.each(examples.map((c) => [`${c.where} ${c.text}`, c] as const))(
    '%s returns a result on the sample data',
    async (_, c) => {
      const f = registered.get(c.name)!;
      const args = c.args.map((a, i) => {
        const v = argumentValue(a, f.parameters[i]);
        if ('problem' in v) throw new Error(v.problem);
        return v.value;
      });
      const result = await f.fn(...args);
      const documented = DOCUMENTED_ERRORS[c.name];
      if (documented) {
        expect(result).toBeInstanceOf(CustomFunctions.Error);
        expect((result as CustomFunctions.Error).code).toBe(documented.code);
        expect((result as CustomFunctions.Error).message).toMatch(documented.message);
        return;
      }
      if (result instanceof CustomFunctions.Error) throw new Error(`${result.code} ${result.message ?? ''}`);
      SENSIBLE[c.name]?.(result, args);
      if (Array.isArray(result)) {
        expect(result.length).toBeGreaterThan(0);
        expect(result.flat().some((x) => typeof x === 'number' && Number.isFinite(x))).toBe(true);
      } else expect(Number.isFinite(result)).toBe(true);
    },
    120_000,
  );
});

/** Every formula the sample workbook holds (Load sample company, npm run demo), spaces removed. */
function sampleWorkbookFormulas(): string[] {
  const plan = buildTemplatePlan(sample.spec, sample.data);
  plan.sheets.push(sampleDriversSheet(sample));
  return templateWrites(plan).flatMap((w) => {
    if (w.op === 'spill') return [w.formula];
    if (w.op === 'cells') return w.cells.flat().flatMap((c) => (isFormula(c) ? [c.formula] : []));
    return [];
  });
}

describe('the guide’s formulas on the sample company', () => {
  // A call of a function the workbook itself calls, on its tables, is the workbook's call; the others
  // (FPA.SCENARIO.TORNADO on the same drivers) are for the reader to type.
  it('are the formulas the sample workbook holds (`…id…` standing for the row’s id)', () => {
    const formulas = sampleWorkbookFormulas().map((f) => f.replace(/\s+/g, ''));
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const missing = examples
      .filter((c) => c.where.startsWith('docs/guide/') && c.args.some((a) => /\bfpa[A-Z]/.test(a)))
      .filter((c) => formulas.some((f) => f.includes(`FPA.${c.name}(`)))
      .filter((c) => {
        const pattern = new RegExp(c.text.replace(/\s+/g, '').split('…id…').map(escape).join('.+?'));
        return !formulas.some((f) => pattern.test(f));
      })
      .map((c) => `${c.where}: ${c.text}`);
    expect(missing).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The figures functions.md quotes for the sample company

const guide = read('docs/guide/functions.md');
const amount = (text: string) => Number(text.replace(/,/g, ''));
const call = async (name: string, ...args: unknown[]) => {
  const result = await registered.get(name)!.fn(...args);
  if (result instanceof CustomFunctions.Error) throw new Error(`${result.code} ${result.message ?? ''}`);
  return result as unknown[][];
};

/** The rows of the markdown table whose header row starts with `| first |`. */
function table(first: string): string[][] {
  const lines = guide.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const l of lines.slice(start)) {
    if (!l.startsWith('|')) break;
    rows.push(
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  }
  return [rows[0], ...rows.slice(2)];
}

describe('the figures docs/guide/functions.md quotes', () => {
  it('FPA.FORECAST.ROLLING for S-EMEA Travel: the first three months and the year’s landing', async () => {
    const m =
      /For S-EMEA Travel[\s\S]*?forecasts\s+\*\*([\d,]+), ([\d,]+), ([\d,]+)\*\*[\s\S]*?lands at \*\*([\d,]+)\*\*/.exec(
        guide,
      );
    expect(m).not.toBeNull();
    const spill = await call('FORECAST.ROLLING', [actualsOf(FORECAST_LINE)], 6);
    const mean = spill.map((r) => r[0] as number);
    expect(m!.slice(1, 4).map(amount)).toEqual(mean.slice(0, 3).map(Math.round));
    const actualToJune = actualsOf(FORECAST_LINE)
      .slice(months.indexOf('2025-01'))
      .reduce((s: number, v) => s + (v ?? 0), 0);
    expect(amount(m![4])).toBe(Math.round(actualToJune + mean.reduce((s, v) => s + v, 0)));
  }, 60_000);

  it('FPA.FORECAST.BACKTEST: the measures the guide names are the columns it spills', async () => {
    const named = /BACKTEST\(B2:B31, 3\)`[^(]*\(([^)]+)\)/.exec(guide.replace(/\s+/g, ' '));
    expect(named).not.toBeNull();
    const measures = named![1].match(/\b[A-Za-z]*(?:MAE|MASE|MAPE|MSE)\b|\d+%/g) ?? [];
    expect(measures.length).toBeGreaterThanOrEqual(3);
    const header = (await call('FORECAST.BACKTEST', BINDINGS['B2:B31'], 3))[0].map(String);
    expect(measures.filter((m) => !header.some((h) => h.includes(m)))).toEqual([]);
  }, 60_000);

  it('FPA.VARIANCE.FLAGS on the Variance sheet: every row of the table, and the explanation quoted', async () => {
    const quoted = table('line');
    expect(quoted[0]).toEqual(['line', 'period', 'through', 'kind', 'severity']);
    const spill = await call(
      'VARIANCE.FLAGS',
      BINDINGS['fpaVariance[[plan 2023-01]:[plan 2025-12]]'],
      BINDINGS['fpaVariance[[actual 2023-01]:[actual 2025-12]]'],
      BINDINGS['fpaVariance[id]'],
      null,
      BINDINGS['fpaPlan[[#Headers],[2023-01]:[2025-12]]'],
    );
    expect(quoted.slice(1)).toEqual(
      spill.slice(1).map((r) => [r[0], r[1], r[2], r[3], (r[4] as number).toFixed(3)] as string[]),
    );
    const explanation = /an explanation beside each \("([^"]+?) …"\)/.exec(guide);
    expect(explanation).not.toBeNull();
    expect(String(spill[1][5]).replace(/\s+/g, ' ')).toContain(explanation![1].replace(/\s+/g, ' '));
  }, 60_000);

  it('FPA.SCENARIO.MC on the Drivers sheet: the drivers, the model and the table', async () => {
    const model = /the model\s+`([^`]+)`/.exec(guide);
    expect(model![1]).toBe(sample.drivers.model.replace(/\n/g, '; '));
    // "four drivers (heads triangular 180/195/215, salary normal 62,000 ± 2,500, …)": each driver's name,
    // family and its parameters of 1 or more as written (the shares, 2–5%, aside).
    const described = /holds (\w+) drivers \(([^)]+)\)/.exec(guide.replace(/\s+/g, ' '));
    const drivers = sample.drivers.rows.slice(1);
    expect(described![1]).toBe(['one', 'two', 'three', 'four', 'five', 'six'][drivers.length - 1]);
    const parts = described![2].split(', ');
    expect(parts).toHaveLength(drivers.length);
    drivers.forEach(([name, family, ...params], i) => {
      expect(parts[i].startsWith(`${String(name).replace(/_/g, ' ')} ${String(family)} `)).toBe(true);
      for (const p of params.filter((x): x is number => typeof x === 'number' && x >= 1))
        expect(parts[i]).toContain(p.toLocaleString('en-US'));
    });
    const quoted = table('output');
    const spill = await call('SCENARIO.MC', sample.drivers.rows, [[sample.drivers.model]], 10000, 1);
    const header = spill[0] as string[];
    const rows = spill.slice(1).map((r) =>
      quoted[0].map((h, k) => {
        const c = r[header.indexOf(h)];
        return k === 0 ? c : Math.round(c as number).toLocaleString('en-US');
      }),
    );
    expect(quoted.slice(1)).toEqual(rows);
  }, 60_000);
});
