/**
 * "Write to workbook": a sheet named after the scenario with the summary table, the histogram and
 * tornado data, optionally the trials, and two native charts that read those ranges, so the
 * workbook stands on its own without the add-in.
 */
import { columnLetters, parseCell, safeSheetName } from '../workbook/address';
import type { Cell, Workbook } from '../workbook/types';
import type { RunOutcome } from './types';

export interface WriteResultsOptions {
  /** Output whose histogram and tornado are charted. @default the last output */
  output?: string;
  includeTrials?: boolean;
  numberFormat?: string;
}

export interface WrittenResults {
  sheet: string;
  summary: string;
  histogram: string;
  tornado: string | null;
  trials: string | null;
}

/** Summary rows: one per output, with mean, sd, min, each percentile, max. */
export function summaryRows(outcome: RunOutcome): Cell[][] {
  const outputs = Object.keys(outcome.result.outputs);
  const keys = Object.keys(outcome.result.outputs[outputs[0]]?.percentiles ?? {});
  const header: Cell[] = ['Output', 'Mean', 'Std dev', 'Min', ...keys.map((k) => `P${k}`), 'Max'];
  const rows = outputs.map((name) => {
    const s = outcome.result.outputs[name];
    return [name, s.mean, s.sd, s.min, ...keys.map((k) => s.percentiles[k]), s.max] as Cell[];
  });
  return [header, ...rows];
}

/**
 * Tornado rows, smallest |Spearman| first (Excel draws the first category at the bottom): the rank
 * correlation and the standardised regression coefficient (which holds the other drivers fixed), so
 * the bar chart shows both series side by side.
 */
export function tornadoRows(outcome: RunOutcome, output: string): Cell[][] | null {
  const sens = outcome.result.sensitivity?.[output];
  if (!sens || sens.length === 0) return null;
  const sorted = [...sens].sort((a, b) => Math.abs(a.spearman) - Math.abs(b.spearman));
  return [
    ['Driver', `Rank correlation with ${output}`, 'Standardised regression coefficient'],
    ...sorted.map((d) => [d.driver, d.spearman, d.src] as Cell[]),
  ];
}

export function histogramRows(outcome: RunOutcome, output: string): Cell[][] {
  const h = outcome.histograms[output];
  const rows: Cell[][] = [['Bin centre', 'Trials']];
  h?.counts.forEach((count, i) => rows.push([(h.edges[i] + h.edges[i + 1]) / 2, count]));
  return rows;
}

/** Charts sit right of the data (G:O); trials, when written, right of the charts. */
const CHART_COLUMN = 'G';
const TRIALS_COLUMN = 'Q';

function below(topLeft: string, rows: number, gap = 2): string {
  const { row, column } = parseCell(topLeft);
  return `${columnLetters(column)}${row + rows + gap + 1}`;
}

/**
 * @returns the addresses written (sheet-qualified)
 */
export async function writeResults(
  workbook: Workbook,
  outcome: RunOutcome,
  options: WriteResultsOptions = {},
): Promise<WrittenResults> {
  const outputs = Object.keys(outcome.result.outputs);
  const output = options.output ?? outputs[outputs.length - 1];
  const format = { numberFormat: options.numberFormat };
  const sheet = await workbook.addSheet(safeSheetName(outcome.scenarioName));

  const summary = summaryRows(outcome);
  const summaryAt = await workbook.writeTable(sheet, 'A1', summary, format);
  const histogram = histogramRows(outcome, output);
  const histogramTopLeft = below('A1', summary.length);
  const histogramAt = await workbook.writeTable(sheet, histogramTopLeft, histogram, format);
  await workbook.addChart(sheet, {
    kind: 'column',
    title: `${output}: distribution of ${outcome.iterations.toLocaleString('en-US')} trials`,
    dataAddress: histogramAt,
    anchor: CHART_COLUMN + '1',
  });

  const tornado = tornadoRows(outcome, output);
  let tornadoAt: string | null = null;
  if (tornado) {
    tornadoAt = await workbook.writeTable(sheet, below('A1', summary.length).replace(/^A/, 'D'), tornado, {
      numberFormat: '0.000',
    });
    await workbook.addChart(sheet, {
      kind: 'bar',
      title: `${output}: sensitivity (rank correlation and regression coefficient)`,
      dataAddress: tornadoAt,
      anchor: CHART_COLUMN + '18',
    });
  }

  let trialsAt: string | null = null;
  if (options.includeTrials && outcome.trials) {
    const names = Object.keys(outcome.trials);
    const n = outcome.trials[names[0]]?.length ?? 0;
    const rows: Cell[][] = [['Trial', ...names]];
    for (let i = 0; i < n; i++) rows.push([i + 1, ...names.map((k) => outcome.trials![k][i])]);
    trialsAt = await workbook.writeTable(sheet, TRIALS_COLUMN + '1', rows, format);
  }
  return { sheet, summary: summaryAt, histogram: histogramAt, tornado: tornadoAt, trials: trialsAt };
}
