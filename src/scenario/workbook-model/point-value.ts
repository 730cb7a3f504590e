/**
 * The check behind "Use this workbook's model": a translated model evaluated once, at the drivers'
 * point values (the values their cells hold), must give what the workbook shows in the output cells.
 */
import { compileModel } from '../expression/compile';
import { evaluateProgram } from '../expression/evaluate';
import { parseModel } from '../expression/parser';

/**
 * Every line of `model` evaluated at one point.
 * @param values driver name → value (every driver the model uses)
 * @returns output name → value, in model order
 * @example evaluateAtPoint('y = 2 * x', { x: 3 }) // { y: 6 }
 */
export function evaluateAtPoint(model: string, values: Readonly<Record<string, number>>): Record<string, number> {
  const drivers = Object.keys(values);
  const program = compileModel(parseModel(model), drivers);
  const outputs = program.outputs.map(() => new Float64Array(1));
  evaluateProgram(
    program,
    drivers.map((d) => Float64Array.of(values[d])),
    outputs,
    1,
  );
  return Object.fromEntries(program.outputs.map((name, i) => [name, outputs[i][0]]));
}
