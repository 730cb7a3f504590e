/**
 * FPA.SCENARIO.MC's table of statistics: a header, then one row per output with its mean, sd,
 * min, max, standard error, the percentiles asked for, VaR and CVaR. The custom function spills it
 * and the sample workbook writes it, so both show the same columns.
 */
import { percentileKey } from './statistics';
import type { OutputStatistics } from './statistics';

/**
 * @param outputs statistics per output, in the model's order (as a run's result holds them)
 * @param percentiles the percentiles the run computed, in the order to show them
 * @param varLevel the VaR/CVaR level in percent the run used @default 95
 * @example statisticsTable({ y: stats }, [50]).header // ['output', 'mean', 'sd', 'min', 'max', 'se', 'P50', 'VaR95', 'CVaR95']
 */
export function statisticsTable(
  outputs: Readonly<Record<string, OutputStatistics>>,
  percentiles: readonly number[],
  varLevel = 95,
): { header: string[]; rows: (string | number)[][] } {
  const ps = percentiles.map((p) => `P${p}`);
  const header = ['output', 'mean', 'sd', 'min', 'max', 'se', ...ps, `VaR${varLevel}`, `CVaR${varLevel}`];
  const rows = Object.entries(outputs).map(([name, s]) => [
    name,
    s.mean,
    s.sd,
    s.min,
    s.max,
    s.se,
    ...percentiles.map((p) => s.percentiles[percentileKey(p)]),
    s[`var${varLevel}`],
    s[`cvar${varLevel}`],
  ]);
  return { header, rows };
}
