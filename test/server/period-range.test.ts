/**
 * Periods the server reads are months an Excel date can hold, 1900-01 to 9999-12 (`isPeriod`,
 * src/model/names.ts): actuals (JSON and CSV rows, and the list's from/to), budget version lines and
 * proposal lines. Found by the eighth pass: actuals of `0000-01` were stored. KPIs carry no calendar
 * period (their series are by position), so there is nothing of theirs to check.
 */
import { newVersion } from '../model/sample-version';
import { useTestServer, type Json, type TestServer } from './helpers';

jest.setTimeout(120_000);

const RULE = 'a month written YYYY-MM, from 1900-01 to 9999-12 (the months an Excel date can hold)';
const OUTSIDE = ['0000-01', '1000-01', '1899-12'];

describe('periods outside the years an Excel date can hold', () => {
  const server: TestServer = useTestServer({ prefix: 'periodrange' });
  let root: string;
  let n = 0;
  beforeAll(async () => {
    root = await server.token('root', 'admin', '*');
  });
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    server.as(root, { method: 'POST', url, payload, headers });
  const importUrl = () => `/api/actuals/imports?batchId=range-${++n}&costCentre=CC1`;
  const refusal = (r: { statusCode: number; json(): Json }) => [r.statusCode, r.json().error?.message];

  test('actuals rows (JSON and CSV) of such a period are refused naming the field and the rule; 1900-01 and 9999-12 are kept', async () => {
    for (const period of OUTSIDE) {
      for (const sent of [
        post(importUrl(), { rows: [{ account: '6100', period, amount: 5 }] }),
        post(importUrl(), `account,period,amount\n6100,${period},5\n`, { 'content-type': 'text/csv' }),
      ]) {
        const r = await sent;
        expect([period, r.statusCode, r.json().error.details.errors]).toEqual([
          period,
          422,
          [{ row: 1, field: 'period', message: `period must be ${RULE}.` }],
        ]);
      }
    }
    for (const period of ['1900-01', '9999-12'])
      expect([
        period,
        (await post(importUrl(), { rows: [{ account: '6100', period, amount: 5 }] })).statusCode,
      ]).toEqual([period, 201]);
    const stored = await server.db.query<{ period: string }>('SELECT DISTINCT period FROM actuals ORDER BY period');
    expect(stored.rows.map((r) => r.period)).toEqual(['1900-01', '9999-12']);
    // The list's window is read by the same rule.
    const listed = await server.as(root, { method: 'GET', url: '/api/actuals?costCentre=CC1&from=0000-01' });
    expect(refusal(listed)).toEqual([400, `querystring.from must be ${RULE}.`]);
    const within = await server.as(root, { method: 'GET', url: '/api/actuals?costCentre=CC1&from=1900-01&to=9999-12' });
    expect(within.json().map((r: Json) => r.period)).toEqual(['1900-01', '9999-12']);
  });

  test('budget version lines and proposal lines of such a period are refused naming the line', async () => {
    for (const period of OUTSIDE) {
      const lines = [
        { account: '6100', period: '2026-01', amount: 1 },
        { account: '6100', period, amount: 1 },
      ];
      const version = await post('/api/versions', newVersion(`range ${period}`, lines));
      expect([period, ...refusal(version)]).toEqual([period, 400, `body.lines[2].period must be ${RULE}.`]);
      const proposal = await post('/api/proposals', {
        fiscalYear: 2026,
        lines: [{ costCentre: 'CC1', account: '6100', period, before: 0, after: 1 }],
      });
      expect([period, ...refusal(proposal)]).toEqual([period, 400, `body.lines[1].period must be ${RULE}.`]);
    }
    const counts = await server.db.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM budget_versions) + (SELECT count(*) FROM proposals) AS n',
    );
    expect(Number(counts.rows[0].n)).toBe(0);
  });
});
