/**
 * Checks the loop step's input before anything is computed, naming the field at fault.
 */
import { LoopErrors } from './errors';
import { DEFAULT_LOOP_SETTINGS } from './loop-types';
import type { LoopSettings, LoopStepInput } from './loop-types';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as a message shows it; JSON.parse reads 1e999 as Infinity, which JSON.stringify writes as null. */
const shown = (v: unknown): string =>
  typeof v === 'number' ? `${v} (too large to hold)` : (JSON.stringify(v) ?? String(v));

function numbers(values: unknown, field: string, length: number, allowNull: boolean): void {
  if (!Array.isArray(values)) throw LoopErrors.badInput(field, 'must be a list of numbers');
  if (values.length < length)
    throw LoopErrors.badInput(field, `needs ${length} values (through the window), has ${values.length}`);
  values.forEach((v, i) => {
    if (!(finite(v) || (allowNull && v === null)))
      throw LoopErrors.badInput(`${field}[${i + 1}]`, `${shown(v)} is not a number`);
  });
}

const wholeLag = (v: unknown, field: string): void => {
  if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0))
    throw LoopErrors.badInput(field, 'must be a whole number ≥ 0');
};

/** An entered response (EnteredKpiResponse): perUnit, and sd ≥ 0 and saturation > 0 when given. */
function response(v: unknown, field: string): void {
  if (v === undefined) return;
  if (!isObject(v) || !finite(v.perUnit))
    throw LoopErrors.badInput(field, 'must be {"perUnit": number, "sd"?: number ≥ 0, "saturation"?: number > 0}');
  if (v.sd !== undefined && !(finite(v.sd) && v.sd >= 0))
    throw LoopErrors.badInput(`${field}.sd`, 'must be a number ≥ 0');
  if (v.saturation !== undefined && !(finite(v.saturation) && v.saturation > 0))
    throw LoopErrors.badInput(`${field}.saturation`, 'must be a number above 0');
}

const STATE_HINT = 'pass back the state the last step returned, or null to start afresh';

/**
 * A state of version 1 as the last step returned it (a state of another version, or none, starts
 * afresh): lambda a number or null, signals {line: [direction, count]}, memory a list of moves.
 */
function checkState(state: unknown): void {
  if (state === null || state === undefined) return;
  if (!isObject(state)) throw LoopErrors.badInput('state', `must be an object or null; ${STATE_HINT}`);
  if (state.version !== 1) return;
  if (!(state.lambda === null || finite(state.lambda)))
    throw LoopErrors.badInput('state.lambda', `must be a number or null; ${STATE_HINT}`);
  if (!isObject(state.signals)) throw LoopErrors.badInput('state.signals', `must be an object; ${STATE_HINT}`);
  for (const [line, s] of Object.entries(state.signals))
    if (!(Array.isArray(s) && s.length === 2 && finite(s[0]) && finite(s[1])))
      throw LoopErrors.badInput(`state.signals.${line}`, `must be [direction, count]; ${STATE_HINT}`);
  if (!Array.isArray(state.memory)) throw LoopErrors.badInput('state.memory', `must be a list; ${STATE_HINT}`);
  state.memory.forEach((r: unknown, i) => {
    if (!(isObject(r) && typeof r.line === 'string' && isObject(r.context) && isObject(r.expected)))
      throw LoopErrors.badInput(`state.memory[${i + 1}]`, `must be a remembered move; ${STATE_HINT}`);
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
  if (
    !Array.isArray(span) ||
    span.length !== 2 ||
    !span.every(Number.isInteger) ||
    span[0] !== month + 1 ||
    span[1] < span[0]
  )
    throw LoopErrors.badInput('window', 'must be [first, last] months, first = month + 1 ≤ last');
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
  if (input.settings !== undefined && input.settings !== null && !isObject(input.settings))
    throw LoopErrors.badInput('settings', 'must be an object');
  checkState(input.state);
  input.lines.forEach((l, i) => {
    const at = `lines[${i + 1}]`;
    if (!isObject(l)) throw LoopErrors.badInput(at, 'must be a line object');
    if (typeof l.id !== 'string' || l.id === '' || ids.has(l.id))
      throw LoopErrors.badInput(`${at}.id`, 'must be a unique text');
    ids.add(l.id);
    numbers(l.annualPlan, `${at}.annualPlan`, through, false);
    numbers(l.plan, `${at}.plan`, through, false);
    numbers(l.actual, `${at}.actual`, month + 1, true);
    if (l.annualPlan.some((v) => v < 0) || l.plan.some((v) => v < 0))
      throw LoopErrors.badInput(at, 'plans must not be negative');
    if (!(l.kpi === undefined || l.kpi === null || typeof l.kpi === 'string'))
      throw LoopErrors.badInput(`${at}.kpi`, 'must name a KPI, or be null');
    wholeLag(l.lag, `${at}.lag`);
    response(l.response, `${at}.response`);
    if (l.otherKpis !== undefined) {
      if (!Array.isArray(l.otherKpis)) throw LoopErrors.badInput(`${at}.otherKpis`, 'must be a list of KPI links');
      l.otherKpis.forEach((k, j) => {
        if (!k || typeof k.kpi !== 'string' || k.kpi === '')
          throw LoopErrors.badInput(`${at}.otherKpis[${j + 1}].kpi`, 'must name a KPI');
        wholeLag(k.lag, `${at}.otherKpis[${j + 1}].lag`);
        response(k.response, `${at}.otherKpis[${j + 1}].response`);
      });
    }
  });
  const kpiIds = new Set<string>();
  input.kpis.forEach((k, i) => {
    if (!isObject(k)) throw LoopErrors.badInput(`kpis[${i + 1}]`, 'must be a KPI object');
    if (typeof k.id !== 'string' || k.id === '' || kpiIds.has(k.id))
      throw LoopErrors.badInput(`kpis[${i + 1}].id`, 'must be a unique text');
    kpiIds.add(k.id);
    if (k.priority !== undefined && !(finite(k.priority) && k.priority > 0))
      throw LoopErrors.badInput(`kpis[${i + 1}].priority`, 'must be a number above 0');
    numbers(k.target, `kpis[${i + 1}].target`, through, true);
    numbers(k.actual, `kpis[${i + 1}].actual`, month + 1, true);
    if (k.direction !== undefined && k.direction !== 'higher' && k.direction !== 'lower')
      throw LoopErrors.badInput(`kpis[${i + 1}].direction`, 'must be "higher" or "lower"');
  });
  // A misspelt setting ("balanse") was silently unused; name it, as the flags' thresholds do.
  const unknown = Object.keys(input.settings ?? {}).find((key) => !Object.hasOwn(DEFAULT_LOOP_SETTINGS, key));
  if (unknown !== undefined)
    throw LoopErrors.badInput(
      `settings.${unknown}`,
      `is not a setting (${Object.keys(DEFAULT_LOOP_SETTINGS).join(', ')})`,
    );
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
