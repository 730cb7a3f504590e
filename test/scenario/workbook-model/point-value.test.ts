import { evaluateAtPoint } from '../../../src/scenario/workbook-model/point-value';

describe('evaluateAtPoint', () => {
  test('the documented example; every line, in model order', () => {
    expect(evaluateAtPoint('y = 2 * x', { x: 3 })).toEqual({ y: 6 });
    expect(evaluateAtPoint('a = x + 1\nb = a * a', { x: 2 })).toEqual({ a: 3, b: 9 });
  });
  test('a model with no drivers; a huge value; NaN passes through', () => {
    expect(evaluateAtPoint('c = 1.5e300 * 2', {})).toEqual({ c: 3e300 });
    expect(evaluateAtPoint('d = x * 0', { x: Number.NaN }).d).toBeNaN();
  });
  test('an unknown name is the model language’s error', () => {
    expect(() => evaluateAtPoint('y = z', { x: 1 })).toThrow('"z" is not a driver or an earlier output');
  });
});
