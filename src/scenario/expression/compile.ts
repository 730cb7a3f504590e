/**
 * Compiles parsed model lines to a register program evaluated over typed arrays, block by block
 * (a few thousand trials at a time, so temporaries stay in cache and nothing is allocated per
 * trial). EXP, LN, POWER and ^ use the engine-independent functions of special/det-math.ts, so
 * a model gives the same bits in every browser. Only driver names, earlier outputs and the functions in `FUNCTIONS` can be referenced:
 * there is no other scope, so a model can reach nothing else.
 */
import { ScenarioErrors } from '../errors';
import { detExp, detLog, detPow } from '../special/det-math';
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
};

type Op = 'copy' | 'neg' | 'not' | 'abs' | 'exp' | 'ln' | 'sqrt' | 'round' | 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'min' | 'max'
  | 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne' | 'and' | 'or' | 'if';

interface Instruction {
  op: Op;
  dst: number;
  a: number;
  b: number;
  c: number;
}

/** Rounds half away from zero to `digits` decimals, as Excel's ROUND. */
function roundExcel(x: number, digits: number): number {
  const f = detPow(10, Math.trunc(digits));
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

const BINARY: Record<string, Op> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '^': 'pow',
  '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', '=': 'eq', '<>': 'ne', '&&': 'and', '||': 'or',
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
      throw ScenarioErrors.syntax(node.line, node.column, `${node.name} takes ${expected} argument${min === 1 && (max === 1 || max === 255) ? '' : 's'}, got ${node.args.length}`);
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
        return args.length === 1 && (op === 'min' || op === 'max') ? args[0] : args.slice(1).reduce((acc, r) => emit(op, acc, r), op === 'and' || op === 'or' ? emit('ne', args[0], constant(0)) : args[0]);
      }
      case 'ROUND':
        return emit('round', args[0], args.length > 1 ? args[1] : constant(0));
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

const BLOCK = 4096;

function run(ins: Instruction, regs: Float64Array[], len: number): void {
  const d = regs[ins.dst];
  const a = regs[ins.a];
  const b = ins.b >= 0 ? regs[ins.b] : a;
  switch (ins.op) {
    case 'copy': for (let i = 0; i < len; i++) d[i] = a[i]; break;
    case 'neg': for (let i = 0; i < len; i++) d[i] = -a[i]; break;
    case 'not': for (let i = 0; i < len; i++) d[i] = a[i] === 0 ? 1 : 0; break;
    case 'abs': for (let i = 0; i < len; i++) d[i] = Math.abs(a[i]); break;
    case 'exp': for (let i = 0; i < len; i++) d[i] = detExp(a[i]); break;
    case 'ln': for (let i = 0; i < len; i++) d[i] = detLog(a[i]); break;
    case 'sqrt': for (let i = 0; i < len; i++) d[i] = Math.sqrt(a[i]); break;
    case 'round': for (let i = 0; i < len; i++) d[i] = roundExcel(a[i], b[i]); break;
    case 'add': for (let i = 0; i < len; i++) d[i] = a[i] + b[i]; break;
    case 'sub': for (let i = 0; i < len; i++) d[i] = a[i] - b[i]; break;
    case 'mul': for (let i = 0; i < len; i++) d[i] = a[i] * b[i]; break;
    case 'div': for (let i = 0; i < len; i++) d[i] = a[i] / b[i]; break;
    case 'pow': for (let i = 0; i < len; i++) d[i] = detPow(a[i], b[i]); break;
    case 'min': for (let i = 0; i < len; i++) d[i] = a[i] < b[i] ? a[i] : b[i]; break;
    case 'max': for (let i = 0; i < len; i++) d[i] = a[i] > b[i] ? a[i] : b[i]; break;
    case 'lt': for (let i = 0; i < len; i++) d[i] = a[i] < b[i] ? 1 : 0; break;
    case 'le': for (let i = 0; i < len; i++) d[i] = a[i] <= b[i] ? 1 : 0; break;
    case 'gt': for (let i = 0; i < len; i++) d[i] = a[i] > b[i] ? 1 : 0; break;
    case 'ge': for (let i = 0; i < len; i++) d[i] = a[i] >= b[i] ? 1 : 0; break;
    case 'eq': for (let i = 0; i < len; i++) d[i] = a[i] === b[i] ? 1 : 0; break;
    case 'ne': for (let i = 0; i < len; i++) d[i] = a[i] !== b[i] ? 1 : 0; break;
    case 'and': for (let i = 0; i < len; i++) d[i] = a[i] !== 0 && b[i] !== 0 ? 1 : 0; break;
    case 'or': for (let i = 0; i < len; i++) d[i] = a[i] !== 0 || b[i] !== 0 ? 1 : 0; break;
    case 'if': {
      const c = regs[ins.c];
      for (let i = 0; i < len; i++) d[i] = a[i] !== 0 ? b[i] : c[i];
      break;
    }
  }
}

/**
 * Evaluates the program on `n` trials.
 * @param inputs one column per driver (same order as compiled), read at [inputOffset, inputOffset + n)
 * @param outputs one column per output, written at [outputOffset, outputOffset + n)
 * @example // drivers a, b; model "c = a + b": outputs[0][i] = inputs[0][i] + inputs[1][i]
 */
export function evaluateProgram(
  program: Program,
  inputs: readonly Float64Array[],
  outputs: readonly Float64Array[],
  n: number,
  inputOffset = 0,
  outputOffset = 0,
): void {
  const regs: Float64Array[] = new Array<Float64Array>(program.registerCount);
  const size = Math.max(1, Math.min(BLOCK, n));
  for (let r = 0; r < program.registerCount; r++) regs[r] = new Float64Array(size);
  for (const [r, value] of program.constants) regs[r].fill(value);
  for (let start = 0; start < n; start += size) {
    const len = Math.min(size, n - start);
    const from = inputOffset + start;
    const to = outputOffset + start;
    program.driverRegisters.forEach((r, i) => (regs[r] = inputs[i].subarray(from, from + len)));
    program.outputRegisters.forEach((r, i) => (regs[r] = outputs[i].subarray(to, to + len)));
    for (const ins of program.instructions) run(ins, regs, len);
  }
}
