/** What a finished run hands the results view and the workbook writer. */
import type { ScenarioResult } from '../../src/scenario/run';
import type { Histogram } from '../../src/stats/histogram';

export interface RunOutcome {
  scenarioName: string;
  iterations: number;
  seed: number;
  result: ScenarioResult;
  /** Per output. */
  histograms: Record<string, Histogram>;
  /** Per output, the trial values; kept only when the user asked to write them. */
  trials?: Record<string, Float64Array>;
  /** Wall-clock run time in the pane, ms. */
  elapsedMs: number;
}
