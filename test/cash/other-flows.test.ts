import { rollingForecast } from '../../src/forecast/rolling-forecast';
import { projectOtherFlows } from '../../src/cash/other-flows';

describe('projectOtherFlows', () => {
  it('adds committed lines as given', () => {
    const p = projectOtherFlows(
      [
        { name: 'payroll', kind: 'committed', values: [-100, 0, -100] },
        { name: 'rent', kind: 'committed', values: [-10, -10, -10] },
      ],
      3,
      100,
      1,
    );
    expect(p.committed).toEqual([-110, -10, -110]);
    expect(p.expected).toEqual([0, 0, 0]);
    expect(p.trials).toEqual([]);
  });

  it('forecasts a line with the forecast engine and draws trials whose mean is the expected value', () => {
    const history = Array.from(
      { length: 36 },
      (_, t) => 1000 + 10 * t + 80 * Math.sin((2 * Math.PI * t) / 12) + ((t * 37) % 11),
    );
    const p = projectOtherFlows([{ name: 'cash sales', kind: 'forecast', values: history }], 4, 20000, 5);
    const f = rollingForecast({ values: history, horizon: 4, levels: [90], method: 'auto', seed: 5 });
    p.expected.forEach((e, t) => {
      const lo = f.intervals[0].lower[t],
        hi = f.intervals[0].upper[t],
        m = f.mean[t];
      expect(e).toBeCloseTo(m + (Math.sqrt(2 / Math.PI) * (hi - m - (m - lo))) / 1.6448536269514722, 9);
      const mean = p.trials[0].reduce((s, row) => s + row[t], 0) / 20000;
      expect(Math.abs(mean - e)).toBeLessThan((4 * (hi - lo)) / 3.29 / Math.sqrt(20000));
    });
    expect(p.notes[0]).toMatch(/^cash sales: /);
  });

  it('names the line at fault', () => {
    expect(() => projectOtherFlows([{ name: 'tax', kind: 'committed', values: [1, 2] }], 3, 10, 1)).toThrow(
      /other_flows row 1 \(tax\) needs one amount per period \(3\); got 2/,
    );
    expect(() => projectOtherFlows([{ name: 'x', kind: 'forecast', values: [1, 2, 3] }], 3, 10, 1)).toThrow(
      /at least 4/,
    );
    expect(() => projectOtherFlows([{ name: 'y', kind: 'committed', values: [1, NaN, 3] }], 3, 10, 1)).toThrow(
      /value 2/,
    );
  });
});
