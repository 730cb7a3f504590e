import { backoffDelayMs } from '../../src/connector/backoff';

describe('backoffDelayMs', () => {
  test('doubles from the base and caps at the maximum', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((attempt) =>
      backoffDelayMs(attempt, { baseMs: 1000, maxMs: 60_000, jitter: 1 }),
    );
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000]);
  });
  test('jitter scales the delay into [50 %, 100 %]', () => {
    expect(backoffDelayMs(3, { baseMs: 1000, jitter: 0 })).toBe(2000);
    expect(backoffDelayMs(3, { baseMs: 1000, jitter: 0.5 })).toBe(3000);
    expect(backoffDelayMs(3, { baseMs: 1000, jitter: 7 })).toBe(4000);
  });
  test('odd attempts are clamped; huge attempts do not overflow', () => {
    expect(backoffDelayMs(0)).toBe(1000);
    expect(backoffDelayMs(-3)).toBe(1000);
    expect(backoffDelayMs(1e9)).toBe(300_000);
    expect(Number.isFinite(backoffDelayMs(Number.MAX_VALUE))).toBe(true);
  });
});
