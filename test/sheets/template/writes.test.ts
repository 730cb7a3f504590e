/** The list of writes a workbook executes for a plan: order, addresses, formats, moves on re-runs. */
import { buildTemplatePlan } from '../../../src/sheets/template/template-plan';
import type { SheetWrite } from '../../../src/sheets/template/writes';
import { templateWrites } from '../../../src/sheets/template/writes';
import { salesOnlySpec, smallSpec, specWithMoreCostCentres } from './helpers';

const on = (writes: SheetWrite[], sheet: string) => writes.filter((w) => 'sheet' in w && w.sheet === sheet);

describe('templateWrites', () => {
  const plan = buildTemplatePlan(smallSpec());
  const writes = templateWrites(plan);

  test('each sheet: created, texts, tables with header as text, formats, widths, frozen panes, print area', () => {
    const sheetOps = on(writes, 'Plan').map((w) => w.op);
    expect(sheetOps[0]).toBe('sheet');
    expect(sheetOps.indexOf('table')).toBeGreaterThan(sheetOps.indexOf('cells'));
    const header = on(writes, 'Plan').find((w) => w.op === 'cells' && w.address === 'A4:AE4');
    expect(header).toMatchObject({ text: true });
    const table = on(writes, 'Plan').filter((w) => w.op === 'table');
    expect(table).toEqual([
      { op: 'table', sheet: 'Plan', name: 'fpaPlan', address: 'A4:AE10' },
      { op: 'table', sheet: 'Plan', name: 'fpaPlanRollup', address: 'A13:AB20' },
    ]);
    expect(on(writes, 'Plan')).toContainEqual({
      op: 'format',
      sheet: 'Plan',
      address: 'H5:H10',
      numberFormat: '#,##0;[Red]-#,##0',
    });
    expect(on(writes, 'Plan')).toContainEqual({ op: 'freeze', sheet: 'Plan', rows: 4, columns: 6 });
    expect(on(writes, 'Plan')).toContainEqual({ op: 'printArea', sheet: 'Plan', address: 'A1:AE20' });
    const widths = on(writes, 'Plan').find((w) => w.op === 'widths');
    expect(widths).toMatchObject({ widths: expect.arrayContaining([24, 11]) });
    expect(writes).toContainEqual({ op: 'name', name: 'fpa_PlanAmounts', refersTo: 'fpaPlan[[2025-01]:[2026-12]]' });
  });

  test('percentages get the percent format; the flags spill is written once with its formats below', () => {
    const variance = on(writes, 'Variance');
    expect(variance.filter((w) => w.op === 'format' && w.numberFormat === '0.0%;[Red]-0.0%').length).toBeGreaterThan(0);
    const spills = variance.filter((w) => w.op === 'spill');
    expect(spills).toHaveLength(1);
    expect(spills[0]).toMatchObject({ address: 'BL4' });
  });

  test('the dashboard gets its three charts after its tables', () => {
    const ops = on(writes, 'Dashboard').map((w) => w.op);
    expect(ops.filter((o) => o === 'chart')).toHaveLength(3);
    expect(ops.lastIndexOf('table')).toBeLessThan(ops.indexOf('chart'));
  });

  test('a first run moves nothing; a re-run with more lines moves each roll-up down first, bottom-most first', () => {
    expect(writes.some((w) => w.op === 'move' || w.op === 'clear')).toBe(false);
    const more = buildTemplatePlan(specWithMoreCostCentres([['', '', 'O2']]));
    const again = templateWrites(more, plan);
    const planOps = on(again, 'Plan');
    expect(planOps[1]).toEqual({ op: 'move', sheet: 'Plan', from: 'A12:AB20', to: 'A14' });
    // The dashboard's tables sit side by side under the charts: a longer list moves none of them.
    expect(on(again, 'Dashboard').filter((w) => w.op === 'move')).toEqual([]);
  });

  test('a re-run with a cost centre dropped shrinks the tables first, moves the roll-up up, clears what is left', () => {
    const less = buildTemplatePlan(salesOnlySpec());
    const reshape = on(templateWrites(less, plan), 'Plan').filter((w) => ['shrink', 'move', 'clear'].includes(w.op));
    expect(reshape).toEqual([
      // O1's two lines go: the lines table keeps its header at A4 and ends at row 8 …
      { op: 'shrink', sheet: 'Plan', name: 'fpaPlan', address: 'A4:AE8' },
      // … the roll-up loses Ops and O1, then moves up under it (caption included) …
      { op: 'shrink', sheet: 'Plan', name: 'fpaPlanRollup', address: 'A13:AB18' },
      { op: 'move', sheet: 'Plan', from: 'A12:AB20', to: 'A10' },
      // … and the cells the template wrote before and no longer uses are cleared.
      { op: 'clear', sheet: 'Plan', address: 'A9:AE9' },
      { op: 'clear', sheet: 'Plan', address: 'AC10:AE10' },
      { op: 'clear', sheet: 'Plan', address: 'A17:AB20' },
    ]);
    expect(on(templateWrites(less, plan), 'Plan').filter((w) => w.op === 'table')).toEqual([
      { op: 'table', sheet: 'Plan', name: 'fpaPlan', address: 'A4:AE8' },
      { op: 'table', sheet: 'Plan', name: 'fpaPlanRollup', address: 'A11:AB16' },
    ]);
    // Side-by-side dashboard tables shrink in place; nothing moves there.
    const dash = on(templateWrites(less, plan), 'Dashboard');
    expect(dash.filter((w) => w.op === 'move')).toEqual([]);
    expect(dash.filter((w) => w.op === 'shrink').map((w) => (w as { name: string }).name)).toEqual([
      'fpaDashboard',
      'fpaDashboardRollup',
    ]);
  });

  test('an unchanged re-run shrinks, moves and clears nothing', () => {
    expect(templateWrites(plan, plan).filter((w) => ['shrink', 'move', 'clear'].includes(w.op))).toEqual([]);
  });
});
