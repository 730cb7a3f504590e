import type { Db } from '../../server/db/db';
import { createProposal } from './fixtures';
import { DATABASE_URL, snapshot, startTestServer, type TestServer } from './helpers';

jest.setTimeout(120_000);

const engines: ('auto' | 'pglite')[] = DATABASE_URL ? ['auto', 'pglite'] : ['pglite'];

describe.each(engines)('tamper-evident audit (%s)', (engine) => {
  let server: TestServer;
  let admin: string;
  let n = 0;
  const ctx = () => ({ server, admin, cc: 'CC1', unique: `a${++n}` });
  const verify = async () => (await server.as(admin, { method: 'GET', url: '/api/audit/verify' })).json();
  /** Runs `fn` with a DBA's powers: the owner role on PostgreSQL, PGlite's superuser (RESET ROLE) — its documented limit. */
  async function asDba<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const db = server.owner();
    if (server.protection !== 'pglite-role') return fn(db);
    await db.exec('RESET ROLE');
    try {
      return await fn(db);
    } finally {
      await db.exec('SET ROLE openfpa_app');
    }
  }

  beforeAll(async () => {
    server = await startTestServer({ engine, prefix: 'audit' });
    admin = await server.token('root', 'admin', '*');
    for (let i = 0; i < 3; i += 1) await createProposal(ctx(), ['submit', 'approve']);
  });
  afterAll(() => server.close());

  test('every record names the previous one; verify walks the chain', async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true, checked: expect.any(Number), protection: expect.any(String) });
    expect(report.checked).toBeGreaterThanOrEqual(9);
    expect(report.protection).toBe(engine === 'pglite' ? 'pglite-role' : 'separate-roles');
    const rows = (await server.as(admin, { method: 'GET', url: '/api/audit?limit=3' })).json();
    expect(rows[0].prevHash).toBe(rows[1].hash);
    expect(rows[1].prevHash).toBe(rows[2].hash);
  });

  test('the database sets id, time and hashes, whatever the INSERT says', async () => {
    await server.db.query(
      `INSERT INTO audit_log (id, at, actor, role, action, entity, entity_id, prev_hash, hash)
       VALUES (1, '2000-01-01T00:00:00Z', 'mallory', 'admin', 'proposal.approve', 'proposal', 'x', 'forged', 'forged')`,
    );
    const last = (await server.as(admin, { method: 'GET', url: '/api/audit?limit=1' })).json()[0];
    expect(last.actor).toBe('mallory');
    expect(last.id).toBeGreaterThan(1);
    expect(Math.abs(Date.parse(last.at) - Date.now())).toBeLessThan(60_000);
    expect(last.hash).not.toBe('forged');
    expect((await verify()).ok).toBe(true);
  });

  test('the application’s database role cannot alter, delete, truncate, disable or drop the audit log', async () => {
    const before = await snapshot(server.db);
    for (const sql of [
      "UPDATE audit_log SET actor = 'mallory'",
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
      'ALTER TABLE audit_log DISABLE TRIGGER ALL',
      'DROP TABLE audit_log',
      "UPDATE audit_head SET last_hash = 'x'",
      'DROP TRIGGER audit_log_chain ON audit_log',
    ]) {
      await expect(server.db.query(sql)).rejects.toMatchObject({ code: '42501' });
    }
    expect(await snapshot(server.db)).toEqual(before);
    expect((await verify()).ok).toBe(true);
  });

  test('there is no API route that changes or deletes audit records', async () => {
    const before = await snapshot(server.db);
    const last = (await server.as(admin, { method: 'GET', url: '/api/audit?limit=1' })).json()[0];
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      // The log and its check are read-only paths (405, they take GET and HEAD); a record has no path (404).
      for (const [url, status, allow] of [
        ['/api/audit', 405, 'GET, HEAD'],
        [`/api/audit/${last.id}`, 404, undefined],
        ['/api/audit/verify', 405, 'GET, HEAD'],
      ] as const) {
        const r = await server.as(admin, { method, url, payload: method === 'DELETE' ? undefined : { actor: 'x' } });
        expect([method, url, r.statusCode, r.headers.allow]).toEqual([method, url, status, allow]);
      }
    }
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('a DBA who edits, deletes or cuts records is found: verify names the first broken link', async () => {
    const ids = (await server.db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id')).rows.map((r) =>
      Number(r.id),
    );
    const [altered, removed] = [ids[2], ids[5]];
    const actor = (await server.db.query<{ actor: string }>('SELECT actor FROM audit_log WHERE id = $1', [altered]))
      .rows[0].actor;
    await asDba(async (db) => {
      await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await db.query("UPDATE audit_log SET actor = 'mallory' WHERE id = $1", [altered]);
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    });
    expect((await verify()).firstBroken).toEqual({ id: altered, reason: expect.stringMatching(/altered/) });
    await asDba(async (db) => {
      await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await db.query('UPDATE audit_log SET actor = $2 WHERE id = $1', [altered, actor]);
      await db.query('DELETE FROM audit_log WHERE id = $1', [removed]);
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    });
    // Restored, the altered record verifies again; the one after the removed record names the break.
    expect((await verify()).firstBroken).toEqual({ id: ids[6], reason: expect.stringMatching(/previous record/) });
    await asDba(async (db) => {
      await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await db.query('DELETE FROM audit_log WHERE id >= $1', [ids[1]]);
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    });
    expect((await verify()).firstBroken).toEqual({
      id: ids[ids.length - 1],
      reason: expect.stringMatching(/at the end were removed/),
    });
  });
});
