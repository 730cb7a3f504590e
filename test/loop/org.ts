/**
 * A small seeded organisation for the loop's tests (not the benchmark's world): cost centres with two
 * lines and a KPI each, spending that follows the plan partly, and a KPI that responds to one line
 * with diminishing returns and hardly to the other.
 */
import { SeededGenerator } from '../../src/stats/seeded-generator';
import type { LoopStepInput } from '../../src/loop/loop-types';

export interface Org {
  months: number;
  annualPlan: number[][];
  need: number[][];
  response: number[];
  lineIds: string[];
  costCentres: string[];
  kpiBase: number[];
  noise: number[][];
  kpiNoise: number[][];
}

export function makeOrg(seed: number, costCentres = 3, years = 2): Org {
  const rng = new SeededGenerator(seed, 'org');
  const months = 12 * years;
  const org: Org = {
    months,
    annualPlan: [],
    need: [],
    response: [],
    lineIds: [],
    costCentres: [],
    kpiBase: [],
    noise: [],
    kpiNoise: [],
  };
  for (let c = 0; c < costCentres; c++) {
    for (const j of [0, 1]) {
      const base = 20000 + 60000 * rng.nextOpen01();
      const drift = 0.85 + 0.3 * rng.nextOpen01();
      org.lineIds.push(`CC${c + 1}-${j ? 'B' : 'A'}`);
      org.costCentres.push(`CC${c + 1}`);
      org.annualPlan.push(Array.from({ length: months }, () => base));
      org.need.push(Array.from({ length: months }, (_, t) => base * (t < 6 ? 1 : drift)));
      org.response.push(j === 0 ? 1 + rng.nextOpen01() : 0.02);
      org.noise.push(Array.from({ length: months }, () => 0.03 * rng.nextNormal()));
    }
    org.kpiBase.push(100000 + 50000 * rng.nextOpen01());
    org.kpiNoise.push(Array.from({ length: months }, () => 0.02 * rng.nextNormal()));
  }
  return org;
}

export const spendOf = (org: Org, i: number, plan: number, t: number) =>
  (0.6 * plan + 0.4 * org.need[i][t]) * (1 + org.noise[i][t]);

export function kpiOf(org: Org, c: number, spend: (i: number) => number, t: number): number {
  let k = org.kpiBase[c];
  for (const i of [2 * c, 2 * c + 1]) {
    const s = 1.5 * org.annualPlan[i][0];
    k += org.response[i] * s * (1 - Math.exp(-spend(i) / s));
  }
  return k * (1 + org.kpiNoise[c][t]);
}

/** The loop step's input after `month` months of history under `plans`. */
export function stepInput(
  org: Org,
  plans: number[][],
  actual: number[][],
  kpiActual: number[][],
  month: number,
): LoopStepInput {
  const end = Math.min(org.months, (Math.floor((month + 1) / 12) + 1) * 12) - 1;
  const target = org.kpiBase.map((_, c) =>
    Array.from(
      { length: end + 1 },
      (_, t) => (1.03 * kpiOf(org, c, (i) => org.annualPlan[i][t], t)) / (1 + org.kpiNoise[c][t]),
    ),
  );
  return {
    month,
    monthsPerYear: 12,
    window: [month + 1, end],
    limits: { minShare: 0.5, maxShare: 2 },
    lines: org.lineIds.map((id, i) => ({
      id,
      costCentre: org.costCentres[i],
      kpi: `K${org.costCentres[i]}`,
      annualPlan: org.annualPlan[i].slice(0, end + 1),
      plan: plans[i].slice(0, end + 1),
      actual: actual[i].slice(0, month + 1),
    })),
    kpis: org.kpiBase.map((_, c) => ({
      id: `KCC${c + 1}`,
      costCentre: `CC${c + 1}`,
      target: target[c],
      actual: kpiActual[c].slice(0, month + 1),
    })),
    state: null,
  };
}
