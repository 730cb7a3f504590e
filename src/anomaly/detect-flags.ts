/**
 * The anomaly engine's entry point: every budget line's issues — persistent deviations with their
 * span and one-off periods — as one ranked list of flags.
 */
import type { BudgetLine, Flag, ThresholdSettings, Thresholds } from './types';
import { lineResiduals } from './line-residuals';
import type { LineResiduals } from './line-residuals';
import { seasonalShapes } from './seasonal-shapes';
import { lineAutocorrelationEvidence, lineIssues, sheetTypicalPlan } from './line-issues';
import { sheetAutocorrelations } from './sheet-autocorrelation';
import { issueFlag } from './issue-flag';
import { periodLabeller } from './issue-text';
import { rankFlags } from './rank-flags';
import { resolveThresholds } from './resolve-thresholds';
import type { NumberStyle } from '../format/format-number';

export interface DetectOptions {
  /** Period labels as the user gave them ("2026-03", "Mar"); sentences use them. Default "period n". */
  periods?: ReadonlyArray<string>;
  /**
   * How the sentences write numbers: the reader's locale and minus sign (src/format). Default en-US
   * with the hyphen-minus ("12,346", "-3.4%"), as the CLI and the custom functions print.
   */
  numbers?: NumberStyle;
}

/** Flags of one line from its residuals (lineResiduals), in period order. */
function flagsOfView(
  line: BudgetLine,
  view: LineResiduals,
  t: Thresholds,
  options: DetectOptions,
  typicalPlan: number | undefined,
  rho: number,
): Flag[] {
  if (view.index.length === 0) return [];
  const label = periodLabeller(options.periods);
  return lineIssues(view, line.plan, t, typicalPlan, rho).map((issue) =>
    issueFlag(line, view, issue, t, label, options.numbers),
  );
}

/**
 * Flags of one line, in period order (not ranked). `shapes`, `typicalPlan` and `rho` come from the
 * line's sheet (seasonalShapes, sheetTypicalPlan, sheetAutocorrelations); without them the line is
 * judged on its own, its noise taken as independent.
 */
export function detectLineFlags(
  line: BudgetLine,
  t: Thresholds,
  options: DetectOptions = {},
  shapes?: ReadonlyArray<ReadonlyArray<number>>,
  typicalPlan?: number,
  rho = 0,
): Flag[] {
  return flagsOfView(
    line,
    lineResiduals(line.plan, line.actual, t.periodsPerYear, shapes),
    t,
    options,
    typicalPlan,
    rho,
  );
}

/**
 * Flags every budget line, one flag per issue: a persistent deviation from plan (a run of periods
 * whose mean variance is beyond the line's noise, dated from its onset through its last period) or
 * a one-off period, each material and each tested so that a line of pure noise raises a false flag
 * of either sort with probability at most `alpha`. Kinds, severity and sentences: docs/anomaly.md.
 * Ranked by severity, then money at stake.
 * @throws ANOMALY_BAD_THRESHOLD when a threshold setting is invalid.
 * @example detectFlags([{ id: 'L1', costCentre: 'CC', account: 'A', owner: 'o',
 *   plan: [100, 100, 100, 100, 100, 100], actual: [101, 99, 100, 160, 101, 100] }])[0].kind // "outlier"
 */
export function detectFlags(
  lines: ReadonlyArray<BudgetLine>,
  settings?: ThresholdSettings,
  options: DetectOptions = {},
): Flag[] {
  const library = new Map<number, number[][]>();
  const shapesFor = (periodsPerYear: number) => {
    if (!library.has(periodsPerYear))
      library.set(
        periodsPerYear,
        seasonalShapes(
          lines.map((l) => l.plan),
          periodsPerYear,
        ),
      );
    return library.get(periodsPerYear);
  };
  const typicalPlan = sheetTypicalPlan(lines.map((l) => l.plan));
  const judged = lines.map((line) => {
    const t = resolveThresholds(settings, line);
    return { line, t, view: lineResiduals(line.plan, line.actual, t.periodsPerYear, shapesFor(t.periodsPerYear)) };
  });
  // Each line's autocorrelation, shrunk toward the sheet's lines (empirical Bayes; docs/anomaly.md).
  // The prior is read from the lines whose residuals are free of a season (a single year's flat plans may not be).
  const rhos = sheetAutocorrelations(
    judged.map(({ view, t }) => (view.index.length > 0 ? lineAutocorrelationEvidence(view, t) : null)),
    judged.map(({ view }) => view.seasonFree),
  );
  return rankFlags(judged.flatMap(({ line, t, view }, i) => flagsOfView(line, view, t, options, typicalPlan, rhos[i])));
}
