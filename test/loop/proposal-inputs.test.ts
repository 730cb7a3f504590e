import { paretoCandidates } from '../../src/allocation/reallocate';
import type { AllocationRequest } from '../../src/allocation/types';
import { kpiReason, proposalInputs } from '../../src/loop/proposal-inputs';
import type { LinkedKpi } from '../../src/loop/kpi-returns';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { budgetLine, linkedKpi, loopFlag } from './fixtures';
import { kinked } from '../allocation/helpers';

const lines = ['MKT-ADS', 'MKT-EVENTS', 'IT-LIC', 'OPS-TRAIN'].map((id) => budgetLine(id));
const budgets = [120000, 72000, 96000, 36000];

const flag = (lineId: string, change: number) =>
  loopFlag({
    line: lineId,
    periodIndex: 6,
    throughIndex: 10,
    kind: change < 0 ? 'opportunity' : 'run-rate',
    direction: change < 0 ? 'under' : 'over',
    amount: Math.abs(change),
    variance: change,
    variancePct: 0.1,
  });
const flags = [flag('IT-LIC', -20000), flag('MKT-ADS', 14000)];

const kpis: LinkedKpi[] = [
  linkedKpi({
    id: 'Leads',
    name: 'Leads',
    ownerCostCentre: 'MKT',
    unit: 'leads',
    target: Array(12).fill(2000),
    priority: 2,
    links: [{ line: 'MKT-EVENTS', kpi: 'Leads', response: { perUnit: 0.2, sd: 0.05, saturation: 8000 } }],
  }),
];

const toRequest = (rows: ReturnType<typeof proposalInputs>['lines']): AllocationRequest => ({
  lines: rows.map((r) => ({
    ...r,
    returns: kinked(r.current, r.rate, r.rateAbove),
  })),
});

