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
  expect(() => describeModel({ values: fx.values, method: 'nonsense' })).toThrow(/not known/);
  expect(() => describeModel({ values: [1, 2], method: 'ses' })).toThrow(/needs at least 4/);
});
