import {
  citePaneMoves,
  kpisOfLine,
  lastBooked,
  mainKpiOfLine,
  measurePaneMemory,
  paneLanding,
  paneMoveFacts,
  recordPaneMoves,
  scaledPlan,
} from '../../src/loop/pane-memory';
import type { PaneScan } from '../../src/loop/pane-memory';
import { forecastLanding } from '../../src/loop/spend-landing';
import type { LinkedKpi } from '../../src/loop/kpi-returns';
import { budgetLine, linkedKpi, loopFlag } from './fixtures';

const line = (id: string, actual: (number | null)[], plan?: number[]) => budgetLine(id, actual, plan ? { plan } : {});
const runRate = loopFlag();
const kpi = linkedKpi({
  id: 'Leads',
  name: 'Leads',
  ownerCostCentre: 'MKT',
  unit: 'leads',
  target: Array(12).fill(100),
  actual: [90, 95, 100, 92, 96, 98, ...Array(6).fill(null)],
  links: [{ line: 'MKT-ADS', kpi: 'Leads' }],
});
const six = Array(6).fill(1200);
const scanAt = (actual: (number | null)[]): PaneScan => ({
  lines: [line('MKT-ADS', actual), line('IT-LIC', Array(actual.length).fill(1000))],
  flags: [runRate],
  kpis: [{ ...kpi, actual: [...actual.map((_, t) => 90 + t), ...Array(12 - actual.length).fill(null)] }],
});

describe('the line as the pane sees it', () => {
  test('last booked period, plan scaled to the budget, landing after the last actual', () => {
    expect(lastBooked(line('A', [1, null, 3]))).toBe(2);
    expect(lastBooked(line('A', []))).toBe(-1);
    expect(scaledPlan(line('A', [], [1, 3, 0, 0]), 800)).toEqual([200, 600, 0, 0]);
    expect(scaledPlan(line('A', [], [0, 0]), 10)).toEqual([5, 5]);
    const l = line('MKT-ADS', six);
    const plan = Array(12).fill(1000);
    expect(paneLanding(l, 12000, 0.5)).toEqual(
      forecastLanding({ reference: plan, plan, actual: six, yearStart: 0, window: [6, 11], passThrough: 0.5 }),
    );
    expect(paneLanding(line('A', []), 12000, 0.5)).toBeNull();
    expect(paneLanding(line('A', Array(12).fill(1)), 12000, 0.5)).toBeNull();
    expect(kpisOfLine([kpi], 'MKT-ADS').map((k) => k.id)).toEqual(['Leads']);
    expect(kpisOfLine([kpi], 'IT-LIC')).toEqual([]);
    expect(mainKpiOfLine([kpi], 'MKT-ADS')?.id).toBe('Leads');
    expect(mainKpiOfLine([kpi], 'IT-LIC')).toBeUndefined();
  });
});

describe('a line linked to several KPIs', () => {
  // Revenue: attainment 1.3 over the last three periods; Leads: 0.9.
  const leads: LinkedKpi = { ...kpi, priority: 3, actual: [90, 90, 90, 90, 90, 90, ...Array(6).fill(null)] };
  const revenue: LinkedKpi = {
    ...kpi,
    id: 'Revenue',
    name: 'Revenue',
    target: Array(12).fill(1000),
    actual: [1300, 1300, 1300, 1300, 1300, 1300, ...Array(6).fill(null)],
    links: [{ line: 'MKT-ADS', kpi: 'Revenue' }],
  };

  test('every KPI is found; the main one is the highest priority, the first stored on a tie', () => {
    expect(kpisOfLine([revenue, leads], 'MKT-ADS').map((k) => k.id)).toEqual(['Revenue', 'Leads']);
    expect(mainKpiOfLine([revenue, leads], 'MKT-ADS')?.id).toBe('Leads');
    expect(mainKpiOfLine([revenue, { ...leads, priority: 1 }], 'MKT-ADS')?.id).toBe('Revenue');
  });

  test('a move records the weighted state and measures its main KPI', () => {
    const scan: PaneScan = { lines: [line('MKT-ADS', six)], flags: [runRate], kpis: [revenue, leads] };
    const facts = paneMoveFacts(scan, [], { line: 'MKT-ADS', before: 12000, after: 14400 })!;
    expect(facts.kpi).toBe('Leads');
    expect(facts.context.kpiAttainment).toBeCloseTo(1, 12);
    expect(facts.expected.kpiWithout).toBeCloseTo(2 * 90, 9);
    expect(facts.expected.kpiTarget).toBe(200);
  });
});

