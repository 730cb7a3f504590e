/** Line contexts for the loop's unit tests. */
import type { LineContext } from '../../src/loop/line-objective';
import { forecastLanding } from '../../src/loop/spend-landing';
import { enteredCurve } from '../../src/loop/response-curves';

/**
 * A line planned at 100 a month with 6 months left, spending `spend` a month so far (on plan by
 * default), and a KPI target of 1000 a month.
 */
export function context(perUnit: number, overrides: Partial<LineContext> = {}, spend = 100): LineContext {
  const landing = forecastLanding({
    reference: Array(12).fill(100),
    plan: Array(12).fill(100),
    actual: Array(6).fill(spend),
    yearStart: 0,
    window: [6, 11],
    passThrough: 0.5,
  });
  return {
    id: 'L',
    costCentre: 'CC',
    landing,
    terms: [{ curve: enteredCurve('K', { perUnit, saturation: 150 }), attainmentPerUnit: Array(6).fill(1 / 1000) }],
    passThrough: 0.5,
    shape: Array(6).fill(1 / 6),
    lower: 300,
    upper: 1200,
    kpiMonths: 12,
    lineCount: 1,
    ...overrides,
  };
}
