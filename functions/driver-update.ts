/**
 * FPA.DRIVER.UPDATE: a thin adapter from Excel ranges to src/scenario/posterior. The numbers are
 * decided there; this file reads the prior's parameters and the actuals, and spills prior and
 * posterior as two rows shaped like the drivers table (distribution, param1..param4), so the
 * posterior row can feed FPA.SCENARIO.MC directly.
 */
import { DISTRIBUTION_PARAMETERS, canonicalFamily } from '../src/scenario/distributions/catalogue';
import { ScenarioErrors } from '../src/scenario/errors';
import { assertUpdatable, updateDriver } from '../src/scenario/posterior/update-driver';
import type { DistributionSummary, DriverDistribution } from '../src/scenario/posterior/types';
import { Errors } from '../src/errors';
import { optionalNumber, optionalString, readMatrix, safely, withHeader } from './adapter';
import type { Cell, SpillValue } from './adapter';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's metadata generator requires the
   TypeScript types of custom functions to match their JSDoc types (any[][] for ranges and spills). */

export const DRIVER_UPDATE_HEADER = [
  '',
  'distribution',
  'param1',
  'param2',
  'param3',
  'param4',
  'P5',
  'P50',
  'P95',
  'mean',
  'sd',
  'actuals',
  'method and notes',
];

/** Parameters in the catalogue's positional order (one row or column), or a two-column name/value table. */
function readParams(input: unknown, family: string): Record<string, number> {
  const grid = readMatrix(input, 'params');
  const order = DISTRIBUTION_PARAMETERS[family];
  const named = grid[0].length === 2 && grid.length > 1 && typeof grid[0][0] === 'string';
  const params: Record<string, number> = {};
  const put = (name: string, c: Cell) => {
    if (c === null || c === '') return;
    if (typeof c !== 'number')
      throw ScenarioErrors.badParameter('FPA.DRIVER.UPDATE', `parameter ${name} holds "${String(c)}", not a number.`);
    params[name] = c;
  };
  if (named) grid.forEach((row) => put(String(row[0]).trim(), row[1]));
  else
    grid.flat().forEach((c, i) => {
      if (i >= order.length && c !== null)
        throw Errors.badShape(
          'params',
          `at most ${order.length} values for ${family} (${order.join(', ')})`,
          `${grid.flat().length}`,
        );
      if (i < order.length) put(order[i], c);
    });
  return params;
}

/** Actuals: one row or column of values, or two columns (successes, trials) for a beta rate. */
function readActuals(input: unknown, family: string): { values: (number | null)[]; trials?: (number | null)[] } {
  const grid = readMatrix(input, 'actuals');
  const number = (c: Cell, where: string): number | null => {
    if (c === null || c === '') return null;
    if (typeof c !== 'number') throw Errors.notANumber('actuals', where, JSON.stringify(c));
    return c;
  };
  if (grid.length > 1 && grid[0].length === 2 && family === 'beta')
    return {
      values: grid.map((r, i) => number(r[0], `row ${i + 1}, column 1`)),
      trials: grid.map((r, i) => number(r[1], `row ${i + 1}, column 2`)),
    };
  if (grid.length > 1 && grid[0].length > 1)
    throw Errors.badShape(
      'actuals',
      family === 'beta' ? 'one column of rates, or two columns (successes, trials)' : 'a single row or column',
      `${grid.length} × ${grid[0].length}`,
    );
  return { values: grid.flat().map((c, i) => number(c, `value ${i + 1}`)) };
}

function driverRow(
  label: string,
  d: DriverDistribution,
  s: DistributionSummary,
  actuals: number | string,
  note: string,
): SpillValue[] {
  const order = DISTRIBUTION_PARAMETERS[d.family] ?? Object.keys(d.params);
  const params = [0, 1, 2, 3].map((i) => (order[i] !== undefined ? (d.params[order[i]] ?? '') : ''));
  return [label, d.family, ...params, s.p5, s.p50, s.p95, s.mean, s.sd, actuals, note];
}

/**
 * Learns a driver's distribution from its actuals: the distribution is the prior and the update is
 * conjugate where one exists (normal → normal–inverse-gamma, lognormal on the logs, beta–binomial for
 * rates, gamma–Poisson for counts); other continuous families are read as a normal with the same mean
 * and sd, and say so. Spills the prior and the posterior (the driver to re-run with) with P5/P50/P95
 * of the next actual.
 * @customfunction DRIVER.UPDATE
 * @helpurl https://localhost:3000/help/driver-update.html
 * @param {string} distribution The driver's distribution: normal, lognormal, lognormal2, beta, bernoulli, poisson, or another continuous family (read as a normal).
 * @param {any[][]} params The prior's parameters in the drivers table's order (e.g. mean, sd), or a two-column range of names and values.
 * @param {any[][]} actuals The actual values, one per period (blanks skipped); for a beta rate also two columns: successes and trials.
 * @param {number} [weight] How much one actual counts against the prior (default 1; the prior is worth one actual, or α + β trials for beta).
 * @returns {any[][]} A header and two rows, prior and posterior: distribution, param1..param4, P5, P50, P95, mean, sd, actuals used, method and notes.
 */
export function driverUpdate(distribution: string, params: any[][], actuals: any[][], weight?: number): any[][] {
  return safely(() => {
    const name = optionalString(distribution, 'distribution', '');
    const family = canonicalFamily(name);
    if (!family)
      throw ScenarioErrors.unknownDistribution('FPA.DRIVER.UPDATE', name, Object.keys(DISTRIBUTION_PARAMETERS));
    assertUpdatable(family);
    const w = optionalNumber(weight, 'weight', 1, { above: 0 });
    const u = updateDriver('FPA.DRIVER.UPDATE', family, readParams(params, family), readActuals(actuals, family), w);
    const note = [u.method, ...u.notes].join('. ');
    return withHeader(DRIVER_UPDATE_HEADER, [
      driverRow('prior', u.prior, u.prior, 0, ''),
      driverRow('posterior', u.posterior, u.predictive, u.observations, note),
    ]);
  });
}