describe('proposalInputs', () => {
  it('without KPIs only what the flags balance moves: releases and requests scaled to the smaller', async () => {
    const got = proposalInputs(lines, budgets, flags, []);
    expect(got.pool).toMatchObject({ released: 20000, requested: 14000 });
    const byId = Object.fromEntries(got.lines.map((l) => [l.id, l]));
    expect(byId['IT-LIC'].max).toBe(96000 - 14000);
    expect(byId['MKT-ADS'].min).toBe(120000 + 14000);
    expect(byId['MKT-EVENTS']).toMatchObject({ min: 0, max: Infinity, rate: 0, reason: 'no KPI linked' });
    const [best] = await paretoCandidates(glpkNodeSolver, toRequest(got.lines), 5);
    const after = Object.fromEntries(best.lines.map((l) => [l.id, l.proposed]));
    expect(after).toEqual({ 'MKT-ADS': 134000, 'MKT-EVENTS': 72000, 'IT-LIC': 82000, 'OPS-TRAIN': 36000 });
  });

  it('with a KPI the whole release is placed, toward the line that moves it; every candidate keeps the total', async () => {
    const got = proposalInputs(lines, budgets, flags, kpis);
    const byId = Object.fromEntries(got.lines.map((l) => [l.id, l]));
    expect(byId['IT-LIC'].max).toBe(76000);
    expect(byId['MKT-EVENTS'].rate).toBeGreaterThan(0);
    expect(byId['MKT-EVENTS'].priority).toBe(2);
    expect(byId['IT-LIC'].reason).toMatch(/^opportunity flag \(severity 0\.80\): releases 20,000; no KPI linked$/);
    // The same reason in the reader's locale (the pane's): "0,80" and "20.000" in German, "20 000" in French.
    const reasonIn = (locale: string) =>
      proposalInputs(lines, budgets, flags, kpis, undefined, { locale }).lines.find((l) => l.id === 'IT-LIC')?.reason;
    expect(reasonIn('de-DE')).toBe('opportunity flag (severity 0,80): releases 20.000; no KPI linked');
    expect(reasonIn('fr-FR')).toBe('opportunity flag (severity 0,80): releases 20\u202f000; no KPI linked');
    expect(reasonIn('en-US')).toBe(byId['IT-LIC'].reason);
    const candidates = await paretoCandidates(glpkNodeSolver, toRequest(got.lines), 5);
    const total = budgets.reduce((s, b) => s + b, 0);
    for (const c of candidates) {
      expect(c.lines.reduce((s, l) => s + l.proposed, 0)).toBeCloseTo(total, 6);
      const after = Object.fromEntries(c.lines.map((l) => [l.id, l.proposed]));
      expect(after['IT-LIC']).toBeCloseTo(76000, 6);
      expect(after['MKT-ADS']).toBeGreaterThanOrEqual(134000 - 1e-6);
    }
    // Best return: the 6,000 left after the request, and 20% of the line that returns nothing, go to
    // the KPI line.
    const best = Object.fromEntries(candidates[0].lines.map((l) => [l.id, l.proposed]));
    expect(best['OPS-TRAIN']).toBeCloseTo(28800, 6);
    expect(best['MKT-EVENTS']).toBeCloseTo(72000 + 6000 + 7200, 6);
  });

  it('no flags and no KPIs: nothing is bounded and nothing returns', () => {
    const got = proposalInputs(lines, budgets, [], []);
    expect(got.lines.every((l) => l.min === 0 && l.max === Infinity && l.rate === 0 && l.maxChangePct === 0.2)).toBe(
      true,
    );
    expect(got.pool.requests).toEqual([]);
  });

  it('a request larger than the change limit widens the limit so the bounds hold', () => {
    const got = proposalInputs(lines, budgets, [flag('OPS-TRAIN', 18000), flag('IT-LIC', -20000)], kpis);
    const train = got.lines.find((l) => l.id === 'OPS-TRAIN')!;
    expect(train.min).toBe(54000);
    expect(train.maxChangePct).toBeCloseTo(0.5, 12);
  });

  it('a line with two KPIs aims at their priority-weighted sum, and its reason names both', async () => {
    // Revenue (target 10,000, priority 1) also moves with MKT-EVENTS: 1.5 per unit, constant.
    // S = 324,000, P = 12. Leads: 0.2·e^(−6000/8000) × 324,000 ÷ (2,000·12); Revenue: 1.5 × 324,000 ÷ (10,000·12).
    const revenue: LinkedKpi = {
      ...kpis[0],
      id: 'Revenue',
      name: 'Revenue',
      unit: 'EUR',
      target: Array(12).fill(10000),
      priority: 1,
      links: [{ line: 'MKT-EVENTS', kpi: 'Revenue', response: { perUnit: 1.5 } }],
    };
    const got = proposalInputs(lines, budgets, [], [...kpis, revenue]);
    const events = got.lines.find((l) => l.id === 'MKT-EVENTS')!;
    const leadsRate = (0.2 * Math.exp(-6000 / 8000) * 324000) / 24000;
    const revenueRate = (1.5 * 324000) / 120000;
    expect(events.priority).toBe(3);
    expect(events.priority * events.rate).toBeCloseTo(2 * leadsRate + 1 * revenueRate, 10);
    expect(events.reason).toBe(kpiReason(got.returns[1]));
    expect(events.reason).toMatch(
      /^2 KPIs: Leads \(priority 2, [0-9.]+\/unit\): response entered by hand: 0\.2 leads per unit of spend \(sd 0\.05\), falling by e every 8000 of spend a period; Revenue \(priority 1, 4\.05\/unit\): response entered by hand: 1\.5 EUR per unit of spend; return = priority-weighted sum /,
    );
    // The same reason in German: the returns per unit and the entered responses with a decimal comma.
    const german = proposalInputs(lines, budgets, [], [...kpis, revenue], undefined, { locale: 'de-DE' });
    expect(german.lines.find((l) => l.id === 'MKT-EVENTS')!.reason).toMatch(
      /^2 KPIs: Leads \(priority 2, \d+,\d+\/unit\): response entered by hand: 0,2 leads per unit of spend \(sd 0,05\), falling by e every 8000 of spend a period; Revenue \(priority 1, 4,05\/unit\): response entered by hand: 1,5 EUR per unit of spend; return = priority-weighted sum \d+,\d+\/unit$/,
    );
    // The allocation's best candidate takes 20% of each other line onto MKT-EVENTS; its weighted return
    // up to the current budget is priority × rate per unit: the weighted sum of the two KPIs.
    const [best] = await paretoCandidates(glpkNodeSolver, toRequest(got.lines), 5);
    const after = Object.fromEntries(best.lines.map((l) => [l.id, l.proposed]));
    expect(after['MKT-EVENTS']).toBeCloseTo(72000 * 1.2, 6);
    const above = events.priority * events.rateAbove;
    expect(best.weightedReturn).toBeCloseTo(72000 * (2 * leadsRate + revenueRate) + 14400 * above, 6);
  });

  it('a line with one KPI keeps the one-KPI reason', () => {
    const got = proposalInputs(lines, budgets, [], kpis);
    expect(got.lines[1].reason).toBe(
      'KPI Leads: response entered by hand: 0.2 leads per unit of spend (sd 0.05), falling by e every 8000 of spend a period',
    );
  });
});
