/**
 * How a flag looks: a colour per kind (money at risk is red or orange; money that can be released —
 * an underspend or an opportunity — is blue or green, never red), its span of periods, and its
 * variance as finance writes it: signed, in the currency, with the share of plan.
 */
import { tokens, type BadgeProps } from '@fluentui/react-components';
import { severityBand } from '../../../src/model/flag';
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

/** Kinds whose money can be released (spent below plan): their marks are never red or orange. */
const RELEASES: ReadonlySet<FlagKind> = new Set(['underspend', 'opportunity']);

const BAND_COLOURS = { high: 'danger', medium: 'warning', low: 'informative' } as const;

/**
 * The severity badge's colour: its band's (high red, medium orange, low blue) for money at risk; a
 * flag that releases money keeps its kind's colour at any severity, so an opportunity is never red.
 * @example severityColour({ kind: 'opportunity', severity: 0.82 }) // "success"
 */
export const severityColour = (flag: Pick<Flag, 'kind' | 'severity'>): NonNullable<BadgeProps['color']> =>
  RELEASES.has(flag.kind) ? KIND_COLOURS[flag.kind] : BAND_COLOURS[severityBand(flag.severity)];

/** The colour a chart or a table row marks the flag's kind with. */
export const kindAccent = (kind: FlagKind): string => ACCENTS[KIND_COLOURS[kind]];

/**
 * The flag's periods by their labels.
 * @example spanText({ periodIndex: 5, throughIndex: 9 }, months) // "Jun–Oct"
 */
export function spanText(flag: Pick<Flag, 'periodIndex' | 'throughIndex'>, periods: readonly string[]): string {
  const label = (t: number) => periods[t] ?? `P${t + 1}`;
  const through = Math.max(flag.periodIndex, flag.throughIndex ?? flag.periodIndex);
  return through === flag.periodIndex ? label(flag.periodIndex) : `${label(flag.periodIndex)}–${label(through)}`;
}

/** How many periods the flag covers. */
export const spanLength = (flag: Pick<Flag, 'periodIndex' | 'throughIndex'>): number =>
  Math.max(flag.periodIndex, flag.throughIndex ?? flag.periodIndex) - flag.periodIndex + 1;

/**
 * Actual − plan over the flag's span, signed, with its share of plan.
 * @example varianceText(numbers, flag) // "+12,400 (+18.2% of plan)"
 */
export function varianceText(numbers: NumberFormatter, flag: Pick<Flag, 'variance' | 'variancePct'>): string {
  const money = numbers.format(flag.variance, 'money', { sign: 'always' });
  if (!Number.isFinite(flag.variancePct)) return money;
  return `${money} (${numbers.format(flag.variancePct, 'percent', { sign: 'always', decimals: 1 })} of plan)`;
}

/**
 * What the severity badge's number means, for its tooltip: the card shows only "severity 0.82", which
 * docs/anomaly.md ("Severity") defines as confidence × impact.
 * @example severityMeaning(numbers, flag) // "Severity 0.82 on a scale of 0 to 1: how sure … (98%) times …"
 */
export function severityMeaning(numbers: NumberFormatter, flag: Pick<Flag, 'severity' | 'confidence'>): string {
  // A confidence of 0.99996 would round to "100%", which no test of noise can claim.
  const sure = (p: number) => numbers.format(p, 'percent', { decimals: 0 });
  const confidence = flag.confidence < 0.99 ? sure(flag.confidence) : `over ${sure(0.99)}`;
  return (
    `Severity ${numbers.format(flag.severity, 'ratio')} on a scale of 0 to 1: how sure the engine is that this is ` +
    `not noise (${confidence}) times how large it is against ` +
    `the line’s material amount (${sure(0.05)} of its annual plan unless set otherwise; that amount alone gives half).`
  );
}

/** What a flag chart's shaded band is (FlagChartSeries.band), in a budget owner's words. */
export const BAND_WORDS: Record<'forecast' | 'plan', string> = {
  forecast: 'the rolling forecast’s 95% range',
  plan: 'the range expected around plan from the line’s earlier months',
};

/**
 * How to read the flag charts, said once above the cards: the band named when every chart shown has
 * the same kind of band; both named when they differ (each card then says its own).
 * @example chartLegend(new Set(['plan'])) // "How to read the charts: solid line actual, dashed line plan, …"
 */
export function chartLegend(bands: ReadonlySet<'forecast' | 'plan'>): string {
  const shaded =
    bands.size === 1
      ? BAND_WORDS[[...bands][0]]
      : `${BAND_WORDS.forecast} or, where a line’s history is short, ${BAND_WORDS.plan} (each card says which)`;
  return `How to read the charts: solid line actual, dashed line plan, shaded ${shaded}; the flagged periods are tinted in the flag’s colour.`;
}
