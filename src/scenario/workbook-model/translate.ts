/**
 * "Use this workbook's model": translates the formulas behind chosen output cells into the model
 * language (src/scenario/expression), once, so the trials run vectorised instead of recalculating
 * the workbook per trial.
 *
 * From each output cell the translation follows the references of its formula: a cell bound to a
 * driver becomes the driver's name, a cell holding a number becomes that number, a cell holding a
 * formula becomes a model line of its own (named after its address, e.g. `Model_B7`), in dependency
 * order. Ranges are expanded inside SUM, AVERAGE, MIN, MAX, AND, OR and NPV (blank and text cells in
 * a range are skipped, as Excel skips them); defined names are followed; TRUE and FALSE are 1 and 0.
 * The formula text is parsed by the model language's own parser (after each reference is replaced by
 * a placeholder name), whose precedence is Excel's, so `-B1^2` means what it meant in the workbook.
 *
 * Anything else (a function outside the model language's list, text, a whole-column reference, an
 * undefined name, a circular reference, a cell on a missing sheet) stops the translation with
 * SCENARIO_UNTRANSLATABLE naming the cell and what to change: nothing is guessed.
 */
import type { Cell } from '../../model/cell';
import { isFpaError } from '../../errors';
import { ScenarioErrors } from '../errors';
import type { Node } from '../expression/ast';
import { FUNCTIONS } from '../expression/compile';
import { parseExpression } from '../expression/parser';
import { BlockRef, cellName, findReferences } from './excel-reference';

/** One cell as the workbook holds it: its formula ("=B1*B2"), or null for a constant, and its value. */
export interface SourceCell {
  formula: string | null;
  value: Cell;
}

export interface WorkbookModelSource {
  /** The cell at 0-based (row, column) on `sheet`; undefined when the sheet does not exist. */
  cell(sheet: string, row: number, column: number): SourceCell | undefined;
  /** Workbook-level defined names → what they refer to ("=Inputs!$B$2", "=0.25"); matched without case. */
  names?: Readonly<Record<string, string>>;
}

export interface WorkbookModelRequest {
  /** Output cells ("Model!B10"), each optionally named (default: its address, e.g. Model_B10). */
  outputs: readonly { cell: string; name?: string }[];
  /** Driver cells: each becomes the named driver wherever the chain reaches it. */
  drivers: readonly { cell: string; name: string }[];
}

export interface TranslatedLine {
  name: string;
  /** Sheet-qualified address of the cell. */
  cell: string;
  /** The workbook's formula. */
  formula: string;
  /** The model-language expression it became. */
  expression: string;
  /** Whether the line is one of the requested outputs. */
  output: boolean;
}

export interface TranslatedModel {
  /** The model text, one `name = expression` per line, in dependency order. */
  model: string;
  lines: TranslatedLine[];
  /** Drivers the chain reached, with their cells. */
  bindings: { driver: string; cell: string }[];
  /** Constant cells the chain read, with their values. */
  constants: { cell: string; value: number }[];
}

