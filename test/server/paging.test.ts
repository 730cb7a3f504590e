import { DEFAULT_LIST_PAGE, LIST_PAGE } from '../../src/model/limits';
import { FIXTURES, adjustmentBody, createModel, kpiBody, proposalBody } from './fixtures';
import {
  ENGINES,
  keyOf,
  moveProposal,
  snapshot,
  useTestServer,
  type Json,
  type TestResponse,
  type TestServer,
} from './helpers';

jest.setTimeout(300_000);

/** Reads every page of `url` at `limit` records a page; `between` runs after each page (inserts). */
async function everyPage(
  server: TestServer,
  token: string,
  url: string,
  limit: number,
  between: () => Promise<void> = async () => undefined,
): Promise<{ seen: Json[]; pages: TestResponse[] }> {
  const seen: Json[] = [];
  const pages: TestResponse[] = [];
  let cursor: string | undefined;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const page = await server.as(token, {
      method: 'GET',
      url: `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    });
    if (page.statusCode !== 200) throw new Error(`${url}: ${page.statusCode} ${page.body}`);
    pages.push(page);
    const rows = page.json() as Json[];
    expect(rows.length).toBeLessThanOrEqual(limit);
    seen.push(...rows);
    cursor = page.headers['x-next-cursor'];
    if (cursor) {
      expect(rows.length).toBe(limit);
      // The Link header names the same next page, with the query as sent.
      expect(page.headers.link).toContain(`cursor=${cursor}>; rel="next"`);
      await between();
    }
    if (pages.length > 200) throw new Error('paging did not end');
  } while (cursor);
  return { seen, pages };
}

/**
 * Keyset paging of every list route: each record seen exactly once across pages while others are
 * written between pages, the order stable, `limit` bounded by the model's LIST_PAGE, and cursors
 * opaque and bound to their list (a changed, forged or other list's cursor is a 400).
 */
describe.each(ENGINES)('paging of list routes (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'paging' });
  const CC = 'CC31';
  let n = 0;
  const unique = () => `p${++n}`;
  const created = (r: TestResponse, what: string) => {
    if (r.statusCode !== 201 && r.statusCode !== 200) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
    return r.json() as Json;
  };

  /** For each list: the URL, who reads it, and a write that adds one record to it. */
  const lists = async () => {
    const admin = await server.token('root', 'admin', '*');
    const approver = await server.token('pager-approver', 'approver', '*');
    const model = await createModel({ server, admin, cc: CC, unique: unique() });
    const hook = created(
      await server.as(admin, {
        method: 'POST',
        url: '/api/webhooks',
        payload: { url: 'http://127.0.0.1:9/hook', format: 'generic', events: ['flag.raised'], costCentres: [CC] },
      }),
      'webhook',
    );
    const post = async (url: string, payload: object, what: string) =>
      created(await server.as(admin, { method: 'POST', url, payload }), what);
    // A high-severity flag: each new one is an event for the webhook (its deliveries are a list too).
    const highFlag = (line: string) => () =>
      post(
        '/api/flags',
        {
          costCentre: CC,
          flags: [{ flagId: `flag:${line}-${unique()}@3`, kind: 'overspend', severity: 0.9, amount: 1 }],
        },
        'flag',
      );
    type List = { url: string; token: string; add: () => Promise<unknown> };
    /** A list of cost centre CC, read by the admin. */
    const ofCc = (path: string, add: () => Promise<unknown>): List => ({
      url: `${path}?costCentre=${CC}`,
      token: admin,
      add,
    });
    const cases: Record<string, List> = {
      models: ofCc('/api/models', () => createModel({ server, admin, cc: CC, unique: unique() })),
      scenarios: {
        url: `/api/models/${model.id}/scenarios`,
        token: admin,
        add: () =>
          post(`/api/models/${model.id}/scenarios`, { name: `S ${unique()}`, overrides: { units: { mean: 80 } } }, 's'),
      },
      versions: ofCc('/api/versions', () =>
        post(
          '/api/versions',
          {
            costCentre: CC,
            fiscalYear: 2025,
            kind: 'forecast',
            name: `F ${unique()}`,
            lines: [{ account: '4000', period: '2025-01', amount: 5 }],
          },
          'version',
        ),
      ),
      proposals: ofCc('/api/proposals', () => post('/api/proposals', proposalBody(CC, unique()), 'proposal')),
      approvals: {
        url: '/api/approvals',
        token: approver,
        add: async () =>
          moveProposal(server, admin, await post('/api/proposals', proposalBody(CC, unique()), 'p'), 'submit'),
      },
      kpis: ofCc('/api/kpis', () => post('/api/kpis', kpiBody(CC, unique()), 'kpi')),
      actuals: ofCc('/api/actuals', () => {
        const u = unique();
        return post(
          `/api/actuals/imports?batchId=b-${u}&costCentre=${CC}`,
          { rows: [{ account: `A${u}`, period: '2025-01', amount: 10 }] },
          'import',
        );
      }),
      adjustments: ofCc('/api/adjustments', () => post('/api/adjustments', adjustmentBody(CC, unique()), 'adjustment')),
      flags: ofCc('/api/flags', highFlag('L')),
      reviews: ofCc('/api/reviews', () =>
        post('/api/reviews', { costCentre: CC, flagId: `flag-${unique()}`, decision: 'accepted' }, 'review'),
      ),
      webhooks: {
        url: '/api/webhooks',
        token: admin,
        add: () =>
          post(
            '/api/webhooks',
            { url: 'http://127.0.0.1:9/hook', format: 'slack', events: ['proposal.applied'], costCentres: [CC] },
            'webhook',
          ),
      },
      deliveries: {
        url: `/api/webhooks/${hook.id}/deliveries`,
        token: admin,
        add: highFlag('D'),
      },
      audit: ofCc('/api/audit', () =>
        post('/api/reviews', { costCentre: CC, flagId: `flag-${unique()}`, decision: 'accepted' }, 'review'),
      ),
    };
    return { admin, cases };
  };

  test('every record is seen exactly once across pages while records are added between pages', async () => {
    const { cases } = await lists();
    for (const [name, list] of Object.entries(cases)) {
      for (let i = 0; i < 7; i++) await list.add();
      const before = (
        await server.as(list.token, { method: 'GET', url: `${list.url}${list.url.includes('?') ? '&' : '?'}limit=500` })
      ).json() as Json[];
      expect(before.length).toBeGreaterThanOrEqual(7);
      const { seen, pages } = await everyPage(server, list.token, list.url, 3, async () => {
        await list.add();
        await list.add();
      });
      const keys = seen.map(keyOf);
      // No record twice; every record there before paging began exactly once; pages as one ordered list.
      expect({ name, duplicates: keys.filter((k, i) => keys.indexOf(k) !== i) }).toEqual({ name, duplicates: [] });
      expect({ name, missed: before.map(keyOf).filter((k) => !keys.includes(k)) }).toEqual({ name, missed: [] });
      const after = (
        await server.as(list.token, { method: 'GET', url: `${list.url}${list.url.includes('?') ? '&' : '?'}limit=500` })
      ).json() as Json[];
      const order = after.map(keyOf).filter((k) => keys.includes(k));
      expect({ name, order: keys }).toEqual({ name, order });
      expect(pages.length).toBeGreaterThan(2);
    }
  });

  test('limit: the default page, the maximum, and values outside the bounds are a 400', async () => {
    const admin = await server.token('root', 'admin', '*');
    const cc = 'CC32';
    for (let i = 0; i < DEFAULT_LIST_PAGE + 5; i++) {
      const r = await server.as(admin, {
        method: 'POST',
        url: '/api/reviews',
        payload: { costCentre: cc, flagId: `bulk-${i}`, decision: 'accepted' },
      });
      expect(r.statusCode).toBe(201);
    }
    const first = await server.as(admin, { method: 'GET', url: `/api/reviews?costCentre=${cc}` });
    expect(first.json()).toHaveLength(DEFAULT_LIST_PAGE);
    expect(first.headers['x-next-cursor']).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const rest = await server.as(admin, {
      method: 'GET',
      url: `/api/reviews?costCentre=${cc}&cursor=${first.headers['x-next-cursor']}`,
    });
    expect(rest.json()).toHaveLength(5);
    expect(rest.headers['x-next-cursor']).toBeUndefined();
    expect(rest.headers.link).toBeUndefined();
    const whole = await server.as(admin, {
      method: 'GET',
      url: `/api/reviews?costCentre=${cc}&limit=${LIST_PAGE.max}`,
    });
    expect(whole.json()).toHaveLength(DEFAULT_LIST_PAGE + 5);
    for (const limit of ['0', '-1', String(LIST_PAGE.max + 1), '1e9', 'x', '1.5', '', '10&limit=20']) {
      const r = await server.as(admin, { method: 'GET', url: `/api/reviews?costCentre=${cc}&limit=${limit}` });
      expect({ limit, status: r.statusCode }).toEqual({ limit, status: 400 });
    }
  });

  test('cursors are opaque and bound to their list: changed, forged, another centre’s or filter’s, another user’s → 400', async () => {
    const admin = await server.token('root', 'admin', '*');
    const other = await server.token('other-admin', 'admin', '*');
    for (const cc of ['CC33', 'CC34'])
      for (let i = 0; i < 4; i++) await createModel({ server, admin, cc, unique: `${cc}-secret-name-${i}` });
    const page = await server.as(admin, { method: 'GET', url: '/api/models?costCentre=CC33&limit=2' });
    const cursor = page.headers['x-next-cursor'];
    expect(cursor).toBeDefined();
    // Opaque: no name, id or cost centre of the last record shows, in any encoding.
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
    for (const text of [cursor, decoded]) {
      expect(text).not.toMatch(/secret|CC33|Model/);
      for (const row of page.json() as Json[]) expect(text).not.toContain(row.id);
    }
    const flipped = (i: number) => {
      const bytes = Buffer.from(cursor, 'base64url');
      bytes[i] ^= 1;
      return bytes.toString('base64url');
    };
    const before = await snapshot(server.db);
    const refused: [string, string, string][] = [
      ['another cost centre', admin, `/api/models?costCentre=CC34&limit=2&cursor=${cursor}`],
      ['another user', other, `/api/models?costCentre=CC33&limit=2&cursor=${cursor}`],
      ['another list', admin, `/api/versions?costCentre=CC33&cursor=${cursor}`],
      ['a flipped first byte', admin, `/api/models?costCentre=CC33&cursor=${flipped(0)}`],
      ['a flipped middle byte', admin, `/api/models?costCentre=CC33&cursor=${flipped(20)}`],
      [
        'a flipped last byte',
        admin,
        `/api/models?costCentre=CC33&cursor=${flipped(Buffer.from(cursor, 'base64url').length - 1)}`,
      ],
      ['cut short', admin, `/api/models?costCentre=CC33&cursor=${cursor.slice(0, -4)}`],
      [
        'forged',
        admin,
        `/api/models?costCentre=CC33&cursor=${Buffer.from('["zzz","00000000-0000-0000-0000-000000000000"]').toString('base64url')}`,
      ],
    ];
    for (const [what, token, url] of refused) {
      const r = await server.as(token, { method: 'GET', url });
      expect({ what, status: r.statusCode, code: r.json().error.code }).toEqual({
        what,
        status: 400,
        code: 'SERVER_BAD_CURSOR',
      });
      expect(r.body).not.toMatch(/secret|Model/);
    }
    // Not a cursor's shape at all: the schema refuses it.
    for (const bad of ['', 'abc', `${cursor}%00`, `${cursor}!`, 'a'.repeat(3000), `${cursor}&cursor=${cursor}`]) {
      const r = await server.as(admin, { method: 'GET', url: `/api/models?costCentre=CC33&cursor=${bad}` });
      expect({ bad: bad.slice(0, 20), status: r.statusCode }).toEqual({ bad: bad.slice(0, 20), status: 400 });
    }
    expect(await snapshot(server.db)).toEqual(before);
    // The same cursor, as given, still reads the next page (and any limit may follow it).
    const next = await server.as(admin, { method: 'GET', url: `/api/models?costCentre=CC33&limit=5&cursor=${cursor}` });
    expect(next.statusCode).toBe(200);
    expect((next.json() as Json[]).map((m) => m.name)).toEqual([
      'Model CC33-secret-name-2',
      'Model CC33-secret-name-3',
    ]);
  });

  test('every registered list route takes limit and cursor, and refuses a bad cursor and an over-large limit', async () => {
    const admin = await server.token('root', 'admin', '*');
    const lists = server.routes.filter((r) => r.method === 'GET' && r.url !== '/api/audit/verify');
    let checked = 0;
    for (const route of lists) {
      const request = await FIXTURES[`${route.method} ${route.url}`]({ server, admin, cc: 'CC35', unique: unique() });
      const plain = await server.as(admin, request);
      if (!Array.isArray(plain.json())) continue;
      checked += 1;
      const sep = request.url.includes('?') ? '&' : '?';
      const withCursor = await server.as(admin, { ...request, url: `${request.url}${sep}cursor=${'A'.repeat(40)}` });
      expect({ route: route.url, code: withCursor.json().error?.code }).toEqual({
        route: route.url,
        code: 'SERVER_BAD_CURSOR',
      });
      const tooMany = await server.as(admin, { ...request, url: `${request.url}${sep}limit=${LIST_PAGE.max + 1}` });
      expect({ route: route.url, status: tooMany.statusCode }).toEqual({ route: route.url, status: 400 });
      const one = await server.as(admin, {
        ...request,
        url: `${request.url.replace(/[?&]limit=\d+/, '')}${request.url.replace(/[?&]limit=\d+/, '').includes('?') ? '&' : '?'}limit=1`,
      });
      expect({ route: route.url, status: one.statusCode }).toEqual({ route: route.url, status: 200 });
      expect((one.json() as unknown[]).length).toBeLessThanOrEqual(1);
    }
    expect(checked).toBeGreaterThanOrEqual(13);
  });
});
