import { randomUUID } from 'node:crypto';
import { ephemeralDevIssuer } from '../../server/auth/dev-issuer';
import { DEV_ISSUER } from '../../server/config';
import { ROLES } from '../../src/model/roles';
import { FIXTURES } from './fixtures';
import { postProposal, snapshot, useTestServer, type RequestSpec, type TestResponse } from './helpers';

jest.setTimeout(300_000);

const OWN = 'CC100';
const OTHER = 'CC200';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The same request naming ids nobody has (every UUID in the URL replaced by a fresh one). */
const unknownIds = (request: RequestSpec): RequestSpec => ({
  ...request,
  url: request.url.replace(UUID, () => randomUUID()),
});
/** An answer as a caller compares two: status, body with ids blanked, and whether an ETag came. */
const seen = (r: TestResponse) => ({ status: r.statusCode, body: r.body.replace(UUID, '<id>'), etag: r.headers.etag });

/**
 * Third attack pass: whether an answer tells another cost centre's records from ids that name
 * nothing. Every registered route (from the server's own route list, so a new route is probed with
 * no change here) is called with a record of another cost centre and with unknown ids: without a
 * valid token (none, expired, forged, a role-less one, garbage), and with a token of every role in
 * one cost centre. The two answers must be the same (found: a 403 for another centre's record, a
 * 404 for an unknown id, so ids of other cost centres could be told apart).
 */
describe('probes: another cost centre’s records cannot be told from unknown ids', () => {
  const server = useTestServer({ prefix: 'prbexist' });
  let n = 0;
  const prepare = async (key: string, cc: string) => {
    n += 1;
    const admin = await server.token('root', 'admin', '*');
    const request = await FIXTURES[key]({ server, admin, cc, unique: `x${n}` });
    return { real: request, unknown: unknownIds(request) };
  };

  test('no valid token: 401 on every route, the same for a real record and an unknown id, nothing written', async () => {
    const forger = await ephemeralDevIssuer(DEV_ISSUER);
    const tokens: Record<string, string | null> = {
      none: null,
      expired: await server.issuer.sign({ user: 'ex', role: 'admin', costCentres: '*' }, -3600),
      forged: await forger.sign({ user: 'mallory', role: 'admin', costCentres: '*' }),
      noRole: await server.issuer.sign({ user: 'x', role: 'superuser' as 'admin', costCentres: '*' }),
      garbage: 'eyJhbGciOiJFUzI1NiJ9.e30.',
    };
    const mismatches: string[] = [];
    for (const route of server.routes) {
      const key = `${route.method} ${route.url}`;
      const { real, unknown } = await prepare(key, OTHER);
      const before = await snapshot(server.db);
      for (const [name, token] of Object.entries(tokens)) {
        const ask = (spec: RequestSpec) => (token === null ? server.send(spec) : server.as(token, spec));
        const [a, b] = [seen(await ask(real)), seen(await ask(unknown))];
        if (a.status !== 401 || JSON.stringify(a) !== JSON.stringify(b))
          mismatches.push(`${key} ${name}: ${a.status} ${a.body} | ${b.status} ${b.body}`);
      }
      expect(await snapshot(server.db)).toEqual(before);
    }
    expect(mismatches).toEqual([]);
  });

  test('a token of one cost centre, every role: another centre’s record answers as an unknown id (found: 403 vs 404)', async () => {
    const recordRoutes = server.routes.filter((r) => r.access.scopes.some((s) => 'resource' in s));
    expect(recordRoutes.length).toBeGreaterThanOrEqual(15);
    const mismatches: string[] = [];
    for (const route of recordRoutes) {
      const key = `${route.method} ${route.url}`;
      const { real, unknown } = await prepare(key, OTHER);
      const before = await snapshot(server.db);
      for (const role of ROLES) {
        const token = await server.token(`${role}-of-${OWN}`, role, [OWN]);
        const [a, b] = [seen(await server.as(token, real)), seen(await server.as(token, unknown))];
        // 403 when the role may not act at all (the same either way), else the 404 of an unknown id.
        const safe = (a.status === 403 || a.status === 404) && a.etag === undefined;
        if (!safe || JSON.stringify(a) !== JSON.stringify(b))
          mismatches.push(`${key} ${role}: ${a.status} ${a.body} | ${b.status} ${b.body}`);
      }
      expect(await snapshot(server.db)).toEqual(before);
    }
    expect(mismatches).toEqual([]);
  });

  test('a record the token sees through one of its cost centres still answers 403 for what it may not do there', async () => {
    const admin = await server.token('root', 'admin', '*');
    const proposal = await postProposal(server, admin, {
      costCentre: OTHER,
      fiscalYear: 2026,
      reason: 'shared',
      lines: [
        { costCentre: OTHER, account: '6100', period: '2026-03', before: 0, after: -10 },
        { costCentre: OWN, account: '6200', period: '2026-03', before: 0, after: 10 },
      ],
    });
    expect(proposal.statusCode).toBe(201);
    const { id } = proposal.json();
    const analyst = await server.token('ana', 'analyst', [OWN]);
    expect((await server.as(analyst, { method: 'GET', url: `/api/proposals/${id}` })).statusCode).toBe(200);
    const edit = await server.as(analyst, {
      method: 'PATCH',
      url: `/api/proposals/${id}`,
      payload: { reason: 'mine now' },
      headers: { 'if-match': '"1"' },
    });
    expect([edit.statusCode, edit.json().error.code]).toEqual([403, 'SERVER_FORBIDDEN_COST_CENTRE']);
  });

  test('the audit log and its cursor show one cost centre’s auditor nothing of another’s', async () => {
    // The tests above made records of CC200; make the same of CC100, then page through all CC100 may see.
    for (const route of server.routes) await prepare(`${route.method} ${route.url}`, OWN);
    const auditor = await server.token('aud', 'controller', [OWN]);
    const pages: string[] = [];
    let before = '';
    for (;;) {
      const page = await server.as(auditor, { method: 'GET', url: `/api/audit?costCentre=${OWN}&limit=7${before}` });
      expect(page.statusCode).toBe(200);
      const entries = page.json() as { id: number }[];
      if (entries.length === 0) break;
      pages.push(page.body);
      before = `&before=${entries[entries.length - 1].id}`;
    }
    expect(pages.length).toBeGreaterThan(1);
    // The one proposal that changes both cost centres is CC100's to see; nothing else names CC200.
    for (const page of pages)
      for (const entry of JSON.parse(page) as { entity: string; after: { reason?: string } }[])
        if (JSON.stringify(entry).includes(OTHER))
          expect([entry.entity, entry.after.reason]).toEqual(['proposal', 'shared']);
    // Filters and cursors that might step outside the scope: refused, or empty.
    const otherModel = (await prepare('GET /api/models/:id', OTHER)).real.url.split('/').pop();
    const empty = await server.as(auditor, {
      method: 'GET',
      url: `/api/audit?costCentre=${OWN}&entityId=${otherModel}`,
    });
    expect([empty.statusCode, empty.json()]).toEqual([200, []]);
    for (const query of [
      'limit=0',
      'limit=-1',
      'limit=501',
      'limit=NaN',
      'before=0',
      'before=-5',
      'before=9007199254740993',
      'before=1%20OR%201=1',
    ]) {
      const r = await server.as(auditor, { method: 'GET', url: `/api/audit?costCentre=${OWN}&${query}` });
      expect([query, r.statusCode]).toEqual([query, 400]);
    }
  });
});
