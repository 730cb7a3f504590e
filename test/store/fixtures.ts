/** Store fixtures: a version-1 database's contents, the budget loop's records (v3) and a current-version bundle. */
import type { DriverRecordV1 } from '../../src/store/migrations';
import type { AdjustmentRecord } from '../../src/model/kpi';
import type { ForecastStoreRecord, KpiRecord, StoreBundle } from '../../src/store/schema';

export const V1_DRIVERS: DriverRecordV1[] = [
  { id: 'd1', name: 'price', distribution: 'normal', params: [130, 10] },
  { id: 'd2', name: 'volume', distribution: 'PERT', params: [800, 1000, 1400, null] },
  {
    id: 'd3',
    name: 'mix',
    distribution: 'discrete',
    params: [
      [1, 2],
      [0.25, 0.75],
    ],
  },
  { id: 'd4', name: 'odd', distribution: 'custom', params: [1, 2] },
];

export const KPI: KpiRecord = {
  id: 'K01',
  name: 'Leads',
  ownerCostCentre: 'CC01',
  unit: 'leads',
  direction: 'higher',
  target: [100, 104, null],
  actual: [97, 108, null],
  priority: 2,
  links: [
    { line: 'CC01-A', kpi: 'K01' },
    { line: 'CC01-B', kpi: 'K01', lag: 1, response: { perUnit: 0.002, sd: 0.0005, saturation: 40000 } },
  ],
};

export const ADJUSTMENT: AdjustmentRecord = {
  id: 'adj:CC01-A@4:0',
  line: 'CC01-A',
  costCentre: 'CC01',
  kpi: 'K01',
  before: 70000,
  after: 76000,
  context: {
    kinds: ['run-rate', 'kpi-response'],
    direction: 'raise',
    gapShare: 0.06,
    moveShare: 0.0857,
    kpiAttainment: 0.97,
    period: 4,
    monthsLeft: 7,
  },
  expected: { spendWithout: 30500, planAdded: 2600, kpiWithout: 410, kpiTarget: 420, gap: 5200 },
  outcome: { measuredAt: 7, gapClosed: 0.7, passThrough: 0.55, kpiLift: 0.012 },
};

export const FORECAST: ForecastStoreRecord = {
  id: 'CC01-A@4@ets',
  series: 'CC01-A',
  origin: 4,
  method: 'ets',
  mean: [10100, 10250, 10400],
  errors: [-120, null, null],
};

export function bundle(): StoreBundle {
  return {
    format: 'openfpa-store',
    version: 3,
    exportedAt: '2026-11-23T10:00:00.000Z',
    data: {
      drivers: [
        { id: 'd1', name: 'price', distribution: 'normal', params: { mean: 130, sd: 10 } },
        { id: 'd2', name: 'volume', distribution: 'pert', params: { min: 800, mode: 1000, max: 1400 } },
      ],
      models: [
        {
          id: 'm1',
          name: 'Revenue',
          expressions: 'revenue = price * volume',
          driverIds: ['d1', 'd2'],
          correlation: {
            names: ['price', 'volume'],
            matrix: [
              [1, -0.4],
              [-0.4, 1],
            ],
          },
        },
      ],
      scenarios: [
        { id: 's1', name: 'Base', modelId: 'm1', outputs: ['revenue'], iterations: 10000, seed: 7, sampling: 'lhs' },
      ],
      runs: [
        {
          id: 'r1',
          scenarioId: 's1',
          scenarioName: 'Base',
          finishedAt: '2026-11-23T09:00:00.000Z',
          iterations: 10000,
          seed: 7,
          outputs: {
            revenue: {
              mean: 131000,
              sd: 16000,
              min: 80000,
              max: 190000,
              percentiles: { '5': 105000, '50': 130500, '95': 158000 },
            },
          },
        },
      ],
      settings: [{ key: 'settings', defaultIterations: 20000, defaultSeed: 3, numberFormat: '#,##0', backendUrl: '' }],
      reviews: [{ id: 'rv1', anything: { kept: true } }],
      proposals: [],
      kpis: [KPI],
      adjustments: [ADJUSTMENT],
      forecasts: [FORECAST],
    },
  };
}
