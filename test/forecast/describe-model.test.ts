import { describeModel } from '../../src/forecast/describe-model';
import { loadFixtures } from './fixtures';

const fx = loadFixtures().find((f) => f.name === 'usaccdeaths')!;

test('hw: names the model and its parameters, AICc and MASE', () => {
  const facts = Object.fromEntries(describeModel({ values: fx.values, method: 'hw' }).map((f) => [f.label, f.value]));
  expect(facts.model).toBe('ETS(A,A,A)');
  expect(facts['season length']).toBe(12);
  // Our AICc is at most R's: ets(y, model = "AAA", damped = FALSE)$aicc
  expect(facts.AICc as number).toBeLessThanOrEqual(fx.ets.AAA.aicc + 0.01);
  expect(facts['in-sample MASE']).toBeGreaterThan(0);
});

test('auto lists the theta member; bad method is an FpaError', () => {
  const labels = describeModel({ values: fx.values }).map((f) => f.label);
  expect(labels).toContain('theta alpha');
  expect(labels.some((l) => l.startsWith('AR order'))).toBe(true);
  // The ARIMA member is the fast (CSS) search's model; with a detected season AR is pooled too.
  const facts = Object.fromEntries(describeModel({ values: fx.values }).map((f) => [f.label, f.value]));
  expect(facts['ARIMA member']).toMatch(/^ARIMA\(\d,\d,\d\)/);
  expect(facts.combination).toBe(
    "equal weights: ETS (Akaike-weighted) + Theta + ARIMA + differenced AR; interval of ETS, Theta and differenced AR, rescaled, at least a Laplace one with 0.84 × the seasonal naive's standard deviation",
  );
  // 20 months: no season detected, so the autoregression is not pooled.
  const short = Object.fromEntries(describeModel({ values: fx.values.slice(0, 20) }).map((f) => [f.label, f.value]));
  expect(short.combination).toMatch(/^equal weights: ETS \(Akaike-weighted\) \+ Theta \+ ARIMA; /);
  expect(() => describeModel({ values: fx.values, method: 'nonsense' })).toThrow(/not known/);
  expect(() => describeModel({ values: [1, 2], method: 'ses' })).toThrow(/needs at least 4/);
});

test('auto and ets on 4 values describe the ETS(A,N,N) fallback with its whole weight', () => {
  for (const method of ['auto', 'ets']) {
    const facts = Object.fromEntries(
      describeModel({ values: [1005.55, 1123.86, 1168.11, 1188.17], method }).map((f) => [f.label, f.value]),
    );
    expect(facts.model).toBe('ETS(A,N,N)');
    expect(facts['Akaike weights']).toBe('ANN 1.00');
  }
});

test('outliers "adjust" describes the fit on the adjusted history and counts the replaced values', () => {
  const spiked = fx.values.map((v, i) => (i === 40 ? 2 * v : v));
  const keep = describeModel({ values: spiked, method: 'hw' });
  expect(describeModel({ values: spiked, method: 'hw', outliers: 'keep' })).toEqual(keep);
  expect(keep.map((f) => f.label)).not.toContain('outliers replaced');
  const adjusted = Object.fromEntries(
    describeModel({ values: spiked, method: 'hw', outliers: 'adjust' }).map((f) => [f.label, f.value]),
  );
  expect(adjusted['outliers replaced']).toBe(1);
  // The spike inflates the residual spread of the fit as given; the adjusted fit is close to the clean one.
  const sigma = (facts: { label: string; value: number | string }[]): number =>
    facts.find((f) => f.label === 'sigma')!.value as number;
  const clean = sigma(describeModel({ values: fx.values, method: 'hw' }));
  expect(adjusted.sigma as number).toBeLessThan(sigma(keep));
  expect(Math.abs((adjusted.sigma as number) / clean - 1)).toBeLessThan(0.1);
  expect(() => describeModel({ values: spiked, outliers: 'yes' as unknown as 'keep' })).toThrow(
    /outliers "yes" is not known/,
  );
});

test('arima: the model in R notation, its differencing, coefficients and criteria; outliers counted', () => {
  // R: auto.arima(USAccDeaths) → ARIMA(0,1,1)(0,1,1)[12], ma1 −0.4303, sma1 −0.5528
  const facts = describeModel({ values: fx.values, method: 'arima' });
  const byLabel = Object.fromEntries(facts.map((f) => [f.label, f.value]));
  expect(byLabel.model).toBe('ARIMA(0,1,1)(0,1,1)[12]');
  expect(byLabel.ma1 as number).toBeCloseTo(-0.4303, 3);
  expect(byLabel.AICc as number).toBeGreaterThan(0);
  const adjusted = describeModel({ values: fx.values, method: 'arima', outliers: 'adjust' });
  expect(adjusted.find((f) => f.label === 'outliers replaced')).toBeDefined();
  expect(() => describeModel({ values: [1, 2, 3], method: 'arima' })).toThrow(/needs at least 4/);
});
