/**
 * FPA.VARIANCE.FLAGS: the flags custom function, a thin adapter from Excel ranges to src/anomaly.
 * Numbers are decided in src/anomaly; the plan/actual layout is read by src/sheets; this file
 * validates the thresholds and spills.
 */
import { detectFlags } from '../src/anomaly/detect-flags';
import type { ThresholdSettings } from '../src/anomaly/types';
import { resolveThresholds } from '../src/anomaly/resolve-thresholds';
import { Errors } from '../src/errors';
import { readPlanActualBlocks } from '../src/sheets/plan-actual-blocks';
import { readGrid, readMatrix, safely, withHeader } from './adapter';
import type { SpillValue } from './adapter';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's metadata generator requires the
   TypeScript types of custom functions to match their JSDoc types (any[][] for ranges and spills). */

const THRESHOLD_NAMES = ['minPct', 'minAbs', 'z', 'cusumH', 'runRatePct', 'periodsPerYear', 'useForecast'];

/** A single number is the percentage threshold; a two-column range is name / value pairs. */
function readThresholds(input: unknown): ThresholdSettings {
  if (input === null || input === undefined) return {};
  const matrix = readMatrix(input, 'thresholds');
  if (matrix.length === 1 && matrix[0].length === 1) {
    const only = matrix[0][0];
    if (only === null) return {};
    if (typeof only !== 'number') throw Errors.notANumber('thresholds', 'the cell', JSON.stringify(only));
    return { minPct: only };
  }
  if (matrix[0].length !== 2)
    throw Errors.badShape(
      'thresholds',
      'a number or a two-column range of name and value',
      `${matrix[0].length} columns`,
    );
  const settings: Record<string, unknown> = {};
  for (const [name, value] of matrix) {
    if (name === null && value === null) continue;
    const key = THRESHOLD_NAMES.find((n) => n.toLowerCase() === String(name).trim().toLowerCase());
    if (!key) throw Errors.unknownOption('thresholds', String(name), THRESHOLD_NAMES);
    settings[key] = value;
  }
  resolveThresholds(settings as ThresholdSettings, { id: '', account: '' });
  return settings as ThresholdSettings;
}

/**
 * Flags budget variances and anomalies in a plan/actual block: overspend and underspend beyond
 * materiality and the line's usual variation, one-off outliers, level shifts, year-to-date
 * run-rate breaches and under-spend opportunities. One row per flag, most severe first.
 * @customfunction VARIANCE.FLAGS
 * @helpurl https://localhost:3000/help/variance-flags.html
 * @param {any[][]} plan Plan amounts: one row per budget line, one column per period (a single column is one line).
 * @param {any[][]} actual Actual amounts, the same shape as plan; blank cells are periods not booked yet.
 * @param {any[][]} [labels] Line names, one per line (for example the account column). Default "line 1", "line 2", ….
 * @param {any[][]} [thresholds] A percentage threshold (0.05 = 5%), or a two-column range of setting names (minPct, minAbs, z, cusumH, runRatePct, periodsPerYear, useForecast) and values.
 * @returns {any[][]} A table with a header: line, period (1 = first column), kind, severity (0 to 1), explanation.
 */
export function varianceFlags(plan: any[][], actual: any[][], labels?: any[][], thresholds?: any[][]): any[][] {
  return safely(() => {
    const lines = readPlanActualBlocks({
      plan: readGrid(plan, 'plan'),
      actual: readGrid(actual, 'actual'),
      labels: labels === null || labels === undefined ? null : readGrid(labels, 'labels'),
    });
    const settings = readThresholds(thresholds);
    const flags = detectFlags(lines, settings);
    const rows: SpillValue[][] = flags.map((f) => [f.line, f.periodIndex + 1, f.kind, f.severity, f.explanation]);
    if (rows.length === 0)
      rows.push([
        '',
        '',
        'none',
        0,
        'No flags: every variance is within the thresholds and the lines\u2019 usual variation.',
      ]);
    return withHeader(['line', 'period', 'kind', 'severity', 'explanation'], rows);
  });
}
