/**
 * Compiles parsed model lines to a register program evaluated over typed arrays, block by block
 * (a few thousand trials at a time, so temporaries stay in cache and nothing is allocated per
 * trial; see evaluate.ts). Only driver names, earlier outputs and the functions in `FUNCTIONS` can be referenced:
 * there is no other scope, so a model can reach nothing else.
 */
import { ScenarioErrors } from '../errors';
import { Assignment, Node } from './ast';

/** Function name → [min, max] argument count. */
export const FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  IF: [2, 3],
  MIN: [1, 255],
  MAX: [1, 255],
  ABS: [1, 1],
  EXP: [1, 1],
  LN: [1, 1],
  SQRT: [1, 1],
  ROUND: [1, 2],
  POWER: [2, 2],
  AND: [1, 255],
  OR: [1, 255],
  NOT: [1, 1],
  SUM: [1, 255],
  AVERAGE: [1, 255],
  IFS: [2, 254],
  ROUNDUP: [1, 2],
  ROUNDDOWN: [1, 2],
  LOG: [1, 2],
  MOD: [2, 2],
  NPV: [2, 255],
  PMT: [3, 5],
};

export type Op =
  | 'copy'
  | 'neg'
  | 'not'
  | 'abs'
  | 'exp'
  | 'ln'
  | 'sqrt'
  | 'round'
  | 'roundup'
  | 'rounddown'
  | 'mod'
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'pow'
  | 'min'
  | 'max'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge'
  | 'eq'
  | 'ne'
  | 'and'
  | 'or'
  | 'if';

export interface Instruction {
  op: Op;
  dst: number;
  a: number;
  b: number;
  c: number;
}

const BINARY: Record<string, Op> = {
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  '^': 'pow',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
  '=': 'eq',
  '<>': 'ne',
  '&&': 'and',
  '||': 'or',
};

/** A compiled model: run it with `evaluateProgram`. */
export interface Program {
  /** Output names in model order. */
  outputs: string[];
  /** Driver names the model actually uses. */
  usedDrivers: string[];
  readonly registerCount: number;
  readonly constants: ReadonlyArray<readonly [number, number]>;
  readonly instructions: readonly Instruction[];
  readonly driverRegisters: readonly number[];
  readonly outputRegisters: readonly number[];
}

/**
 * PMT(rate, nper, pv, [fv = 0], [type = 0]), Excel's payment per period (negative for a loan received):
 * −(rate·(fv + pv·q)) / ((1 + rate·type)·(q − 1)) with q = (1 + rate)^nper, and −(pv + fv)/nper at rate 0.
 */
function compilePmt(
  args: readonly number[],
  constant: (value: number) => number,
  emit: (op: Op, a: number, b?: number, c?: number) => number,
): number {
  const [rate, nper, pv] = args;
  const fv = args.length > 3 ? args[3] : constant(0);
  const type = args.length > 4 ? args[4] : constant(0);
  const q = emit('pow', emit('add', constant(1), rate), nper);
  const numerator = emit('mul', rate, emit('add', fv, emit('mul', pv, q)));
  const denominator = emit('mul', emit('add', constant(1), emit('mul', rate, type)), emit('sub', q, constant(1)));
  const withRate = emit('neg', emit('div', numerator, denominator));
  const atZero = emit('neg', emit('div', emit('add', pv, fv), nper));
  return emit('if', emit('eq', rate, constant(0)), atZero, withRate);
}

/**
 * Resolves names and compiles.
 * @param drivers driver names in input-column order (matching is case-insensitive)
 * @throws SCENARIO_UNKNOWN_NAME for a name that is neither a driver nor an earlier output;
 *   SCENARIO_UNKNOWN_FUNCTION for a function outside `FUNCTIONS`; SCENARIO_MODEL_SYNTAX for a wrong
 *   argument count or an output named like a driver
 */
