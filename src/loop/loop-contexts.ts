/**
 * From the loop step's input to each line's context for the allocation: its year-end landing, its
 * KPI response curve, the shape of its plan over the window, attainment per KPI unit and the limits.
 */
import { forecastLanding } from './spend-landing';
import { responseCurves } from './response-curves';
import type { LineContext } from './line-objective';
import type { LoopStepInput } from './loop-types';

/**
 * @param passThrough the pass-through to assume for each line (by id)
 */
export function lineContexts(input: LoopStepInput, passThrough: (line: string) => number): LineContext[] {
  const [a, b] = input.window;
  const months = input.monthsPerYear;
  const yearStart = Math.floor(a / months) * months;
  const kpiById = new Map(input.kpis.map((k) => [k.id, k]));
  const curves = responseCurves({
    kpis: input.kpis.map((k) => ({ id: k.id, actual: k.actual })),
    lines: input.lines.map((l) => ({
      id: l.id,
      kpi: l.kpi !== null && kpiById.has(l.kpi) ? l.kpi : null,
      actual: l.actual,
      lag: l.lag,
      entered: l.response,
    })),
  });
  return input.lines.map((line, i) => {
    const w = passThrough(line.id);
    const landing = forecastLanding({
      reference: line.annualPlan,
      plan: line.plan,
      actual: line.actual,
      yearStart,
      window: [a, b],
      passThrough: w,
    });
    const kpi = line.kpi === null ? undefined : kpiById.get(line.kpi);
    const shape: number[] = [];
    const attainmentPerUnit: number[] = [];
    let lower = 0;
    let upper = 0;
    for (let u = a; u <= b; u++) {
      shape.push(landing.planLeft > 0 ? line.plan[u] / landing.planLeft : 1 / (b - a + 1));
      lower += input.limits.minShare * line.annualPlan[u];
      upper += input.limits.maxShare * line.annualPlan[u];
      const target = kpi?.target[u];
      const sign = kpi?.direction === 'lower' ? -1 : 1;
      attainmentPerUnit.push(
        kpi && target !== null && target !== undefined && target > 0 ? (sign * (kpi.priority ?? 1)) / target : 0,
      );
    }
    return {
      id: line.id,
      costCentre: line.costCentre,
      landing,
      curve: curves[i],
      passThrough: w,
      shape,
      attainmentPerUnit,
      lower,
      upper,
      kpiMonths: Math.max(1, input.kpis.length) * months,
      lineCount: input.lines.length,
    };
  });
}
