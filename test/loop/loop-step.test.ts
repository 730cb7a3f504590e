/**
 * The whole loop step on a small seeded organisation, month after month, through glpk.js: every
 * answer conserves the window's total and keeps the limits; moves are remembered, measured and cited;
 * budget flows toward the line that moves its KPI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loopStep, emptyLoopState } from '../../src/loop/loop-step';
import type { LoopState, LoopStepInput } from '../../src/loop/loop-types';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { isFpaError } from '../../src/errors';
import { kpiOf, makeOrg, spendOf, stepInput } from './org';
import { lineContexts, loopLinks } from '../../src/loop/loop-contexts';
import { attainmentPoints, attainmentRisk } from '../../src/loop/line-objective';

async function runLoop(seed: number) {
  const org = makeOrg(seed);
  const plans = org.annualPlan.map((p) => p.slice());
  const actual: number[][] = org.lineIds.map(() => []);
  const kpiActual: number[][] = org.kpiBase.map(() => []);
  let state: LoopState | null = null;
  const checks: { conserved: number; withinLimits: boolean; moves: number; citations: string[] }[] = [];
  for (let month = -1; month < org.months - 1; month++) {
    if (month >= 0) {
      org.lineIds.forEach((_, i) => actual[i].push(spendOf(org, i, plans[i][month], month)));
      org.kpiBase.forEach((_, c) => kpiActual[c].push(kpiOf(org, c, (i) => actual[i][month], month)));
    }
    const input = { ...stepInput(org, plans, actual, kpiActual, month), state };
    const result = await loopStep(glpkNodeSolver, input);
    const [a, b] = input.window;
    let before = 0;
    let after = 0;
    let withinLimits = true;
    input.lines.forEach((l, i) => {
      const next = result.plan[l.id];
      for (let u = a; u <= b; u++) {
        before += plans[i][u];
        const v = next ? next[u - a] : plans[i][u];
        after += v;
        if (v < 0.5 * l.annualPlan[u] * (1 - 1e-12) || v > 2 * l.annualPlan[u] * (1 + 1e-12)) withinLimits = false;
        plans[i][u] = v;
      }
    });
    checks.push({
      conserved: Math.abs(after - before) / before,
      withinLimits,
      moves: result.report.moves.length,
      citations: result.report.moves.map((m) => m.citation).filter(Boolean),
    });
    state = result.state;
  }
  return { org, plans, state: state as LoopState, checks };
}

describe('loopStep over two years (seed 40)', () => {
  let run: Awaited<ReturnType<typeof runLoop>>;
  beforeAll(async () => {
    run = await runLoop(40);
  }, 300_000);

  test('every step conserves the budget total of the window exactly and keeps the 50–200% limits', () => {
    for (const c of run.checks) {
      expect(c.conserved).toBeLessThan(1e-12);
      expect(c.withinLimits).toBe(true);
    }
  });

  test('it re-budgets rarely: planning points and persistent signals only', () => {
    const stepsWithMoves = run.checks.filter((c) => c.moves > 0).length;
    expect(stepsWithMoves).toBeGreaterThan(0);
    expect(stepsWithMoves).toBeLessThan(run.checks.length / 2);
  });

  test('moves are remembered, their outcomes measured, and later moves cite them', () => {
    expect(run.state.memory.length).toBeGreaterThan(0);
    expect(run.state.memory.some((r) => r.outcome !== undefined)).toBe(true);
    const cited = run.checks.flatMap((c) => c.citations);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited[0]).toMatch(/^\d+ similar (move|moves) /);
  });

  test('budget flows toward the lines that move their KPI', () => {
    const share = (i: number) =>
      run.plans[i].slice(12).reduce((s, v) => s + v, 0) / run.org.annualPlan[i].slice(12).reduce((s, v) => s + v, 0);
    const responsive = run.org.lineIds.map((_, i) => i).filter((i) => run.org.response[i] > 0.5);
    const overheads = run.org.lineIds.map((_, i) => i).filter((i) => run.org.response[i] < 0.1);
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    expect(mean(responsive.map(share))).toBeGreaterThan(mean(overheads.map(share)));
  });
});

describe('loopStep edges', () => {
  const org = makeOrg(41, 2, 1);
  const base = (): LoopStepInput =>
    stepInput(
      org,
      org.annualPlan,
      org.lineIds.map(() => []),
      org.kpiBase.map(() => []),
      -1,
    );

  test('before any actual it changes nothing', async () => {
    const r = await loopStep(glpkNodeSolver, base());
    expect(r.plan).toEqual({});
    expect(r.report.event).toBe('none');
    expect(r.state).toEqual(emptyLoopState());
  });

  test('the same input gives the same answer', async () => {
    const actual = org.lineIds.map((_, i) =>
      Array.from({ length: 5 }, (_, t) => spendOf(org, i, org.annualPlan[i][t], t)),
    );
    const kpi = org.kpiBase.map((_, c) => Array.from({ length: 5 }, (_, t) => kpiOf(org, c, (i) => actual[i][t], t)));
    const input = stepInput(org, org.annualPlan, actual, kpi, 4);
    expect(await loopStep(glpkNodeSolver, input)).toEqual(await loopStep(glpkNodeSolver, input));
  });

  const code = async (input: unknown) => {
    try {
      await loopStep(glpkNodeSolver, input as LoopStepInput);
    } catch (e) {
      if (isFpaError(e)) return `${e.code} ${e.field}`;
      throw e;
    }
    return 'none';
  };
  test.each([
    [
      'a window that does not follow the month',
      (i: LoopStepInput) => ({ ...i, window: [3, 11] }),
      'LOOP_BAD_INPUT window',
    ],
    ['no lines', (i: LoopStepInput) => ({ ...i, lines: [] }), 'LOOP_BAD_INPUT lines'],
    [
      'a short plan',
      (i: LoopStepInput) => ({ ...i, lines: [{ ...i.lines[0], plan: [1] }, ...i.lines.slice(1)] }),
      'LOOP_BAD_INPUT lines[1].plan',
    ],
    [
      'text among actuals',
      (i: LoopStepInput) => ({ ...i, month: 0, window: [1, 11], lines: i.lines.map((l) => ({ ...l, actual: ['x'] })) }),
      'LOOP_BAD_INPUT lines[1].actual[1]',
    ],
    [
      'a balance above 1',
      (i: LoopStepInput) => ({ ...i, settings: { balance: 2 } }),
      'LOOP_BAD_INPUT settings.balance',
    ],
    [
      'other KPIs that are not a list',
      (i: LoopStepInput) => ({ ...i, lines: [{ ...i.lines[0], otherKpis: 'K2' }, ...i.lines.slice(1)] }),
      'LOOP_BAD_INPUT lines[1].otherKpis',
    ],
    [
      'another KPI link without its KPI',
      (i: LoopStepInput) => ({ ...i, lines: [{ ...i.lines[0], otherKpis: [{ lag: 1 }] }, ...i.lines.slice(1)] }),
      'LOOP_BAD_INPUT lines[1].otherKpis[1].kpi',
    ],
    [
      'a negative KPI confidence',
      (i: LoopStepInput) => ({ ...i, settings: { kpiConfidence: -1 } }),
      'LOOP_BAD_INPUT settings.kpiConfidence',
    ],
    [
      'a misspelt setting (it was silently unused)',
      (i: LoopStepInput) => ({ ...i, settings: { balanse: 0.2 } }),
      'LOOP_BAD_INPUT settings.balanse',
    ],
    [
      'repeated line ids',
      (i: LoopStepInput) => ({ ...i, lines: [i.lines[0], i.lines[0]] }),
      'LOOP_BAD_INPUT lines[2].id',
    ],
    // Input at the edges of the protocol (robust3): each named, none a crash.
    ['a line that is null', (i: LoopStepInput) => ({ ...i, lines: [i.lines[0], null] }), 'LOOP_BAD_INPUT lines[2]'],
    ['a KPI that is null', (i: LoopStepInput) => ({ ...i, kpis: [null] }), 'LOOP_BAD_INPUT kpis[1]'],
    ['repeated KPI ids', (i: LoopStepInput) => ({ ...i, kpis: [i.kpis[0], i.kpis[0]] }), 'LOOP_BAD_INPUT kpis[2].id'],
    [
      'a KPI priority that is text',
      (i: LoopStepInput) => ({ ...i, kpis: [{ ...i.kpis[0], priority: 'high' }, ...i.kpis.slice(1)] }),
      'LOOP_BAD_INPUT kpis[1].priority',
    ],
    [
      'a negative lag',
      (i: LoopStepInput) => ({ ...i, lines: [{ ...i.lines[0], lag: -1 }, ...i.lines.slice(1)] }),
      'LOOP_BAD_INPUT lines[1].lag',
    ],
    [
      'an entered response that is text',
      (i: LoopStepInput) => ({ ...i, lines: [{ ...i.lines[0], response: '0.5' }, ...i.lines.slice(1)] }),
      'LOOP_BAD_INPUT lines[1].response',
    ],
    ['a window that ends before it starts', (i: LoopStepInput) => ({ ...i, window: [0, -1] }), 'LOOP_BAD_INPUT window'],
    ['settings that are text', (i: LoopStepInput) => ({ ...i, settings: 'fast' }), 'LOOP_BAD_INPUT settings'],
    ['a state that is text', (i: LoopStepInput) => ({ ...i, state: 'x' }), 'LOOP_BAD_INPUT state'],
    [
      'a state whose memory is not a list',
      (i: LoopStepInput) => ({ ...i, state: { ...emptyLoopState(), memory: 'x' } }),
      'LOOP_BAD_INPUT state.memory',
    ],
    [
      'a state with a junk move',
      (i: LoopStepInput) => ({ ...i, state: { ...emptyLoopState(), memory: [null] } }),
      'LOOP_BAD_INPUT state.memory[1]',
    ],
    [
      'a state without signals',
      (i: LoopStepInput) => ({ ...i, state: { ...emptyLoopState(), signals: null } }),
      'LOOP_BAD_INPUT state.signals',
    ],
    ['a state of another version starts afresh', (i: LoopStepInput) => ({ ...i, state: { version: 2 } }), 'none'],
  ] as [string, (i: LoopStepInput) => unknown, string][])('%s', async (_, change, expected) => {
    expect(await code(change(base()))).toBe(expected);
  });
});

/**
 * Do no harm (balance.ts): two step inputs the benchmark's runner wrote for one cost centre (three
 * lines, one KPI), saved from `node ../shared/bench/loop/run.mjs --seed N --cost-centres 1 --policy
 * "node bin/openfpa.cjs loop-step"` with the input of the month named (seed 133 with the loop step of
 * a88ded5, seed 313 with `--kpi-confidence 1.645`); test/fixtures/loop/README.md.
 */
