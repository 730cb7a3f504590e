/** The sample company: its shape, its determinism, and that the flags engine finds the anomalies planted in it. */
import { detectFlags } from '../../../src/anomaly/detect-flags';
import { buildTemplatePlan } from '../../../src/sheets/template/template-plan';
import {
  SAMPLE_ANOMALIES,
  sampleCompany,
  sampleDriversSheet,
  sampleModelCell,
} from '../../../src/sheets/template/sample-company';
import { readDriverTable } from '../../../src/sheets/driver-table';

describe('sampleCompany', () => {
  const sample = sampleCompany();

  test('12 cost centres in 5 departments of one entity, 4 accounts, 36 months, forecast from 2025-07', () => {
    expect(sample.spec.hierarchy.costCentres).toHaveLength(12);
    expect(new Set(sample.spec.hierarchy.costCentres.map((c) => c.path.join('/'))).size).toBe(5);
    expect(sample.spec.months).toHaveLength(36);
    expect(sample.spec.months[0]).toBe('2023-01');
    expect(sample.data.plan.size).toBe(48);
    const actual = sample.data.actual.get('S-EMEA/Travel')!;
    expect(actual.slice(0, 30).every((v) => typeof v === 'number')).toBe(true);
    expect(actual.slice(30).every((v) => v === null)).toBe(true);
  });

  test('plans are seasonal and grow 5% a year', () => {
    const travel = sample.data.plan.get('S-EMEA/Travel')! as number[];
    expect(travel[3]).toBeGreaterThan(2 * travel[7]); // April vs August
    expect(travel[12 + 3] / travel[3]).toBeCloseTo(1.05, 3);
    const software = sample.data.plan.get('GA-HR/Software')! as number[];
    expect(software[0]).toBeGreaterThan(2 * software[1]); // January renewals
  });

  test('the same seed gives the same company; another seed another noise', () => {
    expect(sampleCompany().data.actual.get('RD-APPS/Travel')).toEqual(sample.data.actual.get('RD-APPS/Travel'));
    expect(sampleCompany(7).data.actual.get('RD-APPS/Travel')).not.toEqual(sample.data.actual.get('RD-APPS/Travel'));
  });

  test('the flags engine finds each planted anomaly, and it ranks them first', () => {
    const lines = [...sample.data.plan].map(([id, plan]) => ({
      id,
      costCentre: id.split('/')[0],
      account: id.split('/')[1],
      owner: '',
      plan: plan as number[],
      actual: sample.data.actual.get(id)! as (number | null)[],
    }));
    const flags = detectFlags(lines, undefined, { periods: [...sample.spec.months] });
    const top = flags.slice(0, SAMPLE_ANOMALIES.length).map((f) => f.line);
    expect(new Set(top)).toEqual(new Set(SAMPLE_ANOMALIES.map((a) => a.line)));
    expect(flags.find((f) => f.line === 'MKT-DIGITAL/Travel')!.kind).toBe('shift');
    expect(flags.find((f) => f.line === 'RD-DATA/Software')!.kind).toBe('outlier');
  });

  test('the Drivers sheet: a drivers table FPA.SCENARIO.MC reads, the model in the cell the formula names', () => {
    const sheet = sampleDriversSheet(sample);
    const table = sheet.tables[0];
    expect(
      readDriverTable([table.columns.map((c) => c.header), ...(table.rows as (string | number)[][])]).items.map(
        (d) => d.name,
      ),
    ).toEqual(['heads', 'salary', 'inflation', 'travel_per_head']);
    const model = sheet.texts.find((t) => t.style === 'note' && t.text.startsWith('payroll'))!;
    expect(sampleModelCell(table.rows.length)).toBe(`A${model.row + 1}`);
    expect(sheet.spills[0].formula).toBe(`=FPA.SCENARIO.MC(fpaDrivers[#All],${sampleModelCell(4)},10000,1)`);
  });

  test('the sample lays out as a template', () => {
    const plan = buildTemplatePlan(sample.spec, sample.data);
    expect(plan.sheets[4].tables[0].rows[0][0]).toBe('MKT-BRAND'); // sofia's cost centres first
  });
});
