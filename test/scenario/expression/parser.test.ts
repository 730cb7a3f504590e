import { fpaErrorOf } from '../../fpa-error-of';
import { compileModel } from '../../../src/scenario/expression/compile';
import { evaluateProgram } from '../../../src/scenario/expression/evaluate';
import { parseModel } from '../../../src/scenario/expression/parser';

/** Evaluates a one-line model over drivers given as arrays; returns the last output. */
function evaluate(model: string, drivers: Record<string, number[]> = {}): number[] {
  const names = Object.keys(drivers);
  const n = names.length ? drivers[names[0]].length : 1;
  const program = compileModel(parseModel(model), names);
  const outputs = program.outputs.map(() => new Float64Array(n));
  evaluateProgram(
    program,
    names.map((k) => Float64Array.from(drivers[k])),
    outputs,
    n,
  );
  return Array.from(outputs[outputs.length - 1]);
}

describe('model expressions', () => {
  test.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    // Excel's precedence: negation, then %, then ^ (left to right), then * /, then + −.
    ['2 ^ 3 ^ 2', 64],
    ['-2 ^ 2', 4],
    ['0 - 2 ^ 2', -4],
    ['-(2 ^ 2)', -4],
    ['2 ^ -1', 0.5],
    ['-2 ^ -2', 0.25],
    ['4 ^ 50%', 2],
    ['-5%', -0.05],
    ['2 * 3 ^ 2', 18],
    ['--3', 3],
    ['10 - 4 - 3', 3],
    ['12 / 4 / 3', 1],
    ['1 + 2 < 4', 1],
    ['3 <> 3', 0],
    ['3 == 3', 1],
    ['12%', 0.12],
    ['IF(2 > 1, 10, 20)', 10],
    ['IF(0, 10)', 0],
    ['MIN(3, -1, 2)', -1],
    ['MAX(3, 7, 2)', 7],
    ['ABS(-2.5)', 2.5],
    ['ROUND(2.5)', 3],
    ['ROUND(-2.5)', -3],
    ['ROUND(1234.567, -2)', 1200],
    ['ROUND(1.005 * 1000, 0)', 1005],
    ['POWER(2, 10)', 1024],
    ['SQRT(16) + LN(EXP(2))', 6],
    ['AND(1, 0) + OR(0, 2) + NOT(0)', 2],
    ['1e3 + .5', 1000.5],
    // The Excel functions a workbook model may use (values from Excel's documentation examples).
    ['SUM(1, 2, 3)', 6],
    ['AVERAGE(1, 2, 3, 4)', 2.5],
    ['IFS(0, 1, 1 > 0, 2, 1, 3)', 2],
    ['ROUNDUP(3.2, 0)', 4],
    ['ROUNDUP(-3.14159, 1)', -3.2],
    ['ROUNDUP(0.1 * 3, 1)', 0.3],
    ['ROUNDUP(31415.92654, -2)', 31500],
    ['ROUNDDOWN(3.7)', 3],
    ['ROUNDDOWN(-3.14159, 1)', -3.1],
    ['ROUNDDOWN(31415.92654, -2)', 31400],
    ['LOG(100)', 2],
    ['LOG(8, 2)', 3],
    ['MOD(3, 2)', 1],
    ['MOD(-3, 2)', 1],
    ['MOD(3, -2)', -1],
    ['MOD(-3, -2)', -1],
    // Excel: NPV(10%, -10000, 3000, 4200, 6800) = 1,188.44; numpy: sum(v / 1.1**arange(1, 5)) = 1188.4434123352216
    ['NPV(10%, -10000, 3000, 4200, 6800)', 1188.4434123352216],
    // Excel: PMT(8%/12, 10, 10000) = -1,037.03; PMT(6%/12, 18*12, 0, 50000) = -129.08
    ['PMT(8%/12, 10, 10000)', -1037.0320893591636],
    ['PMT(6%/12, 18*12, 0, 50000)', -129.0811608679954],
    ['PMT(0, 10, 1000)', -100],
  ])('%s = %d', (expr, expected) => {
    // To 1e-12 relative: EXP, LN and ^ are the engine-independent functions, not the platform's.
    const value = evaluate(expr)[0];
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
  });

  test('several named outputs refer to earlier ones; names are case-insensitive', () => {
    const program = compileModel(
      parseModel('revenue = Price * volume\nprofit = revenue - cost; margin = profit / REVENUE'),
      ['price', 'volume', 'cost'],
    );
    expect(program.outputs).toEqual(['revenue', 'profit', 'margin']);
    const out = [0, 1, 2].map(() => new Float64Array(2));
    evaluateProgram(program, [Float64Array.of(10, 20), Float64Array.of(3, 4), Float64Array.of(6, 40)], out, 2);
    expect(Array.from(out[2])).toEqual([0.8, 0.5]);
  });

  test('vectorised over more than one block of trials', () => {
    const x = Array.from({ length: 10000 }, (_, i) => i);
    const y = evaluate('y = IF(x > 5000, x * 2, -x)', { x });
    expect(y[4999]).toBe(-4999);
    expect(y[9999]).toBe(19998);
  });

  test('comments and blank lines are ignored; a bare expression is the output "result"', () => {
    expect(parseModel('# cash model\n\na = 1\n// done').map((a) => a.name)).toEqual(['a']);
    expect(parseModel('price * 2').map((a) => a.name)).toEqual(['result']);
  });

  test.each([
    ['a = 1 +', 'Model line 1, column 8: expected a number, a name or "(" but found the end of the line.'],
    ['a = (1 + 2', 'Model line 1, column 11: expected ")" but found the end of the line.'],
    ['a = 1\nb = 2 $ 3', 'Model line 2, column 7: unexpected character "$".'],
    ['a = 1\nb = 2 3', 'Model line 2, column 7: unexpected "3".'],
    ['a = 1\nb', 'Model line 2, column 1: expected "name = expression".'],
    ['a = 1\na = 2', 'Model line 2, column 1: the output "a" is defined twice.'],
    ['a = MIN()', 'Model line 1, column 5: MIN takes at least 1 argument, got 0.'],
    ['a = IF(1, 2, 3, 4)', 'Model line 1, column 5: IF takes 2 or 3 arguments, got 4.'],
    ['a = IFS(1, 2, 3)', 'Model line 1, column 5: IFS takes pairs of condition and value.'],
    ['a = MAX(1 2)', 'Model line 1, column 11: expected "," or ")" in the arguments of MAX but found "2".'],
    ['', 'Model line 1, column 1: the model is empty.'],
  ])('syntax error in %j has a position', (model, message) => {
    const e = fpaErrorOf(() => compileModel(parseModel(model), []));
    expect(e.code).toBe('SCENARIO_MODEL_SYNTAX');
    expect(e.message).toBe(message);
  });

  test('an unknown name is named, with its position (#N/A kind)', () => {
    const e = fpaErrorOf(() => compileModel(parseModel('revenue = price * volumes'), ['price', 'volume']));
    expect(e.code).toBe('SCENARIO_UNKNOWN_NAME');
    expect(e.kind).toBe('missing');
    expect(e.message).toBe('Model line 1, column 19: "volumes" is not a driver or an earlier output.');
  });

  test('nothing but drivers and the listed functions is reachable', () => {
    for (const model of [
      'a = constructor',
      'a = process',
      'a = globalThis',
      'a = __proto__',
      'a = Math.PI',
      'a = toString',
    ]) {
      expect(fpaErrorOf(() => compileModel(parseModel(model), ['x'])).code).toBe('SCENARIO_UNKNOWN_NAME');
    }
    for (const model of ['a = eval(1)', 'a = Function(1)', 'a = require(1)', 'a = constructor(1)', 'a = VLOOKUP(1)']) {
      expect(fpaErrorOf(() => compileModel(parseModel(model), ['x'])).code).toBe('SCENARIO_UNKNOWN_FUNCTION');
    }
    expect(fpaErrorOf(() => compileModel(parseModel('a = "x"'), [])).code).toBe('SCENARIO_MODEL_SYNTAX');
    expect(fpaErrorOf(() => compileModel(parseModel('a = x[0]'), ['x'])).code).toBe('SCENARIO_MODEL_SYNTAX');
  });

  test('an output cannot shadow a driver; later lines cannot be used before they are defined', () => {
    expect(fpaErrorOf(() => compileModel(parseModel('price = 1'), ['price'])).message).toContain(
      'same name as a driver',
    );
    expect(fpaErrorOf(() => compileModel(parseModel('a = b\nb = 1'), [])).code).toBe('SCENARIO_UNKNOWN_NAME');
  });

  test('records which drivers the model uses', () => {
    expect(compileModel(parseModel('y = a * 2'), ['a', 'b']).usedDrivers).toEqual(['a']);
  });
});

describe('evaluateProgram on reused registers', () => {
  test('programs of different sizes and constants one after another, over several 4,096-trial chunks', () => {
    const xs = Array.from({ length: 10_000 }, (_, i) => (i % 97) - 40);
    const first = evaluate('y = MAX(x * 2 + 7, 0) - 1', { x: xs });
    expect(first).toEqual(xs.map((x) => Math.max(x * 2 + 7, 0) - 1));
    expect(evaluate('y = 3 * 5 + 1')).toEqual([16]);
    const ys = xs.slice(0, 5000);
    expect(evaluate('a = x - 1\nb = IF(a > 0, a, 100)', { x: ys })).toEqual(ys.map((x) => (x - 1 > 0 ? x - 1 : 100)));
    expect(evaluate('y = MAX(x * 2 + 7, 0) - 1', { x: xs })).toEqual(first);
  });
});