describe('loopStep with a KPI confidence does no harm on an estimate it cannot trust', () => {
  const fixture = (name: string) =>
    JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'loop', name), 'utf8')) as LoopStepInput;
  const moves = (r: { report: { moves: { line: string }[] } }) => r.report.moves.map((m) => m.line);

  const confident = (input: LoopStepInput) => ({ ...input, settings: { kpiConfidence: 1.645 } });

  test('seed 133, month 17: the move would cut the line that moves the KPI most; with a confidence it is not made', async () => {
    // In the runner's world CC01-B buys about 3× the KPI per unit of CC01-A; the estimate can tell
    // neither from 0 (each within about one standard error of it).
    const input = fixture('bench-133-cc1-month17.json');
    const asItIs = await loopStep(glpkNodeSolver, input);
    expect(moves(asItIs)).toEqual(['CC01-A', 'CC01-B']);
    expect(asItIs.report.moves[1].after).toBeLessThan(asItIs.report.moves[1].before);
    const r = await loopStep(glpkNodeSolver, confident(input));
    expect(r.report.moves).toEqual([]);
    expect(r.plan).toEqual({});
  });

  test('seed 313, month 30: budget from an overhead to a line that moves the KPI is shown; it moves', async () => {
    const input = fixture('bench-313-cc1-month30.json');
    const r = await loopStep(glpkNodeSolver, confident(input));
    expect(moves(r)).toEqual(['CC01-A', 'CC01-C']);
    expect(r.report.moves[0].after).toBeGreaterThan(r.report.moves[0].before);
    expect(r.plan).toEqual((await loopStep(glpkNodeSolver, input)).plan);
  });
});

