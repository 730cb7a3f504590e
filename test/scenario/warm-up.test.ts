import { runScenarioDetailed } from '../../src/scenario/run';
import type { ScenarioSpec } from '../../src/scenario/spec';
import { warmUpEngine } from '../../src/scenario/warm-up';

/** A run's numbers and trials, to compare to the bit. */
function fingerprint(spec: ScenarioSpec) {
  const run = runScenarioDetailed(spec);
  return {
    outputs: run.result.outputs,
    achieved: run.result.achievedCorrelation,
    sensitivity: run.result.sensitivity,
    trials: run.simulation.outputColumns.map((c) => Array.from(c)),
  };
}

describe('warmUpEngine', () => {
  const spec: ScenarioSpec = {
    drivers: [
      { name: 'a', distribution: 'pert', params: { min: 1, mode: 2, max: 6 } },
      { name: 'b', distribution: 'normal', params: { mean: 0, sd: 1 } },
      { name: 'c', distribution: 'discrete', params: { values: [0, 1], probabilities: [0.5, 0.5] } },
    ],
    correlation: {
      names: ['a', 'b'],
      matrix: [
        [1, 0.4],
        [0.4, 1],
      ],
    },
    model: 'y = a * b + c\nz = MAX(y, 0)',
    iterations: 3000,
    blockSize: 1000,
    seed: 4,
    sensitivity: true,
  };

  test('leaves a later run with the same bits (blocks of the warm-up size and of another size)', () => {
    const before = fingerprint(spec);
    const before20k = fingerprint({ ...spec, iterations: 40_000, blockSize: 20_000 });
    warmUpEngine(2_000, 2);
    expect(fingerprint(spec)).toEqual(before);
    warmUpEngine();
    expect(fingerprint({ ...spec, iterations: 40_000, blockSize: 20_000 })).toEqual(before20k);
    expect(fingerprint(spec)).toEqual(before);
  }, 60_000);

  test('runs one block, or blocks of a few hundred trials', () => {
    expect(() => warmUpEngine(500, 1)).not.toThrow();
    expect(() => warmUpEngine(200, 3)).not.toThrow();
  }, 30_000);
});
