/**
 * A run's inputs as SIPmath variables through pass-through outputs: the pass-throughs carry exactly
 * the samples the model saw (a SIP's by index; a driver's, since y = 2·x gives twice the column), the
 * model's own outputs are the same bits with and without them, and the variables come in order.
 */
import { runScenarioDetailed } from '../../../src/scenario/run';
import type { ScenarioSpec } from '../../../src/scenario/spec';
import { isPassThrough, runVariables, withPassThrough } from '../../../src/scenario/sipmath/run-library';

const SPEC: ScenarioSpec = {
  drivers: [
    { name: 'price', distribution: 'normal', params: { mean: 10, sd: 2 } },
    { name: 'volume', distribution: 'uniform', params: { min: 100, max: 200 } },
  ],
  sips: [{ name: 'fx', trials: [1.1, 1.2, 0.9] }],
  correlation: {
    names: ['price', 'volume'],
    matrix: [
      [1, -0.4],
      [-0.4, 1],
    ],
  },
  model: 'revenue = price * volume * fx\ndouble_price = 2 * price',
  iterations: 500,
  seed: 3,
};

const columns = (spec: ScenarioSpec) => {
  const run = runScenarioDetailed(spec);
  return Object.fromEntries(run.plan.program.outputs.map((o, i) => [o, run.simulation.outputColumns[i]]));
};

describe('withPassThrough', () => {
  const extended = withPassThrough(SPEC);
  const trials = columns(extended.spec);

  test('one pass-through per driver, then per SIP, in order', () => {
    expect(extended.inputs).toEqual([
      { name: 'price', output: 'openfpa_sip_input_0' },
      { name: 'volume', output: 'openfpa_sip_input_1' },
      { name: 'fx', output: 'openfpa_sip_input_2' },
    ]);
    expect(extended.inputs.every((x) => isPassThrough(x.output))).toBe(true);
    expect(isPassThrough('revenue')).toBe(false);
  });

  test('the pass-throughs are the samples the model saw, and the outputs are unchanged', () => {
    const plain = columns(SPEC);
    expect(trials.revenue).toEqual(plain.revenue);
    expect(trials.double_price).toEqual(Float64Array.from(trials.openfpa_sip_input_0, (p) => 2 * p));
    expect([...trials.openfpa_sip_input_2.subarray(0, 6)]).toEqual([1.1, 1.2, 0.9, 1.1, 1.2, 0.9]);
    for (let t = 0; t < 500; t++)
      expect(trials.revenue[t]).toBe(
        trials.openfpa_sip_input_0[t] * trials.openfpa_sip_input_1[t] * trials.openfpa_sip_input_2[t],
      );
  });

  test('runVariables: inputs under their names, then the outputs asked for, pass-throughs skipped', () => {
    const vars = runVariables(extended.inputs, ['revenue', 'openfpa_sip_input_1', 'double_price'], trials);
    expect(vars.map((v) => v.name)).toEqual(['price', 'volume', 'fx', 'revenue', 'double_price']);
    expect(vars[1].trials).toBe(trials.openfpa_sip_input_1);
    expect(() => runVariables(extended.inputs, ['revenue'], { revenue: trials.revenue })).toThrow(
      'the run kept no trials of "openfpa_sip_input_0"',
    );
  });

  test('a bad spec throws what the engine throws', () => {
    expect(() => withPassThrough({ ...SPEC, drivers: [], sips: [] })).toThrow(/at least one driver/);
  });
});