describe('a loop-step line that moves several KPIs (otherKpis)', () => {
  const org = makeOrg(41, 2, 1);
  const actual = org.lineIds.map((_, i) =>
    Array.from({ length: 8 }, (_, t) => spendOf(org, i, org.annualPlan[i][t], t)),
  );
  const kpi = org.kpiBase.map((_, c) => Array.from({ length: 8 }, (_, t) => kpiOf(org, c, (i) => actual[i][t], t)));
  const input = stepInput(org, org.annualPlan, actual, kpi, 7);
  const main = input.lines[0].kpi!;
  const other = input.kpis.find((k) => k.id !== main)!.id;
  const withOther = (links: LoopStepInput['lines'][0]['otherKpis']): LoopStepInput => ({
    ...input,
    lines: [{ ...input.lines[0], otherKpis: links }, ...input.lines.slice(1)],
  });

  test('links: the main KPI first, then the others, once each', () => {
    expect(loopLinks(withOther([{ kpi: other }, { kpi: main }]).lines[0]).map((l) => l.kpi)).toEqual([main, other]);
    expect(loopLinks({ ...input.lines[0], kpi: null, otherKpis: [{ kpi: other }] }).map((l) => l.kpi)).toEqual([other]);
  });

  test('no other KPI, an empty list or the main one repeated give the same contexts', () => {
    // The numbers the allocation reads of a context (its curves are closures, compared by their values).
    const seen = (input: LoopStepInput) =>
      lineContexts(input, () => 0.5).map((c) => [
        c.terms.map((t) => [t.curve.kpi, t.curve.note, t.attainmentPerUnit]),
        attainmentPoints(c, c.landing.planLeft),
        attainmentPoints(c, 1.2 * c.landing.planLeft),
        attainmentRisk(c),
        c.lower,
        c.upper,
      ]);
    const plain = seen(input);
    expect(seen(withOther([]))).toEqual(plain);
    expect(seen(withOther([{ kpi: main }]))).toEqual(plain);
  });

  test('another KPI with an entered response adds its priority-weighted term and its risk', () => {
    const [plain] = lineContexts(input, () => 0.5);
    const [both] = lineContexts(withOther([{ kpi: other, response: { perUnit: 0.3, sd: 0.05 } }]), () => 0.5);
    expect(both.terms).toHaveLength(plain.terms.length + 1);
    const added = both.terms[both.terms.length - 1];
    const target = input.kpis.find((k) => k.id === other)!.target;
    const [a, b] = input.window;
    expect(added.attainmentPerUnit).toEqual(target.slice(a, b + 1).map((t) => 1 / (t as number)));
    const p = both.landing.planLeft;
    // The added term alone: Σ_u a_u · 0.3 · x_u ÷ kpiMonths (constant response).
    let term = 0;
    both.shape.forEach(
      (s, u) => (term += added.attainmentPerUnit[u] * 0.3 * (0.5 * s * p + 0.5 * both.landing.need[u])),
    );
    // The other KPI's estimated lines are fitted net of the entered response, which moves the pooled
    // prior of every estimate a little: the term is checked against the same context without it.
    const without = { ...both, terms: both.terms.slice(0, -1) };
    expect(without.terms.length).toBe(plain.terms.length);
    expect(attainmentPoints(both, p)).toBeCloseTo(attainmentPoints(without, p) + term / both.kpiMonths, 12);
    expect(attainmentRisk(both)).toBeGreaterThan(attainmentRisk(without));
  });

  test('the step runs and keeps the window total', async () => {
    const changed = withOther([{ kpi: other, response: { perUnit: 0.3 } }]);
    const r = await loopStep(glpkNodeSolver, changed);
    const [a, b] = changed.window;
    const total = (plan: Record<string, number[]>) =>
      changed.lines.reduce((s, l) => {
        for (let u = a; u <= b; u++) s += plan[l.id] ? plan[l.id][u - a] : l.plan[u];
        return s;
      }, 0);
    expect(total(r.plan) / total({}) - 1).toBeLessThan(1e-12);
  });
});
