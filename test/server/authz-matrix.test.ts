import { ROLES, type Role } from '../../src/model/roles';
import { FIXTURES } from './fixtures';
import { describeIfPg, snapshot, startTestServer, type TestServer } from './helpers';

jest.setTimeout(120_000);

const ALL: readonly Role[] = ROLES;
const EDITORS: readonly Role[] = ['admin', 'budget_owner', 'analyst'];
const AUDITORS: readonly Role[] = ['admin', 'approver', 'controller', 'cfo'];
/** A KPI is changed and deleted, and a reverted move forgotten, by the cost centre's editors or by finance (controller, cfo). */
const KPI_EDITORS: readonly Role[] = ['admin', 'controller', 'cfo', 'budget_owner', 'analyst'];
/** Routes that name no cost centre: the role decides alone (own and other centre alike; a list shows the own). */
const GLOBAL = new Set([
  'GET /api/me',
  'GET /api/status',
  'GET /api/audit/verify',
  'GET /api/approval-chain',
  'GET /api/approvals',
  'GET /api/webhooks',
  'GET /api/people',
]);
/** Routes that concern every cost centre: refused to a token of some (these tokens name one). */
const EVERY_CENTRE = new Set(['PUT /api/approval-chain', 'POST /api/people', 'POST /api/people/remove']);

/**
 * Who may call what, written down independently of src/model/roles.ts: the server's table must
 * agree with this one on every registered route.
 */
const EXPECTED: Record<string, readonly Role[]> = {
  'GET /api/me': ALL,
  // The database's kind and schema version behind /ready: an admin's.
  'GET /api/status': ['admin'],
  'GET /api/models': ALL,
  'POST /api/models': EDITORS,
  'GET /api/models/:id': ALL,
  'PUT /api/models/:id': EDITORS,
  'GET /api/models/:id/scenarios': ALL,
  'POST /api/models/:id/scenarios': EDITORS,
  'GET /api/versions': ALL,
  'POST /api/versions': EDITORS,
  'GET /api/versions/:id': ALL,
  'GET /api/versions/:id/compare/:otherId': ALL,
  'POST /api/actuals/imports': EDITORS,
  'GET /api/actuals/imports/:batchId': ALL,
  'GET /api/actuals': ALL,
  'GET /api/reviews': ALL,
  'POST /api/reviews': ['admin', 'approver', 'controller', 'cfo', 'budget_owner', 'analyst'],
  'GET /api/proposals': ALL,
  'POST /api/proposals': EDITORS,
  'GET /api/proposals/:id': ALL,
  'PATCH /api/proposals/:id': EDITORS,
  'POST /api/proposals/:id/submit': EDITORS,
  // The default chain's one step is the approver's: admin holds the approve grant, not the step's role.
  'POST /api/proposals/:id/approve': ['approver'],
  'POST /api/proposals/:id/reject': ['approver'],
  'POST /api/proposals/:id/apply': ['admin', 'budget_owner'],
  'POST /api/proposals/:id/revert': ['admin', 'budget_owner'],
  'GET /api/audit': AUDITORS,
  'GET /api/audit/verify': AUDITORS,
  'GET /api/approval-chain': ALL,
  'PUT /api/approval-chain': ['admin'],
  'GET /api/approvals': AUDITORS,
  'GET /api/flags': ALL,
  'POST /api/flags': EDITORS,
  'GET /api/kpis': ALL,
  'POST /api/kpis': KPI_EDITORS,
  'GET /api/kpis/:id': ALL,
  'PUT /api/kpis/:id': KPI_EDITORS,
  'PUT /api/kpis/:id/actual': KPI_EDITORS,
  'DELETE /api/kpis/:id': KPI_EDITORS,
  'GET /api/adjustments': ALL,
  'POST /api/adjustments': EDITORS,
  'PUT /api/adjustments/:id/outcome': EDITORS,
  'POST /api/adjustments/:id/forget': KPI_EDITORS,
  'GET /api/webhooks': ['admin'],
  'POST /api/webhooks': ['admin'],
  'PATCH /api/webhooks/:id': ['admin'],
  'GET /api/webhooks/:id/deliveries': ['admin'],
  // The people table decides who is one person for every cost centre's approvals: admins read it,
  // and only an admin with a token for every cost centre writes it.
  'GET /api/people': ['admin'],
  'POST /api/people': ['admin'],
  'POST /api/people/remove': ['admin'],
  // A cost centre's account aliases: its readers read them, its admins write them.
  'GET /api/account-aliases': ALL,
  'POST /api/account-aliases': ['admin'],
  'POST /api/account-aliases/remove': ['admin'],
};

const OWN = 'CC100';
const OTHER = 'CC200';

describeIfPg('authorisation matrix: every registered route × every role × own/other cost centre', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer({ prefix: 'matrix' });
    admin = await server.token('root', 'admin', '*');
  });
  afterAll(() => server.close());

  test('the matrix covers exactly the registered /api/ routes', () => {
    const registered = server.routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(FIXTURES).sort()).toEqual(registered);
    expect(Object.keys(EXPECTED).sort()).toEqual(registered);
  });

  test('each route allows exactly the expected roles, and only in their own cost centre', async () => {
    const RECORD = new Set(
      server.routes.filter((r) => r.access.scopes.some((s) => 'resource' in s)).map((r) => `${r.method} ${r.url}`),
    );
    const outcomes: string[] = [];
    const mismatches: string[] = [];
    let n = 0;
    for (const route of server.routes) {
      const key = `${route.method} ${route.url}`;
      for (const role of ROLES) {
        const token = await server.token(`${role}-user`, role, [OWN]);
        for (const own of [true, false]) {
          n += 1;
          const cc = own ? OWN : OTHER;
          const request = await FIXTURES[key]({ server, admin, cc, unique: `${n}` });
          const before = await snapshot(server.db);
          const response = await server.as(token, request);
          const allowed = EXPECTED[key].includes(role) && (own || GLOBAL.has(key)) && !EVERY_CENTRE.has(key);
          // Another cost centre's record answers as an unknown id would (404) once the role may act.
          const refusals = !own && RECORD.has(key) ? [403, 404] : [403];
          const ok = allowed
            ? response.statusCode >= 200 && response.statusCode < 300
            : refusals.includes(response.statusCode);
          if (!allowed && ok) {
            // A denied request must leave every table as it was.
            expect(await snapshot(server.db)).toEqual(before);
          }
          outcomes.push(`${key} ${role} ${own ? 'own' : 'other'} → ${response.statusCode}`);
          if (!ok)
            mismatches.push(
              `${key} as ${role} (${own ? 'own' : 'other'} cc): expected ${allowed ? '2xx' : refusals.join(' or ')}, got ${response.statusCode} ${response.body.slice(0, 200)}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(outcomes).toHaveLength(server.routes.length * ROLES.length * 2);
  });

  test('a token covering every cost centre reaches other centres; none is refused before auth', async () => {
    const viewerAll = await server.token('auditor', 'viewer', '*');
    const response = await server.as(viewerAll, { method: 'GET', url: `/api/proposals?costCentre=${OTHER}` });
    expect(response.statusCode).toBe(200);
    for (const route of server.routes) {
      const anonymous = await server.send({
        method: route.method,
        url: route.url.replace(/:[a-zA-Z]+/g, '6f1c2b7e-3f59-4a54-9a11-0d1f8c1e2a3b'),
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(anonymous.statusCode).toBe(401);
    }
  });
});
