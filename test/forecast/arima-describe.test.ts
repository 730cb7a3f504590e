import { describeArima } from '../../src/forecast/arima-describe';
import { fixedOrderFits } from './arima-fixtures';

describe('describeArima', () => {
  test('USAccDeaths: R auto.arima → ARIMA(0,1,1)(0,1,1)[12], ma1 −0.4303, sma1 −0.5528, AICc 857.32', () => {
    const y = Float64Array.from(fixedOrderFits().find((f) => f.name === 'usaccdeaths-011-011')!.values);
    const facts = Object.fromEntries(describeArima(y, 12).map((f) => [f.label, f.value]));
    expect(facts.model).toBe('ARIMA(0,1,1)(0,1,1)[12]');
    expect(facts['season length']).toBe(12);
    expect(facts['differences (d, KPSS)']).toBe(1);
    expect(facts['seasonal differences (D)']).toBe(1);
    expect(facts.ma1 as number).toBeCloseTo(-0.4303, 3);
    expect(facts.sma1 as number).toBeCloseTo(-0.5528, 3);
    expect(facts.AICc as number).toBeCloseTo(857.32, 1);
    expect(facts['log-likelihood'] as number).toBeCloseTo(-425.44, 1);
    expect(facts['in-sample MASE'] as number).toBeGreaterThan(0);
    expect(facts.observations).toBe(72);
  });
});
