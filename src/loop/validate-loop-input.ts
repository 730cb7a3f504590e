/**
 * Checks the loop step's input before anything is computed, naming the field at fault.
 */
import { LoopErrors } from './errors';
import { DEFAULT_LOOP_SETTINGS } from './loop-types';
import type { LoopSettings, LoopStepInput } from './loop-types';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function numbers(values: unknown, field: string, length: number, allowNull: boolean): void {
  if (!Array.isArray(values)) throw LoopErrors.badInput(field, 'must be a list of numbers');
  if (values.length < length)
    throw LoopErrors.badInput(field, `needs ${length} values (through the window), has ${values.length}`);
  values.forEach((v, i) => {
    if (!(finite(v) || (allowNull && v === null)))
      throw LoopErrors.badInput(`${field}[${i}]`, `${JSON.stringify(v)} is not a number`);
  });
}

/**
 * @returns the settings with their defaults
 * @throws LOOP_BAD_INPUT naming the field
 */
export function validateLoopInput(input: LoopStepInput): LoopSettings {
  if (!input || typeof input !== 'object') throw LoopErrors.badInput('input', 'must be an object');
  const { month, monthsPerYear, window: span, limits } = input;
  if (!Number.isInteger(month) || month < -1) throw LoopErrors.badInput('month', 'must be a whole number ≥ −1');
  if (!Number.isInteger(monthsPerYear) || monthsPerYear < 1)
    throw LoopErrors.badInput('monthsPerYear', 'must be a whole number ≥ 1');
  if (!Array.isArray(span) || span.length !== 2 || !span.every(Number.isInteger) || span[0] !== month + 1)
    throw LoopErrors.badInput('window', 'must be [first, last] months, first = month + 1');
  if (
    !limits ||
    !finite(limits.minShare) ||
    !finite(limits.maxShare) ||
    !(limits.minShare >= 0 && limits.minShare <= 1 && limits.maxShare >= 1)
  )
    throw LoopErrors.badInput('limits', 'needs minShare in [0, 1] and maxShare ≥ 1');
  if (!Array.isArray(input.lines) || input.lines.length === 0)
    throw LoopErrors.badInput('lines', 'must list at least one line');
  if (!Array.isArray(input.kpis)) throw LoopErrors.badInput('kpis', 'must be a list');
  const through = Math.max(span[1], month) + 1;
  const ids = new Set<string>();
  input.lines.forEach((l, i) => {
    const at = `lines[${i}]`;
    if (typeof l.id !== 'string' || l.id === '' || ids.has(l.id))
      throw LoopErrors.badInput(`${at}.id`, 'must be a unique text');
    ids.add(l.id);
    numbers(l.annualPlan, `${at}.annualPlan`, through, false);
    numbers(l.plan, `${at}.plan`, through, false);
    numbers(l.actual, `${at}.actual`, month + 1, true);
    if (l.annualPlan.some((v) => v < 0) || l.plan.some((v) => v < 0))
      throw LoopErrors.badInput(at, 'plans must not be negative');
    if (l.otherKpis !== undefined) {
      if (!Array.isArray(l.otherKpis)) throw LoopErrors.badInput(`${at}.otherKpis`, 'must be a list of KPI links');
      l.otherKpis.forEach((k, j) => {
        if (!k || typeof k.kpi !== 'string' || k.kpi === '')
          throw LoopErrors.badInput(`${at}.otherKpis[${j}].kpi`, 'must name a KPI');
        if (k.lag !== undefined && !(Number.isInteger(k.lag) && k.lag >= 0))
          throw LoopErrors.badInput(`${at}.otherKpis[${j}].lag`, 'must be a whole number ≥ 0');
      });
    }
  });
  input.kpis.forEach((k, i) => {
    numbers(k.target, `kpis[${i}].target`, through, true);
    numbers(k.actual, `kpis[${i}].actual`, month + 1, true);
    if (k.direction !== undefined && k.direction !== 'higher' && k.direction !== 'lower')
      throw LoopErrors.badInput(`kpis[${i}].direction`, 'must be "higher" or "lower"');
  });
  const settings = { ...DEFAULT_LOOP_SETTINGS, ...(input.settings ?? {}) };
  if (!(settings.balance >= 0 && settings.balance <= 1))
    throw LoopErrors.badInput('settings.balance', 'must be from 0 to 1');
  if (!(settings.passThrough > 0 && settings.passThrough < 1))
    throw LoopErrors.badInput('settings.passThrough', 'must be strictly between 0 and 1');
  if (!(settings.severeZ > 0 && settings.moveZ > 0))
    throw LoopErrors.badInput('settings', 'severeZ and moveZ must be above 0');
  if (!Number.isInteger(settings.persistence) || settings.persistence < 1)
    throw LoopErrors.badInput('settings.persistence', 'must be a whole number ≥ 1');
  if (!Number.isInteger(settings.outcomeMonths) || settings.outcomeMonths < 1)
    throw LoopErrors.badInput('settings.outcomeMonths', 'must be a whole number ≥ 1');
  if (!(settings.kpiConfidence >= 0 && Number.isFinite(settings.kpiConfidence)))
    throw LoopErrors.badInput('settings.kpiConfidence', 'must be a number ≥ 0');
  return settings;
}
