import { estimateTimeLeft, finishRatio, type ProgressSample } from '../../src/jobs/time-left';
import { SeededGenerator } from '../../src/stats/seeded-generator';

/** Reports every `stepMs` of a job running at `ratePerMs(t)` units per ms, up to `untilMs`. */
function run(ratePerMs: (t: number) => number, stepMs: number, untilMs: number): ProgressSample[] {
  const samples: ProgressSample[] = [];
  let done = 0;
  for (let t = stepMs; t <= untilMs + 1e-9; t += stepMs) {
    done += ratePerMs(t) * stepMs;
    samples.push({ done, elapsedMs: t });
  }
  return samples;
}

describe('estimateTimeLeft', () => {
  it('is exact at a constant rate (the doc example)', () => {
    const samples = [
      { done: 100, elapsedMs: 1000 },
      { done: 200, elapsedMs: 2000 },
    ];
    expect(estimateTimeLeft(samples, 1000)).toEqual({ remainingMs: 8000, lowMs: 8000, highMs: 8000, ratePerMs: 0.1 });
  });

  it('says nothing before two reports with work done, or without a total', () => {
    expect(estimateTimeLeft([], 100)).toBeNull();
    expect(estimateTimeLeft([{ done: 10, elapsedMs: 100 }], 100)).toBeNull();
    expect(
      estimateTimeLeft(
        [
          { done: 0, elapsedMs: 50 },
          { done: 10, elapsedMs: 100 },
        ],
        100,
      ),
    ).toBeNull();
    expect(
      estimateTimeLeft(
        [
          { done: 10, elapsedMs: 100 },
          { done: 20, elapsedMs: 200 },
        ],
        0,
      ),
    ).toBeNull();
    expect(
      estimateTimeLeft(
        [
          { done: Number.NaN, elapsedMs: 100 },
          { done: 20, elapsedMs: 200 },
        ],
        100,
      ),
    ).toBeNull();
  });

  it('is 0 (plus the finishing work) when every unit is done', () => {
    const samples = run(() => 1, 100, 1000);
    expect(estimateTimeLeft(samples, 1000)?.remainingMs).toBe(0);
    // Finishing work measured at 10% of the unit phase: 10% of the 1000 ms.
    expect(estimateTimeLeft(samples, 1000, { finishRatio: 0.1 })?.remainingMs).toBeCloseTo(100, 9);
  });

  it("follows a rate that drops, where the average since the start does not (the issue's 3M run)", () => {
    // 3M trials: 1.1M in the first 2.3 s, then 1/6 of that rate for the rest of the run.
    const fast = 1.1e6 / 2300;
    const slow = fast / 6;
    const samples = run((t) => (t <= 2300 ? fast : slow), 100, 4600);
    const last = samples[samples.length - 1];
    const truth = (3e6 - last.done) / slow;
    const naive = (last.elapsedMs / last.done) * (3e6 - last.done);
    const estimate = estimateTimeLeft(samples, 3e6)!;
    expect(naive / truth).toBeLessThan(0.5);
    expect(estimate.remainingMs / truth).toBeCloseTo(1, 6);
    expect(estimate.lowMs).toBeLessThanOrEqual(estimate.remainingMs);
    expect(estimate.highMs).toBeGreaterThanOrEqual(estimate.remainingMs);
  });

  it('brackets the truth with its range (seeded jitter)', () => {
    const g = new SeededGenerator(7, 'time-left');
    // 1000 units/s ± 20% per report, every 250 ms, 60 s of work in all.
    const rates = Array.from({ length: 400 }, () => 1 * (0.8 + 0.4 * g.nextOpen01()));
    let done = 0;
    const samples: ProgressSample[] = rates.map((r, i) => {
      done += r * 250;
      return { done, elapsedMs: (i + 1) * 250 };
    });
    const total = 60_000;
    const widths: number[] = [];
    for (const k of [20, 80, 160]) {
      const seen = samples.slice(0, k);
      const e = estimateTimeLeft(seen, total)!;
      const left = total - seen[k - 1].done;
      // The true time left at the mean rate of 1 unit/ms lies in the range.
      expect(e.lowMs).toBeLessThanOrEqual(left);
      expect(e.highMs).toBeGreaterThanOrEqual(left);
      expect(Math.abs(e.remainingMs - left) / left).toBeLessThan(0.1);
      widths.push((e.highMs - e.lowMs) / e.remainingMs);
    }
    // The range is the spread of the rates seen, not a point: the rate really varies by ±20%.
    for (const w of widths) expect(w).toBeGreaterThan(0.1);
  });

  it('adds the finishing work in proportion to the whole unit phase', () => {
    const samples = run(() => 2, 100, 1000);
    // 2000 units done in 1 s, 2000 left: 1 s more, then 25% of the 2 s unit phase.
    expect(estimateTimeLeft(samples, 4000, { finishRatio: 0.25 })?.remainingMs).toBeCloseTo(1500, 9);
  });

  it('measures from the last report before the window when the window holds no other', () => {
    const samples = [
      { done: 10, elapsedMs: 100 },
      { done: 1000, elapsedMs: 10_000 },
    ];
    // windowShare 0.5: no report between 5 s and 10 s other than the last; from the one at 0.1 s: 990 / 9900 ms.
    expect(estimateTimeLeft(samples, 2000)?.ratePerMs).toBeCloseTo(0.1, 12);
  });

  it('handles huge totals', () => {
    const samples = run(() => 1e9, 10, 100);
    expect(estimateTimeLeft(samples, Number.MAX_SAFE_INTEGER)?.remainingMs).toBeCloseTo(
      (Number.MAX_SAFE_INTEGER - 1e11) / 1e9,
      0,
    );
  });
});

describe('finishRatio', () => {
  it('is the work after the last unit as a share of the unit phase', () => {
    expect(finishRatio(20_000, 23_000)).toBe(0.15);
  });
  it('is 0 for what cannot be measured', () => {
    expect(finishRatio(0, 100)).toBe(0);
    expect(finishRatio(100, 50)).toBe(0);
    expect(finishRatio(Number.NaN, 50)).toBe(0);
  });
});
