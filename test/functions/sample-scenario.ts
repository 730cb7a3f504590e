/**
 * The standard scenario of the cell tests: FPA.SCENARIO.MC's arguments as cells, and the same
 * scenario as the engine's spec, so a test can compare the cell with the core.
 */
import type { ScenarioSpec } from '../../src/scenario/spec';

export const SAMPLE_DRIVERS = [
  ['name', 'distribution', 'param1', 'param2', 'param3'],
  ['price', 'normal', 130, 10, null],
  ['volume', 'lognormal', 50000, 12000, null],
  ['unit_cost', 'triangular', 40, 55, 75],
  ['capex', 'discrete', '0; 250000; 1000000', '0.6; 0.3; 0.1', null],
];
export const SAMPLE_MODEL = [['revenue = price * volume'], ['profit = revenue - unit_cost * volume - capex']];
export const SAMPLE_CORRELATION = [
  [null, 'price', 'volume'],
  ['price', 1, -0.5],
  ['volume', -0.5, 1],
];

/** The same scenario as the engine runs it. */
export function sampleSpec(iterations: number, seed: number, percentiles: number[]): ScenarioSpec {
  return {
    drivers: [
      { name: 'price', distribution: 'normal', params: { mean: 130, sd: 10 } },
      { name: 'volume', distribution: 'lognormal', params: { mean: 50000, sd: 12000 } },
      { name: 'unit_cost', distribution: 'triangular', params: { min: 40, mode: 55, max: 75 } },
      {
        name: 'capex',
        distribution: 'discrete',
        params: { values: [0, 250000, 1000000], probabilities: [0.6, 0.3, 0.1] },
      },
    ],
    correlation: {
      names: ['price', 'volume'],
      matrix: [
        [1, -0.5],
        [-0.5, 1],
      ],
    },
    model: 'revenue = price * volume\nprofit = revenue - unit_cost * volume - capex',
    iterations,
    seed,
    percentiles,
  };
}