export function compileModel(lines: readonly Assignment[], drivers: readonly string[]): Program {
  let registers = 0;
  const constants: [number, number][] = [];
  const instructions: Instruction[] = [];
  const scope = new Map<string, number>();
  const driverRegisters = drivers.map((name) => {
    const r = registers++;
    scope.set(name.toLowerCase(), r);
    return r;
  });
  const used = new Set<number>();
  const constant = (value: number): number => {
    const r = registers++;
    constants.push([r, value]);
    return r;
  };
  const emit = (op: Op, a: number, b = -1, c = -1): number => {
    const dst = registers++;
    instructions.push({ op, dst, a, b, c });
    return dst;
  };
  const compile = (node: Node): number => {
    switch (node.kind) {
      case 'number':
        return constant(node.value);
      case 'name': {
        const r = scope.get(node.name.toLowerCase());
        if (r === undefined) throw ScenarioErrors.unknownName(node.name, node.line, node.column);
        if (r < drivers.length) used.add(r);
        return r;
      }
      case 'unary': {
        const a = compile(node.arg);
        if (node.op === '+') return a;
        if (node.op === '%') return emit('mul', a, constant(0.01));
        return emit(node.op === '-' ? 'neg' : 'not', a);
      }
      case 'binary':
        return emit(BINARY[node.op], compile(node.left), compile(node.right));
      case 'call':
        return compileCall(node);
    }
  };
  const compileCall = (node: Extract<Node, { kind: 'call' }>): number => {
    const arity = FUNCTIONS[node.name];
    if (!arity) throw ScenarioErrors.unknownFunction(node.name, node.line, node.column, Object.keys(FUNCTIONS));
    const [min, max] = arity;
    if (node.args.length < min || node.args.length > max) {
      const expected = min === max ? `${min}` : max === 255 ? `at least ${min}` : `${min} or ${max}`;
      throw ScenarioErrors.syntax(
        node.line,
        node.column,
        `${node.name} takes ${expected} argument${min === 1 && (max === 1 || max === 255) ? '' : 's'}, got ${node.args.length}`,
      );
    }
    const args = node.args.map(compile);
    switch (node.name) {
      case 'IF':
        return emit('if', args[0], args[1], args.length > 2 ? args[2] : constant(0));
      case 'MIN':
      case 'MAX':
      case 'AND':
      case 'OR': {
        const op = node.name.toLowerCase() as Op;
        return args.length === 1 && (op === 'min' || op === 'max')
          ? args[0]
          : args
              .slice(1)
              .reduce(
                (acc, r) => emit(op, acc, r),
                op === 'and' || op === 'or' ? emit('ne', args[0], constant(0)) : args[0],
              );
      }
      case 'ROUND':
      case 'ROUNDUP':
      case 'ROUNDDOWN':
        return emit(node.name.toLowerCase() as Op, args[0], args.length > 1 ? args[1] : constant(0));
      case 'SUM':
        return args.slice(1).reduce((acc, r) => emit('add', acc, r), args[0]);
      case 'AVERAGE':
        return emit(
          'div',
          args.slice(1).reduce((acc, r) => emit('add', acc, r), args[0]),
          constant(args.length),
        );
      case 'IFS': {
        if (args.length % 2 !== 0)
          throw ScenarioErrors.syntax(node.line, node.column, 'IFS takes pairs of condition and value');
        // No condition true: Excel's #N/A, here a value that is not a number (the output check names it).
        let acc = constant(Number.NaN);
        for (let i = args.length - 2; i >= 0; i -= 2) acc = emit('if', args[i], args[i + 1], acc);
        return acc;
      }
      case 'LOG':
        return emit('div', emit('ln', args[0]), emit('ln', args.length > 1 ? args[1] : constant(10)));
      case 'MOD':
        return emit('mod', args[0], args[1]);
      case 'NPV': {
        // NPV(rate, v1, …, vn) = Σ v_i / (1 + rate)^i, as Excel (the first value one period out).
        const factor = emit('add', constant(1), args[0]);
        return args
          .slice(1)
          .map((v, i) => emit('div', v, emit('pow', factor, constant(i + 1))))
          .reduce((acc, r) => emit('add', acc, r));
      }
      case 'PMT':
        return compilePmt(args, constant, emit);
      case 'POWER':
        return emit('pow', args[0], args[1]);
      default:
        return emit(node.name.toLowerCase() as Op, args[0]);
    }
  };
  const outputRegisters = lines.map((line) => {
    const key = line.name.toLowerCase();
    if (scope.has(key) && driverRegisters.includes(scope.get(key) as number)) {
      throw ScenarioErrors.syntax(line.line, 1, `the output "${line.name}" has the same name as a driver`);
    }
    const result = emit('copy', compile(line.expression));
    scope.set(key, result);
    return result;
  });
  return {
    outputs: lines.map((l) => l.name),
    usedDrivers: drivers.filter((_, i) => used.has(i)),
    registerCount: registers,
    constants,
    instructions,
    driverRegisters,
    outputRegisters,
  };
}