/** Functions whose arguments may be ranges (expanded to their cells). */
const RANGE_FUNCTIONS = new Set(['SUM', 'AVERAGE', 'MIN', 'MAX', 'AND', 'OR', 'NPV']);
const MAX_ARGS = 255;
const PLACEHOLDER = /^__ref(\d+)$/;
/** A:A, $B:$D, 3:3 (outside string literals, which are refused before this is checked). */
const WHOLE_LINES =
  /(?:^|[^A-Za-z0-9_.$])((?:'[^']+'!|[A-Za-z_][A-Za-z0-9_.]*!)?(?:\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+))(?![A-Za-z0-9_(])/;

const fail = (cell: string, message: string): never => {
  throw ScenarioErrors.untranslatable(cell, message);
};

/** A model-language name for a cell: its sheet and address, e.g. "My plan"!B7 → My_plan_B7. */
function lineNameFor(cellAddress: string, taken: Set<string>): string {
  let base = cellAddress
    .replace(/'/g, '')
    .replace(/!/g, '_')
    .replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(base)) base = `c_${base}`;
  base = base.slice(0, 60);
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Parses one address like "Model!B10" (sheet required). */
function parseAddress(address: string, field: string): { sheet: string; row: number; column: number } {
  const text = address.trim();
  const found = findReferences(text, '');
  const ref = found.length === 1 && found[0].start === 0 && found[0].end === text.length ? found[0].ref : null;
  if (!ref || ref.sheet === '' || ref.top !== ref.bottom || ref.left !== ref.right)
    throw ScenarioErrors.badSpec(field, `"${address}" is not one sheet-qualified cell like Model!B10.`);
  return { sheet: ref.sheet, row: ref.top, column: ref.left };
}

const numberText = (v: number): string => (Object.is(v, -0) ? '0' : String(v));

/**
 * @throws SCENARIO_UNTRANSLATABLE naming the cell and the function, text, name or reference that
 *   cannot be translated; SCENARIO_BAD_SPEC for an output or driver address that is not one cell
 * @example translateWorkbookModel(source, { outputs: [{ cell: 'Model!B3', name: 'profit' }],
 *   drivers: [{ cell: 'Inputs!B1', name: 'price' }] }) // model "profit = (price * 1000)" for Model!B3 = Inputs!B1*1000
 */
export function translateWorkbookModel(source: WorkbookModelSource, request: WorkbookModelRequest): TranslatedModel {
  const driverAt = new Map<string, string>();
  const taken = new Set<string>();
  for (const d of request.drivers) {
    const a = parseAddress(d.cell, 'drivers');
    driverAt.set(cellName(a.sheet, a.row, a.column).toLowerCase(), d.name);
    taken.add(d.name.toLowerCase());
  }
  const outputNames = new Map<string, string>();
  const outputCells = request.outputs.map((o) => {
    const a = parseAddress(o.cell, 'outputs');
    const key = cellName(a.sheet, a.row, a.column);
    if (o.name) {
      outputNames.set(key.toLowerCase(), o.name);
      taken.add(o.name.toLowerCase());
    }
    return a;
  });
  const names = new Map(Object.entries(source.names ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const lines: TranslatedLine[] = [];
  const lineOf = new Map<string, string>();
  /** Cells being translated, in order (key → address): a repeat is a circular reference. */
  const visiting = new Map<string, string>();
  const bindings = new Map<string, string>();
  const constants = new Map<string, number>();

  const read = (sheet: string, row: number, column: number, from: string): SourceCell => {
    const c = source.cell(sheet, row, column);
    if (!c) return fail(from, `it refers to the sheet "${sheet}", which does not exist.`);
    return c;
  };

  /** The model-language text for one cell's value; `inRange` cells that hold text or nothing are skipped (null). */
  const cellValue = (sheet: string, row: number, column: number, from: string, inRange: boolean): string | null => {
    const address = cellName(sheet, row, column);
    const key = address.toLowerCase();
    const driver = driverAt.get(key);
    if (driver) {
      bindings.set(driver, address);
      return driver;
    }
    const done = lineOf.get(key);
    if (done) return done;
    const c = read(sheet, row, column, from);
    if (c.formula !== null && c.formula.trim().startsWith('=')) return translateCell(sheet, row, column, c.formula);
    const v = c.value;
    if (typeof v === 'number') {
      constants.set(address, v);
      return numberText(v);
    }
    if (typeof v === 'boolean') return inRange ? null : v ? '1' : '0';
    if (v === null || v === '') return inRange ? null : '0';
    if (inRange) return null;
    return fail(address, `it holds the text "${v}", which a model cannot compute with (${from} refers to it).`);
  };

  const translateCell = (sheet: string, row: number, column: number, formula: string): string => {
    const address = cellName(sheet, row, column);
    const key = address.toLowerCase();
    if (visiting.has(key)) {
      const keys = [...visiting.keys()];
      const cycle = keys.slice(keys.indexOf(key)).map((k) => visiting.get(k));
      return fail(address, `it is part of a circular reference (${[...cycle, address].join(' → ')}).`);
    }
    visiting.set(key, address);
    const expression = translateFormula(formula, sheet, address);
    visiting.delete(key);
    const isOutput = outputCells.some((o) => cellName(o.sheet, o.row, o.column).toLowerCase() === key);
    const name = outputNames.get(key) ?? lineNameFor(address, taken);
    lineOf.set(key, name);
    lines.push({ name, cell: address, formula, expression, output: isOutput });
    return name;
  };

  const translateFormula = (formula: string, sheet: string, address: string): string => {
    const body = formula.trim().replace(/^=/, '');
    const string = /"((?:[^"]|"")*)"/.exec(body);
    if (string)
      fail(address, `the formula ${formula} uses the text "${string[1]}"; a model computes with numbers only.`);
    const whole = WHOLE_LINES.exec(body);
    if (whole)
      fail(
        address,
        `the formula ${formula} uses the whole-column or whole-row reference ${whole[1]}; give a block such as A1:A100.`,
      );
    const refs = findReferences(body, sheet);
    let text = '';
    let at = 0;
    refs.forEach((r, k) => {
      text += `${body.slice(at, r.start)}__ref${k}`;
      at = r.end;
    });
    text += body.slice(at);
    let tree: Node;
    try {
      tree = parseExpression(text);
    } catch (error) {
      if (!isFpaError(error)) throw error;
      const what = /&/.test(body) ? 'joins text with &' : 'cannot be read as arithmetic';
      return fail(address, `the formula ${formula} ${what}; a model computes with numbers only.`);
    }
    return emit(tree, { refs: refs.map((r) => r.ref), sheet, address, formula });
  };

  interface Context {
    refs: BlockRef[];
    sheet: string;
    address: string;
    formula: string;
  }

  /** A name in a formula: a reference placeholder, TRUE/FALSE, or a defined name. */
  const nameTarget = (name: string, ctx: Context): BlockRef | string => {
    const placeholder = PLACEHOLDER.exec(name);
    if (placeholder) return ctx.refs[Number(placeholder[1])];
    const upper = name.toUpperCase();
    if (upper === 'TRUE') return '1';
    if (upper === 'FALSE') return '0';
    const defined = names.get(name.toLowerCase());
    if (defined === undefined)
      return fail(ctx.address, `the formula ${ctx.formula} uses "${name}", which is not a defined name or a cell.`);
    const body = defined.trim().replace(/^=/, '');
    if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(body)) return numberText(Number(body));
    const found = findReferences(body, ctx.sheet);
    if (found.length === 1 && found[0].start === 0 && found[0].end === body.length) return found[0].ref;
    return fail(
      ctx.address,
      `the defined name "${name}" stands for ${defined}, which is not a number, a cell or a range.`,
    );
  };

  const isRange = (r: BlockRef): boolean => r.top !== r.bottom || r.left !== r.right;

  /** Arguments of a range function: ranges expanded to their cells (blank and text cells skipped). */
  const expandArgs = (args: Node[], ctx: Context): string[] =>
    args.flatMap((arg) => {
      if (arg.kind === 'name') {
        const target = nameTarget(arg.name, ctx);
        if (typeof target !== 'string' && isRange(target)) {
          const cells: string[] = [];
          for (let r = target.top; r <= target.bottom; r++)
            for (let c = target.left; c <= target.right; c++) {
              const v = cellValue(target.sheet, r, c, ctx.address, true);
              if (v !== null) cells.push(v);
            }
          return cells;
        }
      }
      return [emit(arg, ctx)];
    });

  const call = (fn: string, args: string[]): string => {
    if (args.length <= MAX_ARGS) return `${fn}(${args.join(', ')})`;
    // More cells than a call takes: fold in groups (SUM of SUMs, MIN of MINs, …).
    const groups: string[] = [];
    for (let i = 0; i < args.length; i += MAX_ARGS) groups.push(call(fn, args.slice(i, i + MAX_ARGS)));
    return call(fn, groups);
  };

  const emitCall = (node: Extract<Node, { kind: 'call' }>, ctx: Context): string => {
    const fn = node.name.toUpperCase();
    if (!FUNCTIONS[fn])
      return fail(
        ctx.address,
        `the formula ${ctx.formula} uses ${fn}, which a model cannot translate (available: ${Object.keys(FUNCTIONS).join(', ')}).`,
      );
    if (!RANGE_FUNCTIONS.has(fn)) return `${fn}(${node.args.map((a) => emit(a, ctx)).join(', ')})`;
    if (fn === 'NPV') {
      const values = expandArgs(node.args.slice(1), ctx);
      if (values.length + 1 > MAX_ARGS)
        fail(ctx.address, `NPV over ${values.length} cells is more than a model line takes.`);
      return `NPV(${[emit(node.args[0], ctx), ...values].join(', ')})`;
    }
    const args = expandArgs(node.args, ctx);
    if (args.length === 0) {
      if (fn === 'SUM') return '0';
      return fail(ctx.address, `${fn} in ${ctx.formula} has no numbers to work on (its ranges are empty).`);
    }
    if (fn === 'AVERAGE') return `(${call('SUM', args)} / ${args.length})`;
    return call(fn, args);
  };

  const emit = (node: Node, ctx: Context): string => {
    switch (node.kind) {
      case 'number':
        return numberText(node.value);
      case 'name': {
        const target = nameTarget(node.name, ctx);
        if (typeof target === 'string') return target;
        if (isRange(target))
          return fail(ctx.address, `the formula ${ctx.formula} uses a range where one value is expected.`);
        return cellValue(target.sheet, target.top, target.left, ctx.address, false)!;
      }
      case 'unary':
        if (node.op === '%') return `(${emit(node.arg, ctx)})%`;
        if (node.op === '+') return emit(node.arg, ctx);
        if (node.op === '-') return `(-${emit(node.arg, ctx)})`;
        return fail(ctx.address, `the formula ${ctx.formula} uses "!", which Excel formulas do not have.`);
      case 'binary':
        if (node.op === '&&' || node.op === '||')
          return fail(ctx.address, `the formula ${ctx.formula} uses "${node.op}", which Excel formulas do not have.`);
        return `(${emit(node.left, ctx)} ${node.op} ${emit(node.right, ctx)})`;
      case 'call':
        return emitCall(node, ctx);
    }
  };

  outputCells.forEach((o, i) => {
    const address = cellName(o.sheet, o.row, o.column);
    const c = read(o.sheet, o.row, o.column, address);
    if (driverAt.has(address.toLowerCase()))
      fail(address, 'it is bound to a driver; an output must be a formula that depends on drivers.');
    if (c.formula === null || !c.formula.trim().startsWith('='))
      fail(address, `it holds a constant, not a formula (output ${i + 1}).`);
    if (!lineOf.has(address.toLowerCase())) translateCell(o.sheet, o.row, o.column, c.formula!);
  });
  return {
    model: lines.map((l) => `${l.name} = ${l.expression}`).join('\n'),
    lines,
    bindings: [...bindings].map(([driver, cell]) => ({ driver, cell })),
    constants: [...constants].map(([cell, value]) => ({ cell, value })),
  };
}
