/**
 * The sample company: three years (2023-01 to 2025-12) of a 12-cost-centre company in one entity
 * and five departments, four accounts each, so every view has something real to show. Plans grow
 * 5% a year with a seasonal shape per account (travel in spring and autumn, software renewals in
 * January, contractors at year end, a pay rise in April); actuals are plan plus Gaussian noise of 3%
 * of plan, through 2025-06, with four anomalies planted:
 *
 * - MKT-DIGITAL Travel: a level shift of +45% from 2025-03 (a new events programme);
 * - RD-DATA Software: a one-off ×3 in 2025-02 (a licence bought outright);
 * - S-APAC Contractors: −40% from 2025-04 (a hiring freeze);
 * - OPS-IT Software: a drift of +6% a month from 2025-01 (cloud usage running ahead).
 *
 * A driver model (headcount, salary, inflation, travel per head) gives the Drivers sheet its
 * =FPA.SCENARIO.MC. Everything comes from one seeded generator: the same seed, the same company.
 */
import { SeededGenerator } from '../../stats/seeded-generator';
import { DRIVER_COLUMNS } from '../driver-table';
import type { TemplateData } from './data';
import { readHierarchy } from './hierarchy';
import { sheetHeading } from './lines';
import { monthSequence } from './months';
import type { TemplateSheet } from './plan';
import type { TemplateSpec } from './spec';
import { lineId } from './spec';

/** entity, department, cost centre, owner; base monthly amounts of the four accounts. */
const CENTRES: [string, string, string, string, number][] = [
  ['Northwind', 'Sales', 'S-EMEA', 'maria', 1.2],
  ['', 'Sales', 'S-AMER', 'james', 1.5],
  ['', 'Sales', 'S-APAC', 'li', 0.8],
  ['', 'Marketing', 'MKT-BRAND', 'sofia', 0.6],
  ['', 'Marketing', 'MKT-DIGITAL', 'sofia', 0.9],
  ['', 'R&D', 'RD-PLATFORM', 'arjun', 1.8],
  ['', 'R&D', 'RD-APPS', 'arjun', 1.4],
  ['', 'R&D', 'RD-DATA', 'emma', 1.0],
  ['', 'Operations', 'OPS-IT', 'noah', 1.1],
  ['', 'Operations', 'OPS-FACILITIES', 'noah', 0.7],
  ['', 'G&A', 'GA-FINANCE', 'olivia', 0.5],
  ['', 'G&A', 'GA-HR', 'olivia', 0.4],
];

export const SAMPLE_ACCOUNTS = ['Salaries', 'Travel', 'Software', 'Contractors'] as const;
type Account = (typeof SAMPLE_ACCOUNTS)[number];

/** Monthly base per unit of a centre's scale, and the seasonal factor by calendar month (Jan first). */
const ACCOUNT_SHAPE: Record<Account, { base: number; season: number[] }> = {
  Salaries: { base: 60000, season: [1, 1, 1, 1.03, 1.03, 1.03, 1.03, 1.03, 1.03, 1.03, 1.03, 1.12] },
  Travel: { base: 6000, season: [0.6, 0.9, 1.3, 1.4, 1.2, 0.9, 0.5, 0.4, 1.3, 1.4, 1.2, 0.6] },
  Software: { base: 9000, season: [2.4, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.7] },
  Contractors: { base: 12000, season: [0.8, 0.8, 0.9, 0.9, 1, 1, 0.9, 0.8, 1, 1.1, 1.3, 1.5] },
};

export const SAMPLE_MONTHS = monthSequence('2023-01', 36);
export const SAMPLE_FORECAST_FROM = '2025-07';

/** A planted anomaly: the actuals of `line` from month `from` are changed by `change(k)` (k = months since `from`). */
interface Anomaly {
  line: string;
  from: string;
  to?: string;
  factor: (k: number) => number;
  what: string;
}

export const SAMPLE_ANOMALIES: readonly Anomaly[] = [
  { line: lineId('MKT-DIGITAL', 'Travel'), from: '2025-03', factor: () => 1.45, what: 'level shift +45%' },
  { line: lineId('RD-DATA', 'Software'), from: '2025-02', to: '2025-02', factor: () => 3, what: 'one-off ×3' },
  { line: lineId('S-APAC', 'Contractors'), from: '2025-04', factor: () => 0.6, what: 'underspend −40%' },
  { line: lineId('OPS-IT', 'Software'), from: '2025-01', factor: (k) => 1 + 0.06 * (k + 1), what: 'drift +6% a month' },
];

