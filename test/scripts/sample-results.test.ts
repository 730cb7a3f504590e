/**
 * The results the demo file stores beside its FPA formulas are the ones the custom functions return
 * for the same ranges: FPA.FORECAST.ROLLING on a line's actuals, FPA.VARIANCE.FLAGS on the Variance
 * table's blocks with the month labels, FPA.SCENARIO.MC on the Drivers table and the model cell.
 */
import { forecastRolling } from '../../functions/forecast';
import { scenarioMc } from '../../functions/scenario';
import { varianceFlags } from '../../functions/variance-flags';
import { sampleCompany } from '../../src/sheets/template/sample-company';
import { num } from '../../src/sheets/template/data';
import { sampleResults, sampleScenario } from '../../scripts/demo/sample-results';

const sample = sampleCompany();
const results = sampleResults(sample);
const months = sample.spec.months;
const f = months.indexOf(sample.spec.forecastFrom);

describe('the demo results are the functions’ results', () => {
  test.each(['S-EMEA/Travel', 'MKT-DIGITAL/Travel', 'GA-HR/Salaries'])(
    'FPA.FORECAST.ROLLING on %s',
    async (id) => {
      const history = sample.data.actual.get(id)!.slice(0, f);
      // The Forecast sheet passes the actuals as one row (INDEX(fpaActuals[[first]:[last]], row, 0)).
      const spill = (await forecastRolling([history as number[]], months.length - f)) as number[][];
      const stored = results.forecast!.get(id)!;
      expect(spill.map((r) => r[0])).toEqual(stored.mean);
      expect(spill.map((r) => r[1])).toEqual(stored.lower);
      expect(spill.map((r) => r[2])).toEqual(stored.upper);
    },
    60_000,
  );

  test('FPA.VARIANCE.FLAGS on the Variance table', () => {
    const ids = [...sample.data.plan.keys()];
    const plan = ids.map((id) => sample.data.plan.get(id)!.map(num));
    const actual = ids.map((id) => sample.data.actual.get(id)!.map((v) => (typeof v === 'number' ? v : null)));
    const spill = varianceFlags(
      plan,
      actual,
      ids.map((id) => [id]),
      undefined,
      [[...months]],
    );
    expect(spill).toEqual(results.flags);
  });

  test('FPA.SCENARIO.MC on the Drivers sheet', async () => {
    const model = [[sample.drivers.model.replace(/\n/g, '; ')]];
    const spill = await scenarioMc(sample.drivers.rows, model, 10000, 1);
    expect(spill).toEqual(await sampleScenario(sample));
  }, 60_000);
});
