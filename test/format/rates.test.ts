import {
  annualRateFromPerPeriod,
  annualRateSuspicion,
  annualRateWarning,
  PLAUSIBLE_ANNUAL_CASH_RATE,
  ratePerPeriodFromAnnual,
} from '../../src/format/rates';
import { SeededGenerator } from '../../src/stats/seeded-generator';

describe('rates per period and per year', () => {
  it('converts by compounding, as the cash engine compounds placements', () => {
    // R: print((1+0.05)^(1/12)-1, digits=15) → 0.00407412378364835
    expect(ratePerPeriodFromAnnual(0.05, 12)).toBeCloseTo(0.00407412378364835, 15);
    // R: print((1+0.12)^(1/4)-1, digits=15) → 0.0287373447220802
    expect(ratePerPeriodFromAnnual(0.12, 4)).toBeCloseTo(0.0287373447220802, 15);
    // R: print((1+0.05)^12-1, digits=15) → 0.79585632602213
    expect(annualRateFromPerPeriod(0.05, 12)).toBeCloseTo(0.79585632602213, 13);
    expect(ratePerPeriodFromAnnual(0, 12)).toBe(0);
    expect(annualRateFromPerPeriod(0.07, 1)).toBeCloseTo(0.07, 15);
  });

  it('round-trips (seeded, 200 rates)', () => {
    const g = new SeededGenerator(7, 'rates');
    for (let i = 0; i < 200; i++) {
      const annual = g.nextOpen01() * 0.5 - 0.05;
      const n = [2, 4, 12, 52, 365][i % 5];
      expect(annualRateFromPerPeriod(ratePerPeriodFromAnnual(annual, n), n)).toBeCloseTo(annual, 12);
    }
  });
});

describe('annualRateSuspicion', () => {
  it('flags a per-period rate that compounds past the plausible annual cash rate', () => {
    const found = annualRateSuspicion(0.05, 12);
    expect(found?.perYear).toBeCloseTo(0.79585632602213, 12);
    expect(found?.perPeriodIfAnnual).toBeCloseTo(0.00407412378364835, 15);
    expect(annualRateSuspicion(0.004, 12)).toBeNull();
    expect(annualRateSuspicion(0.06, 4)).not.toBeNull(); // 26.2% a year
    expect(annualRateSuspicion(0.05, 4)).toBeNull(); // 21.6% a year
  });

  it('stays quiet on annual periods, zero, negative and non-finite rates', () => {
    expect(annualRateSuspicion(0.3, 1)).toBeNull();
    expect(annualRateSuspicion(0, 12)).toBeNull();
    expect(annualRateSuspicion(-0.2, 12)).toBeNull();
    expect(annualRateSuspicion(NaN, 12)).toBeNull();
    expect(annualRateSuspicion(Infinity, 12)).toBeNull();
  });

  it('has its threshold exactly at the plausible annual rate', () => {
    const edge = ratePerPeriodFromAnnual(PLAUSIBLE_ANNUAL_CASH_RATE, 12);
    expect(annualRateSuspicion(edge * 0.999, 12)).toBeNull();
    expect(annualRateSuspicion(edge * 1.001, 12)).not.toBeNull();
  });

  it('says it in words with both conversions, in the locale', () => {
    expect(annualRateWarning('Credit line rate', 0.05, 12)).toBe(
      'Credit line rate 5% per month is 79.6% per year: if 5% is the annual rate, enter 0.41% per month.',
    );
    expect(annualRateWarning('Rate', 0.06, 4, { locale: 'de-DE' })).toBe(
      'Rate 6\u00a0% per quarter is 26,2\u00a0% per year: if 6\u00a0% is the annual rate, enter 1,5\u00a0% per quarter.',
    );
    expect(annualRateWarning('Rate', 0.003, 12)).toBeNull();
  });
});
