/**
 * Thresholds for one line: defaults, then the global settings, then the line's account, then the
 * line itself. Every value is validated once here.
 */
import { AnomalyErrors } from './errors';
import type { BudgetLine, ThresholdSettings, Thresholds } from './types';
import { DEFAULT_THRESHOLDS } from './types';

const RULES: Record<keyof Thresholds, { check: (v: unknown) => boolean; allowed: string }> = {
  minPct: { check: (v) => typeof v === 'number' && v >= 0 && v < 10, allowed: 'a share from 0 to 10 (0.05 = 5%)' },
  minAbs: { check: (v) => typeof v === 'number' && v >= 0 && Number.isFinite(v), allowed: 'an amount ≥ 0' },
  alpha: {
    check: (v) => typeof v === 'number' && v > 0 && v <= 0.5,
    allowed: 'a probability above 0 and at most 0.5 (0.01 = 1%)',
  },
  z: { check: (v) => typeof v === 'number' && v >= 1 && v <= 20, allowed: 'a number from 1 to 20' },
  cusumH: { check: (v) => typeof v === 'number' && v >= 1 && v <= 50, allowed: 'a number from 1 to 50' },
  runRatePct: { check: (v) => typeof v === 'number' && v >= 0 && v < 10, allowed: 'a share from 0 to 10' },
  periodsPerYear: {
    check: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 366,
    allowed: 'a whole number from 1 to 366',
  },
  useForecast: { check: (v) => typeof v === 'boolean', allowed: 'true or false' },
  sheetMateriality: { check: (v) => typeof v === 'boolean', allowed: 'true or false' },
};

function apply(target: Thresholds, source: Partial<Thresholds> | undefined, where: string): void {
  if (!source) return;
  for (const [key, value] of Object.entries(source)) {
    if (key === 'byAccount' || key === 'byLine' || value === undefined) continue;
    const rule = RULES[key as keyof Thresholds];
    if (!rule) throw AnomalyErrors.badThreshold(`${where}${key}`, value, `one of ${Object.keys(RULES).join(', ')}`);
    if (!rule.check(value)) throw AnomalyErrors.badThreshold(`${where}${key}`, value, rule.allowed);
    (target as unknown as Record<string, unknown>)[key] = value;
  }
}

/**
 * @throws ANOMALY_BAD_THRESHOLD naming the setting when a value is out of range or unknown.
 * @example resolveThresholds({ minPct: 0.1 }, line).minPct // 0.1
 */
export function resolveThresholds(
  settings: ThresholdSettings | undefined,
  line: Pick<BudgetLine, 'id' | 'account'>,
): Thresholds {
  const t: Thresholds = { ...DEFAULT_THRESHOLDS };
  apply(t, settings, '');
  apply(t, settings?.byAccount?.[line.account], `byAccount.${line.account}.`);
  apply(t, settings?.byLine?.[line.id], `byLine.${line.id}.`);
  return t;
}