describe('paneMoveFacts', () => {
  test('context and expectation of a raise on an over-running line', () => {
    const scan = scanAt(six);
    const facts = paneMoveFacts(scan, [], { line: 'MKT-ADS', before: 12000, after: 14400 })!;
    const landing = paneLanding(scan.lines[0], 12000, 0.5)!;
    expect(landing.gap).toBeGreaterThan(1200); // 1,200 over already, and the need runs above plan
    expect(facts.before).toBeCloseTo(6000, 9);
    expect(facts.after).toBeCloseTo(8400, 9);
    expect(facts.kpi).toBe('Leads');
    expect(facts.context).toEqual({
      kinds: ['run-rate'],
      direction: 'raise',
      gapShare: landing.gap / 12000,
      moveShare: 2400 / 6000,
      kpiAttainment: (0.95 + 0.94 + 0.93) / 3,
      period: 5,
      monthsLeft: 6,
    });
    expect(facts.context.kpiAttainment).toBeCloseTo((95 + 94 + 93) / 300, 12);
    // the next 2 months: plan 1,000 each, half of it and half of the need spent; 2 × 400 plan added
    expect(facts.expected.spendWithout).toBeCloseTo(0.5 * 2000 + 0.5 * (landing.need[0] + landing.need[1]), 9);
    expect(facts.expected.planAdded).toBeCloseTo(800, 9);
    expect(facts.expected.kpiWithout).toBeCloseTo(2 * 94, 9);
    expect(facts.expected.kpiTarget).toBe(200);
    expect(facts.expected.gap).toBe(landing.gap);
  });

  test('no move, an unknown line or nothing booked gives nothing; a line without flags moves for its KPI', () => {
    const scan = scanAt(six);
    expect(paneMoveFacts(scan, [], { line: 'MKT-ADS', before: 12000, after: 12000 })).toBeNull();
    expect(paneMoveFacts(scan, [], { line: 'NONE', before: 1, after: 2 })).toBeNull();
    expect(paneMoveFacts(scanAt([]), [], { line: 'MKT-ADS', before: 12000, after: 13000 })).toBeNull();
    const cut = paneMoveFacts(scan, [], { line: 'IT-LIC', before: 12000, after: 10000 })!;
    expect(cut.context.kinds).toEqual(['kpi-response']);
    expect(cut.context.direction).toBe('cut');
    expect(cut.kpi).toBeNull();
    expect(cut.expected.kpiWithout).toBeNull();
  });
});

describe('memory: record on apply, measure two periods later, cite for the next proposal', () => {
  const moves = [
    { line: 'MKT-ADS', before: 12000, after: 14400 },
    { line: 'IT-LIC', before: 12000, after: 9600 },
    { line: 'OPS-NONE', before: 1000, after: 1000 },
  ];

  test('apply records one move per changed line, with the proposal', () => {
    const records = recordPaneMoves('P-1', moves, scanAt(six), []);
    expect(records.map((r) => [r.id, r.line, r.proposal])).toEqual([
      ['adj:MKT-ADS@5:0', 'MKT-ADS', 'P-1'],
      ['adj:IT-LIC@5:1', 'IT-LIC', 'P-1'],
    ]);
    expect(records.every((r) => r.outcome === undefined)).toBe(true);
    // numbering goes on after what the memory holds
    expect(recordPaneMoves('P-2', moves.slice(0, 1), scanAt(six), records)[0].id).toBe('adj:MKT-ADS@5:2');
  });

  test('the outcome is measured once two more periods are booked, against the forecast without the move', () => {
    const [raise] = recordPaneMoves('P-1', moves, scanAt(six), []);
    expect(measurePaneMemory([raise], scanAt([...six, 1400]), [14400, 9600])).toEqual([]);
    const later = scanAt([...six, 1400, 1400]);
    const [measured] = measurePaneMemory([raise], later, [14400, 9600]);
    const landing = paneLanding(later.lines[0], 14400, 0.5)!;
    expect(measured.outcome).toEqual({
      measuredAt: 7,
      gapClosed: 1 - Math.abs(landing.gap) / Math.abs(raise.expected.gap),
      passThrough: (2800 - raise.expected.spendWithout) / raise.expected.planAdded,
      kpiLift: (96 + 97 - raise.expected.kpiWithout!) / 200,
    });
    // the raise met the need: most of the gap closed
    expect(measured.outcome!.gapClosed!).toBeGreaterThan(0.5);
    // measured records are not measured again
    expect(measurePaneMemory([measured], later, [14400, 9600])).toEqual([]);
  });

  test('a new proposal for a similar line cites the measured case; without one it cites nothing', () => {
    const [raise] = recordPaneMoves('P-1', moves, scanAt(six), []);
    const later = scanAt([...six, 1400, 1400]);
    const [measured] = measurePaneMemory([raise], later, [14400, 9600]);
    const next = { line: 'MKT-ADS', before: 12000, after: 14400 };
    const [cited] = citePaneMoves([next], scanAt(six), [measured]);
    expect(cited.cases).toEqual([measured.id]);
    expect(cited.citation).toBe(
      `1 similar move closed ${Math.round(Math.min(1, measured.outcome!.gapClosed!) * 100)}% of the gap within 2 months`,
    );
    expect(citePaneMoves([next], scanAt(six), [raise])).toEqual([{ line: 'MKT-ADS', citation: '', cases: [] }]);
    // a cut is never like a raise
    expect(citePaneMoves([{ ...next, after: 9000 }], scanAt(six), [measured])[0].cases).toEqual([]);
  });
});
