/**
 * The results the sample company's FPA formulas compute, by the same engines the custom functions
 * call with the same arguments: FPA.FORECAST.ROLLING (auto method, detected season, 95%) on each
 * line's actuals before the first forecast month, FPA.VARIANCE.FLAGS on the Variance table's plan
 * and actual months with the months as period labels, FPA.SCENARIO.MC on the Drivers table.
 */
import { detectFlags } from '../../src/anomaly/detect-flags';
import { rollingForecast } from '../../src/forecast';
import { runBlockHere } from '../../src/scenario/jobs';
import { runScenarioOnBlocks } from '../../src/scenario/parallel';
import { statisticsTable } from '../../src/scenario/statistics-table';
import { readDriverTable } from '../../src/sheets/driver-table';
import { readAll } from '../../src/sheets/table-read';
import type { LineForecast, TemplateData } from '../../src/sheets/template/data';
import type { TemplateValue } from '../../src/sheets/template/plan';
import type { SampleCompany } from '../../src/sheets/template/sample-company';
import { num } from '../../src/sheets/template/data';

const FLAG_HEADER = ['line', 'period', 'through', 'kind', 'severity', 'explanation'];
const NO_FLAGS = ['', '', '', 'none', 0, 'No flags: every variance is within the thresholds and the lines\u2019 usual variation.'];

/** Forecasts and flags of the sample, as the template's data. */
export function sampleResults(sample: SampleCompany): TemplateData {
  const months = sample.spec.months;
  const f = months.indexOf(sample.spec.forecastFrom);
  const forecast = new Map<string, LineForecast>();
  for (const [id, actual] of sample.data.actual) {
    const r = rollingForecast({
      values: actual.slice(0, f).map((v) => (typeof v === 'number' ? v : null)),
      horizon: months.length - f,
      seasonality: 0,
      levels: [95],
      method: 'auto',
    });
    forecast.set(id, { mean: r.mean, lower: r.intervals[0].lower, upper: r.intervals[0].upper });
  }
  // The Variance table: plan months read 0 where blank, actual months blank where not booked.
  const lines = [...sample.data.plan].map(([id, plan]) => ({
    id,
    costCentre: id.split('/')[0],
    account: id.split('/')[1],
    owner: '',
    plan: plan.map(num),
    actual: (sample.data.actual.get(id) ?? []).map((v) => (typeof v === 'number' ? v : null)),
  }));
  const flags = detectFlags(lines, undefined, { periods: [...months] });
  const rows: TemplateValue[][] = flags.map((x) => [
    x.line,
    months[x.periodIndex],
    months[x.throughIndex],
    x.kind,
    x.severity,
    x.explanation,
  ]);
  return { ...sample.data, forecast, flags: [FLAG_HEADER, ...(rows.length ? rows : [NO_FLAGS])] };
}

/** FPA.SCENARIO.MC's spill for the Drivers sheet (10,000 trials, seed 1, percentiles 5, 50, 95). */
export async function sampleScenario(sample: SampleCompany): Promise<(string | number)[][]> {
  const drivers = readAll(readDriverTable(sample.drivers.rows), { table: 'drivers' });
  const spec = { drivers, model: sample.drivers.model, iterations: 10000, seed: 1 };
  const run = await runScenarioOnBlocks(spec, async (job) => runBlockHere(job));
  const { header, rows } = statisticsTable(run.result.outputs, [5, 50, 95]);
  return [header, ...rows];
}
