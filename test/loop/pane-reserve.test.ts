import { paneReserve } from '../../src/loop/pane-reserve';
import { paneLanding } from '../../src/loop/pane-memory';
import { budgetLine, flagRequest as request } from './fixtures';

const line = (id: string, actual: (number | null)[]) => budgetLine(id, actual, { costCentre: 'CC' });

describe('paneReserve', () => {
  const lines = [line('A', [1100, 1000, 1050, 990]), line('B', [900, 950, 1000, 1020]), line('C', [])];
  const scan = { lines, flags: [], kpis: [] };
  const budgets = [12000, 12000, 12000];

  test('1.645 × √Σσ² of the landings of the lines that have one', () => {
    const a = paneLanding(lines[0], 12000, 0.5)!;
    const b = paneLanding(lines[1], 12000, 0.5)!;
    const r = paneReserve(scan, budgets, [], []);
    expect(r.lines).toBe(2);
    expect(r.reserve).toBeCloseTo(1.645 * Math.sqrt(a.sd * a.sd + b.sd * b.sd), 9);
    expect(r.reserve).toBeGreaterThan(0);
    // a wider band, a wider reserve
    expect(paneReserve(scan, budgets, [], [], 2.576).reserve).toBeCloseTo((r.reserve * 2.576) / 1.645, 9);
  });

  test('raises no larger than the reserve are absorbed; releases and larger raises are not', () => {
    const { reserve } = paneReserve(scan, budgets, [], []);
    const requests = [request('A', reserve * 0.5), request('B', reserve * 2), request('A', -reserve * 0.1)];
    expect(paneReserve(scan, budgets, [], requests).absorbed).toEqual([requests[0]]);
  });

  test('nothing booked: no landing, no reserve', () => {
    expect(paneReserve({ lines: [lines[2]], flags: [], kpis: [] }, [12000], [], [request('C', 1)])).toEqual({
      reserve: 0,
      lines: 0,
      absorbed: [],
    });
  });
});
