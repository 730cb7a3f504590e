/**
 * The interpreter for compiled model programs: instructions run over typed-array registers, a
 * block of trials at a time. EXP, LN, POWER and ^ use the engine-independent functions of
 * src/stats/deterministic-math.ts, so a model gives the same bits in every browser.
 */
import { detExp, detLog, detPow } from '../../stats/deterministic-math';
import { Instruction, Program } from './compile';

/** Rounds half away from zero to `digits` decimals, as Excel's ROUND. */
function roundExcel(x: number, digits: number): number {
  const f = detPow(10, Math.trunc(digits));
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

/**
 * |x|·10^digits, snapped to the nearest whole number when within 1e-12 of it (relative): the
 * decimal a user typed (0.1·3 stored as 0.30000000000000004) is not pushed up or down a step by its
 * binary representation, as Excel's 15-digit arithmetic does not push it.
 */
function scaled(x: number, digits: number): { y: number; f: number } {
  const f = detPow(10, Math.trunc(digits));
  const y = Math.abs(x) * f;
  const r = Math.round(y);
  return { y: Math.abs(y - r) <= 1e-12 * Math.max(1, y) ? r : y, f };
}

/** ROUNDUP: away from zero to `digits` decimals. */
function roundUpExcel(x: number, digits: number): number {
  const { y, f } = scaled(x, digits);
  return (Math.sign(x) * Math.ceil(y)) / f;
}

/** ROUNDDOWN: toward zero to `digits` decimals. */
function roundDownExcel(x: number, digits: number): number {
  const { y, f } = scaled(x, digits);
  return (Math.sign(x) * Math.floor(y)) / f;
}

const BLOCK = 4096;

function run(ins: Instruction, regs: Float64Array[], len: number): void {
  const d = regs[ins.dst];
  const a = regs[ins.a];
  const b = ins.b >= 0 ? regs[ins.b] : a;
  switch (ins.op) {
    case 'copy':
      for (let i = 0; i < len; i++) d[i] = a[i];
      break;
    case 'neg':
      for (let i = 0; i < len; i++) d[i] = -a[i];
      break;
    case 'not':
      for (let i = 0; i < len; i++) d[i] = a[i] === 0 ? 1 : 0;
      break;
    case 'abs':
      for (let i = 0; i < len; i++) d[i] = Math.abs(a[i]);
      break;
    case 'exp':
      for (let i = 0; i < len; i++) d[i] = detExp(a[i]);
      break;
    case 'ln':
      for (let i = 0; i < len; i++) d[i] = detLog(a[i]);
      break;
    case 'sqrt':
      for (let i = 0; i < len; i++) d[i] = Math.sqrt(a[i]);
      break;
    case 'round':
      for (let i = 0; i < len; i++) d[i] = roundExcel(a[i], b[i]);
      break;
    case 'roundup':
      for (let i = 0; i < len; i++) d[i] = roundUpExcel(a[i], b[i]);
      break;
    case 'rounddown':
      for (let i = 0; i < len; i++) d[i] = roundDownExcel(a[i], b[i]);
      break;
    case 'mod':
      // Excel's MOD: the result has the divisor's sign; MOD(x, 0) is not a number (#DIV/0! in Excel).
      for (let i = 0; i < len; i++) d[i] = a[i] - b[i] * Math.floor(a[i] / b[i]);
      break;
    case 'add':
      for (let i = 0; i < len; i++) d[i] = a[i] + b[i];
      break;
    case 'sub':
      for (let i = 0; i < len; i++) d[i] = a[i] - b[i];
      break;
    case 'mul':
      for (let i = 0; i < len; i++) d[i] = a[i] * b[i];
      break;
    case 'div':
      for (let i = 0; i < len; i++) d[i] = a[i] / b[i];
      break;
    case 'pow':
      for (let i = 0; i < len; i++) d[i] = detPow(a[i], b[i]);
      break;
    case 'min':
      for (let i = 0; i < len; i++) d[i] = a[i] < b[i] ? a[i] : b[i];
      break;
    case 'max':
      for (let i = 0; i < len; i++) d[i] = a[i] > b[i] ? a[i] : b[i];
      break;
    case 'lt':
      for (let i = 0; i < len; i++) d[i] = a[i] < b[i] ? 1 : 0;
      break;
    case 'le':
      for (let i = 0; i < len; i++) d[i] = a[i] <= b[i] ? 1 : 0;
      break;
    case 'gt':
      for (let i = 0; i < len; i++) d[i] = a[i] > b[i] ? 1 : 0;
      break;
    case 'ge':
      for (let i = 0; i < len; i++) d[i] = a[i] >= b[i] ? 1 : 0;
      break;
    case 'eq':
      for (let i = 0; i < len; i++) d[i] = a[i] === b[i] ? 1 : 0;
      break;
    case 'ne':
      for (let i = 0; i < len; i++) d[i] = a[i] !== b[i] ? 1 : 0;
      break;
    case 'and':
      for (let i = 0; i < len; i++) d[i] = a[i] !== 0 && b[i] !== 0 ? 1 : 0;
      break;
    case 'or':
      for (let i = 0; i < len; i++) d[i] = a[i] !== 0 || b[i] !== 0 ? 1 : 0;
      break;
    case 'if': {
      const c = regs[ins.c];
      for (let i = 0; i < len; i++) d[i] = a[i] !== 0 ? b[i] : c[i];
      break;
    }
  }
}

/**
 * This thread's register arrays, kept between calls (a block's model ran on 20-odd fresh arrays of
 * 4,096 values each). Calls on one thread run one after another, and every register is written
 * before it is read (constants are filled at each call), so reusing them changes nothing.
 */
const registers: Float64Array[] = [];

function register(r: number, size: number): Float64Array {
  let a = registers[r];
  if (!a || a.length !== size) registers[r] = a = new Float64Array(size);
  return a;
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
  for (let r = 0; r < program.registerCount; r++) regs[r] = register(r, size);
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
