/** Store fixtures: a version-1 database's contents and a current-version bundle. */
import type { DriverRecordV1 } from '../../src/store/migrations';
import type { StoreBundle } from '../../src/store/schema';

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

export function bundle(): StoreBundle {
  return {
    format: 'openfpa-store',
    version: 2,
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
    },
  };
}
