/**
 * FPA.KPI.RESPONSE: a thin adapter from Excel ranges to src/loop's KPI response estimate. The
 * numbers are decided there; this file reads the KPI and spend columns and spills the estimate.
 */
import { estimateKpiResponse } from '../src/loop/kpi-response';
import { Errors } from '../src/errors';
import { optionalNumber, readMatrix, readSeries, safely, withHeader } from './adapter';
import type { Cell, SpillValue } from './adapter';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's metadata generator requires the
   TypeScript types of custom functions to match their JSDoc types (any[][] for ranges and spills). */

export const KPI_RESPONSE_HEADER = [
  'spend',
  'response per unit',
  'P5',
  'P95',
  'elasticity',
  'elasticity P5',
  'elasticity P95',
  'saturation',
];

/** Spend columns down the rows (one column per line), or one row for a single line given across. */
function readSpend(input: unknown, periods: number): (number | null)[][] {
  const grid = readMatrix(input, 'spend');
  const byRow = grid.length === 1 && grid[0].length === periods && periods > 1;
  const rows = byRow ? grid[0].map((c) => [c]) : grid;
  if (rows.length !== periods)
    throw Errors.badShape('spend', `${periods} rows, one per KPI period (one column per line)`, `${rows.length} rows`);
  const columns = rows[0].map((_, j) =>
    rows.map((row, t): number | null => {
      const c: Cell = row[j];
      if (c === null || c === '') return null;
      if (typeof c !== 'number') throw Errors.notANumber('spend', `row ${t + 1}, column ${j + 1}`, JSON.stringify(c));
      return c;
    }),
  );
  return columns;
}

/**
 * How much a KPI moves per unit of spend, estimated from history: a regression of the KPI on spend
 * (lagged if asked) that is linear, or saturating (diminishing returns) where the data support it by
 * AICc, with or without a trend. Spills the response at mean spend with its 90% interval, the
 * elasticity, and fit notes.
 * @customfunction KPI.RESPONSE
 * @helpurl https://localhost:3000/help/kpi-response.html
 * @param {any[][]} kpi_actuals The KPI per period, one column (blanks are skipped).
 * @param {any[][]} spend Spend per period, one column per budget line, the same rows as the KPI.
 * @param {number} [lag] Periods from spend to its effect on the KPI (default 0).
 * @returns {any[][]} One row per spend column (response per unit, P5, P95, elasticity and its interval, saturation), then the model, periods used, R² and notes.
 */
export function kpiResponse(kpi_actuals: any[][], spend: any[][], lag?: number): any[][] {
  return safely(() => {
    const kpi = readSeries(kpi_actuals, 'kpi_actuals').values;
    const lines = readSpend(spend, kpi.length);
    const r = estimateKpiResponse(kpi, lines, { lag: optionalNumber(lag, 'lag', 0, { min: 0, integer: true }) });
    const rows: SpillValue[][] = r.lines.map((l, i) => [
      lines.length === 1 ? 'spend' : `spend ${i + 1}`,
      l.marginal,
      l.lower,
      l.upper,
      l.elasticity,
      l.elasticityLower,
      l.elasticityUpper,
      l.saturation ?? '',
    ]);
    rows.push(['model', `${r.shape}${r.trend ? ' with trend' : ''}`]);
    rows.push(['periods used', r.n]);
    rows.push(['R²', r.r2]);
    r.notes.forEach((note) => rows.push(['note', note]));
    return withHeader(KPI_RESPONSE_HEADER, rows);
  });
}
