/**
 * From the loop step's input to each line's context for the allocation: its year-end landing, the
 * response curve of each KPI it moves (estimated within that KPI's regression, or entered) with the
 * attainment per KPI unit, the shape of its plan over the window and the limits.
 */
import { forecastLanding } from './spend-landing';
import { responseCurves } from './response-curves';
import type { LineContext } from './line-objective';
import type { LoopKpiLink, LoopLine, LoopStepInput } from './loop-types';

/** Every KPI link of a line: its main `kpi` first, then `otherKpis`, once per KPI. */
export function loopLinks(line: LoopLine): LoopKpiLink[] {
  const main: LoopKpiLink[] = line.kpi === null ? [] : [{ kpi: line.kpi, lag: line.lag, response: line.response }];
  return [...main, ...(line.otherKpis ?? [])].filter((l, i, all) => all.findIndex((o) => o.kpi === l.kpi) === i);
}

/**
 * @param passThrough the pass-through to assume for each line (by id)
 */
export function lineContexts(input: LoopStepInput, passThrough: (line: string) => number): LineContext[] {
  const [a, b] = input.window;
  const months = input.monthsPerYear;
  const yearStart = Math.floor(a / months) * months;
  const kpiById = new Map(input.kpis.map((k) => [k.id, k]));
  const pairs = input.lines.flatMap((line, i) =>
    loopLinks(line)
      .filter((link) => kpiById.has(link.kpi))
      .map((link) => ({ i, link })),
  );
  const curves = responseCurves({
    kpis: input.kpis.map((k) => ({ id: k.id, actual: k.actual })),
    lines: pairs.map(({ i, link }) => ({
      id: input.lines[i].id,
      kpi: link.kpi,
      actual: input.lines[i].actual,
      lag: link.lag,
      entered: link.response,
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
    const shape: number[] = [];
    let lower = 0;
    let upper = 0;
    for (let u = a; u <= b; u++) {
      shape.push(landing.planLeft > 0 ? line.plan[u] / landing.planLeft : 1 / (b - a + 1));
      lower += input.limits.minShare * line.annualPlan[u];
      upper += input.limits.maxShare * line.annualPlan[u];
    }
    const terms = pairs.flatMap(({ i: at, link }, j) => {
      if (at !== i) return [];
      const kpi = kpiById.get(link.kpi)!;
      const sign = kpi.direction === 'lower' ? -1 : 1;
      const attainmentPerUnit: number[] = [];
      for (let u = a; u <= b; u++) {
        const target = kpi.target[u];
        attainmentPerUnit.push(
          target !== null && target !== undefined && target > 0 ? (sign * (kpi.priority ?? 1)) / target : 0,
        );
      }
      return [{ curve: curves[j], attainmentPerUnit }];
    });
    return {
      id: line.id,
      costCentre: line.costCentre,
      landing,
      terms,
      passThrough: w,
      shape,
      lower,
      upper,
      kpiMonths: Math.max(1, input.kpis.length) * months,
      lineCount: input.lines.length,
    };
  });
}
