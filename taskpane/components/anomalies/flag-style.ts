/**
 * How a flag looks: a colour per kind (money at risk is red or orange; money that can be released —
 * an underspend or an opportunity — is green or blue, never red) and its variance as finance writes
 * it: signed, in the currency, with the share of plan.
 */
import { tokens, type BadgeProps } from '@fluentui/react-components';
import type { BudgetLine } from '../../../src/model/budget-line';
import type { Flag, FlagKind } from '../../../src/model/flag';
import type { NumberFormatter } from '../../../src/format';

export const KIND_COLOURS: Record<FlagKind, NonNullable<BadgeProps['color']>> = {
  overspend: 'danger',
  'run-rate': 'danger',
  shift: 'warning',
  outlier: 'warning',
  underspend: 'informative',
  opportunity: 'success',
};

const ACCENTS: Record<NonNullable<BadgeProps['color']>, string> = {
  danger: tokens.colorPaletteRedBorder2,
  warning: tokens.colorPaletteDarkOrangeBorder2,
  informative: tokens.colorPaletteBlueBorderActive,
  success: tokens.colorPaletteGreenBorder2,
  brand: tokens.colorBrandStroke1,
  important: tokens.colorNeutralStroke1,
  severe: tokens.colorPaletteRedBorder2,
  subtle: tokens.colorNeutralStroke1,
};

/** The colour a chart marks the flagged periods with. */
export const kindAccent = (kind: FlagKind): string => ACCENTS[KIND_COLOURS[kind]];

/**
 * Actual − plan over the flagged periods, signed, and as a share of their plan.
 * @example varianceText(numbers, flag, line) // "+12,400 (+18.2% of plan)"
 */
export function varianceText(
  numbers: NumberFormatter,
  flag: Flag,
  line: BudgetLine,
  through = flag.periodIndex,
): string {
  let actual = 0;
  let plan = 0;
  for (let t = flag.periodIndex; t <= through; t++) {
    const a = line.actual[t];
    const p = line.plan[t];
    if (a === null || a === undefined || p === null || p === undefined) continue;
    actual += a;
    plan += p;
  }
  const variance = actual - plan;
  const money = numbers.format(variance, 'money', { sign: 'always' });
  if (plan === 0) return money;
  return `${money} (${numbers.format(variance / Math.abs(plan), 'percent', { sign: 'always', decimals: 1 })} of plan)`;
}
