/**
 * A deterministic two-year spend history and fixed noise, shared by the KPI response tests of the
 * core and of the cell (the R script quoted in test/loop/kpi-response.test.ts writes out the same).
 */
const months = Array.from({ length: 24 }, (_, i) => i);
export const spend = months.map(
  (i) => 40000 + 12000 * Math.sin((2 * Math.PI * i) / 12) + 5000 * Math.cos((2 * Math.PI * i) / 7) + 800 * i,
);
export const e = [
  0.3, -1.1, 0.8, 0.2, -0.5, 1.4, -0.9, 0.1, 0.6, -1.3, 0.4, 1.0, -0.2, 0.7, -0.8, 0.5, -1.6, 0.9, 0.0, -0.4, 1.2, -0.7,
  0.3, -0.1,
];