export interface SampleCompany {
  spec: TemplateSpec;
  data: TemplateData;
  /** The driver model: a drivers table and a model, for the Drivers sheet. */
  drivers: { rows: (string | number)[][]; model: string };
}

const round = (x: number) => Math.round(x);

/**
 * The sample company (see above).
 * @param seed the generator's seed. @default 2025
 * @example sampleCompany().spec.hierarchy.costCentres.length // 12
 */
export function sampleCompany(seed = 2025): SampleCompany {
  const hierarchy = readHierarchy([
    ['entity', 'department', 'cost centre', 'owner'],
    ...CENTRES.map(([entity, department, cc, owner]) => [entity, department, cc, owner]),
  ]);
  const months = SAMPLE_MONTHS;
  const forecastIndex = months.indexOf(SAMPLE_FORECAST_FROM);
  const plan = new Map<string, number[]>();
  const actual = new Map<string, (number | null)[]>();
  for (const [, , cc, , scale] of CENTRES)
    for (const account of SAMPLE_ACCOUNTS) {
      const id = lineId(cc, account);
      const random = new SeededGenerator(seed, id);
      const shape = ACCOUNT_SHAPE[account];
      const amounts = months.map((_, m) =>
        round(scale * shape.base * shape.season[m % 12] * 1.05 ** Math.floor(m / 12)),
      );
      plan.set(id, amounts);
      actual.set(
        id,
        amounts.map((p, m) => (m < forecastIndex ? round(p * (1 + 0.03 * random.nextNormal())) : null)),
      );
    }
  for (const a of SAMPLE_ANOMALIES) {
    const row = actual.get(a.line)!;
    const from = months.indexOf(a.from);
    const to = a.to ? months.indexOf(a.to) : forecastIndex - 1;
    for (let m = from; m <= to; m++) row[m] = round(row[m]! * a.factor(m - from));
  }
  return {
    spec: {
      hierarchy,
      accounts: [...SAMPLE_ACCOUNTS],
      months,
      forecastFrom: SAMPLE_FORECAST_FROM,
      owner: { name: 'sofia', costCentres: [] },
    },
    data: { plan, actual },
    drivers: {
      rows: [
        [...DRIVER_COLUMNS],
        ['heads', 'triangular', 180, 195, 215, ''],
        ['salary', 'normal', 62000, 2500, '', ''],
        ['inflation', 'uniform', 0.02, 0.05, '', ''],
        ['travel_per_head', 'lognormal', 4200, 900, '', ''],
      ],
      model: 'payroll = heads * salary * (1 + inflation)\ntravel = heads * travel_per_head\ntotal = payroll + travel',
    },
  };
}

/** The Drivers sheet of the sample: the drivers table, the model, and =FPA.SCENARIO.MC beside them. */
export function sampleDriversSheet(
  sample: SampleCompany,
  name = 'Drivers',
  result?: (string | number)[][],
): TemplateSheet {
  const [header, ...rows] = sample.drivers.rows;
  return {
    role: 'drivers',
    name,
    texts: [
      ...sheetHeading(
        'Driver model',
        'Annual people costs from four uncertain drivers: edit a distribution and the scenario below recalculates.',
      ),
      { row: 3 + rows.length + 2, column: 0, text: 'Model', style: 'caption' },
      { row: 3 + rows.length + 3, column: 0, text: sample.drivers.model.replace(/\n/g, '; '), style: 'note' },
    ],
    tables: [
      {
        name: 'fpaDrivers',
        row: 3,
        column: 0,
        columns: header.map((h, k) => ({
          header: String(h),
          format: k < 2 ? 'text' : 'general',
          width: k < 2 ? 16 : 11,
        })),
        rows,
      },
    ],
    spills: [
      {
        row: 3,
        column: header.length + 1,
        formula: `=FPA.SCENARIO.MC(fpaDrivers[#All],${sampleModelCell(rows.length)},10000,1)`,
        ...(result ? { result } : {}),
        reserve: { rows: 5, columns: 11 },
        widths: [14, 12, 12, 12, 12, 10, 12, 12, 12, 12, 12],
        formats: [
          'text',
          'amount',
          'amount',
          'amount',
          'amount',
          'amount',
          'amount',
          'amount',
          'amount',
          'amount',
          'amount',
        ],
      },
    ],
    freeze: { rows: 0, columns: 0 },
    names: [],
    charts: [],
  };
}

/** The cell holding the model text (under the drivers table), as FPA.SCENARIO.MC's model argument. */
export const sampleModelCell = (driverRows: number): string => `A${3 + driverRows + 3 + 1}`;
