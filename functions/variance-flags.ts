/**
 * FPA.VARIANCE.FLAGS: the flags custom function, a thin adapter from Excel ranges to src/anomaly.
 * Numbers are decided in src/anomaly; the plan/actual layout is read by src/sheets; this file
 * validates the thresholds and spills.
 */
import { detectFlags } from '../src/anomaly/detect-flags';
import { labelledPeriodsPerYear } from '../src/anomaly/parse-budget';
import type { ThresholdSettings } from '../src/anomaly/types';
import { resolveThresholds } from '../src/anomaly/resolve-thresholds';
import { Errors } from '../src/errors';
import { numberFromText } from '../src/sheets/cells';
import { readPeriodLabels, readPlanActualBlocks } from '../src/sheets/plan-actual-blocks';
import { readGrid, readMatrix, safely, withHeader } from './adapter';
import type { SpillValue } from './adapter';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's metadata generator requires the
   TypeScript types of custom functions to match their JSDoc types (any[][] for ranges and spills). */

const THRESHOLD_NAMES = [
  'minPct',
  'minAbs',
  'alpha',
  'z',
  'cusumH',
  'runRatePct',
  'periodsPerYear',
  'useForecast',
  'sheetMateriality',
];

/** A text that is a plain number ("0.05", the shared cell rule of src/sheets/cells.ts) as that number. */
const asNumber = (value: unknown): unknown =>
  typeof value === 'string' && numberFromText(value) !== undefined ? numberFromText(value) : value;

/** A single number is the percentage threshold; a two-column range is name / value pairs. */
function readThresholds(input: unknown): ThresholdSettings {
  if (input === null || input === undefined) return {};
  const matrix = readMatrix(input, 'thresholds');
  if (matrix.length === 1 && matrix[0].length === 1) {
    const only = asNumber(matrix[0][0]);
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
    settings[key] = asNumber(value);
  }
  resolveThresholds(settings as ThresholdSettings, { id: '', account: '' });
  return settings as ThresholdSettings;
}

const HEADER = ['line', 'period', 'through', 'kind', 'severity', 'explanation'];

/**
 * Flags budget variances and anomalies in a plan/actual block, one row per issue: a persistent
 * deviation from plan (from its first to its last period: level shifts, run-rate breaches,
 * opportunities to free budget, spells over or under plan) or a one-off period, each material and
 * beyond the line's usual variation. Most severe first.
 * @customfunction VARIANCE.FLAGS
 * @helpurl https://localhost:3000/help/variance-flags.html
 * @param {any[][]} plan Plan amounts: one row per budget line, one column per period (a single column is one line).
 * @param {any[][]} actual Actual amounts, the same shape as plan; blank cells are periods not booked yet.
 * @param {any[][]} [labels] Line names, one per line (for example the account column). Default "line 1", "line 2", ….
 * @param {any[][]} [thresholds] A percentage threshold (0.05 = 5%), or a two-column range of setting names (minPct, minAbs, alpha, z, runRatePct, periodsPerYear, useForecast, sheetMateriality) and values.
 * @param {any[][]} [periods] Period labels, one per period (for example the header row "Jan" … "Dec"); the period columns and the explanations use them. A row of dates a month, a quarter or a week apart reads as "Jan 2026", "Q1 2026" or "2026-W05". Quarters or weeks set periodsPerYear to 4 or 52 unless thresholds give it. Default: period numbers.
 * @returns {any[][]} A table with a header: line, period (first period of the issue), through (its last period), kind, severity (0 to 1), explanation.
 */
export function varianceFlags(
  plan: any[][],
  actual: any[][],
  labels?: any[][],
  thresholds?: any[][],
  periods?: any[][],
): any[][] {
  return safely(() => {
    const lines = readPlanActualBlocks({
      plan: readGrid(plan, 'plan'),
      actual: readGrid(actual, 'actual'),
      labels: labels === null || labels === undefined ? null : readGrid(labels, 'labels'),
    });
    const names = readPeriodLabels(
      periods === null || periods === undefined ? null : readGrid(periods, 'periods'),
      lines[0].plan.length,
    );
    const given = readThresholds(thresholds);
    // Quarterly or weekly labels (or dates a quarter or a week apart) set the year when the thresholds do not.
    const perYear = given.periodsPerYear === undefined ? labelledPeriodsPerYear(names) : undefined;
    const settings = perYear === undefined ? given : { ...given, periodsPerYear: perYear };
    const flags = detectFlags(lines, settings, { periods: names });
    const period = (t: number): SpillValue => (names ? names[t] : t + 1);
    const rows: SpillValue[][] = flags.map((f) => [
      f.line,
      period(f.periodIndex),
      period(f.throughIndex),
      f.kind,
      f.severity,
      f.explanation,
    ]);
    if (rows.length === 0)
      rows.push([
        '',
        '',
        '',
        'none',
        0,
        'No flags: every variance is within the thresholds and the lines\u2019 usual variation.',
      ]);
    return withHeader(HEADER, rows);
  });
}
