/**
 * Checks a plan with trials: the trials form a rectangle of finite numbers (a row of another length
 * is named), the risk specification is sound, and the rest of the plan is checked as for one flow row.
 */
import { CashErrors } from './errors';
import type { RiskSpec, ScenarioPlan } from './scenario-types';
import { DEFAULT_RISK } from './scenario-types';
import { validatePlan } from './validate-plan';

/**
 * @returns the risk specification with its defaults.
 * @throws FpaError CASH_INVALID_PLAN naming the trial or field at fault.
 */
export function validateScenarioPlan(plan: ScenarioPlan): RiskSpec {
  if (!Array.isArray(plan.trials) || plan.trials.length === 0)
    throw CashErrors.invalid('trials', 'must be a non-empty list of trials (each a list of net flows per period)');
  const first = plan.trials[0];
  if (!Array.isArray(first) || first.length === 0) throw CashErrors.invalid('trials row 1', 'must be a non-empty list');
  const T = first.length;
  plan.trials.forEach((row, i) => {
    if (!Array.isArray(row)) throw CashErrors.invalid(`trials row ${i + 1}`, 'must be a list of numbers');
    if (row.length !== T)
      throw CashErrors.invalid(
        `trials row ${i + 1}`,
        `has ${row.length} periods; row 1 has ${T} (all trials must have the same length)`,
      );
    row.forEach((v, t) => {
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw CashErrors.invalid(
          `trials row ${i + 1}, period ${t + 1}`,
          `must be a finite number (got ${JSON.stringify(v)})`,
        );
    });
  });
  validatePlan({ ...plan, flows: first });
  const risk: RiskSpec = { ...DEFAULT_RISK, ...(plan.risk ?? {}) };
  if (risk.measure !== 'cvar' && risk.measure !== 'chance')
    throw CashErrors.invalid('risk.measure', `must be "cvar" or "chance" (got ${JSON.stringify(risk.measure)})`);
  if (!(typeof risk.alpha === 'number' && risk.alpha > 0 && risk.alpha < 1))
    throw CashErrors.invalid('risk.alpha', `must be between 0 and 1 (got ${JSON.stringify(risk.alpha)})`);
  if (!(typeof risk.limit === 'number' && Number.isFinite(risk.limit) && risk.limit >= 0))
    throw CashErrors.invalid('risk.limit', `must be an amount of zero or more (got ${JSON.stringify(risk.limit)})`);
  return risk;
}
