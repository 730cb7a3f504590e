import { runScenario } from '../../src/scenario/run';
import { statisticsTable } from '../../src/scenario/statistics-table';

describe('statisticsTable', () => {
  const spec = {
    drivers: [{ name: 'x', distribution: 'uniform', params: { min: 0, max: 10 } }],
    model: 'y = 2 * x\nz = x - 5',
    iterations: 2000,
    seed: 3,
  };

  test('a header, then one row per output in the model’s order, each statistic under its column', () => {
    const result = runScenario({ ...spec, percentiles: [10, 50, 97.5] });
    const { header, rows } = statisticsTable(result.outputs, [10, 50, 97.5]);
    expect(header).toEqual(['output', 'mean', 'sd', 'min', 'max', 'se', 'P10', 'P50', 'P97.5', 'VaR95', 'CVaR95']);
    expect(rows.map((r) => r[0])).toEqual(['y', 'z']);
    const y = result.outputs.y;
    expect(rows[0]).toEqual([
      'y',
      y.mean,
      y.sd,
      y.min,
      y.max,
      y.se,
      y.percentiles['10'],
      y.percentiles['50'],
      y.percentiles['97.5'],
      y.var95,
      y.cvar95,
    ]);
    // y = 2x on U(0, 10): the median is near 10, and every cell is a finite number.
    expect(rows[0][7]).toBeCloseTo(10, 1);
    expect(
      rows
        .flat()
        .slice(1)
        .every((v) => typeof v === 'string' || Number.isFinite(v)),
    ).toBe(true);
  });

  test('another VaR level names its columns; no percentiles leaves only the moments and the risk', () => {
    const result = runScenario({ ...spec, percentiles: [], varLevel: 90 });
    const { header, rows } = statisticsTable(result.outputs, [], 90);
    expect(header).toEqual(['output', 'mean', 'sd', 'min', 'max', 'se', 'VaR90', 'CVaR90']);
    expect(rows[1].slice(-2)).toEqual([result.outputs.z.var90, result.outputs.z.cvar90]);
  });

  test('no outputs: the header alone', () => {
    expect(statisticsTable({}, [50]).rows).toEqual([]);
  });
});
