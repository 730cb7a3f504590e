import type { Db } from '../../server/db/db';
import { createProposal } from './fixtures';
import { verifyAuditChain } from '../../server/audit/verify-chain';
import { ENGINES, snapshot, startTestServer, type TestServer } from './helpers';

jest.setTimeout(120_000);

/** Runs `fn` with a DBA's powers: the owner role on PostgreSQL, PGlite's superuser (RESET ROLE) — its documented limit. */
async function withDba<T>(server: TestServer, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = server.owner();
  if (server.protection !== 'pglite-role') return fn(db);
  await db.exec('RESET ROLE');
  try {
    return await fn(db);
  } finally {
    await db.exec('SET ROLE openfpa_app');
  }
}

/** Runs `sql` (with `params`) as a DBA with the audit log's no-update/delete trigger off: a tamperer. */
const tamper = (server: TestServer, sql: string, params: unknown[]): Promise<void> =>
  withDba(server, async (db) => {
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    try {
      await db.query(sql, params);
    } finally {
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    }
  });

describe.each(ENGINES)('tamper-evident audit (%s)', (engine) => {
  let server: TestServer;
  let admin: string;
  let n = 0;
  const ctx = () => ({ server, admin, cc: 'CC1', unique: `a${++n}` });
  const verify = async () => (await server.as(admin, { method: 'GET', url: '/api/audit/verify' })).json();
  const asDba = <T>(fn: (db: Db) => Promise<T>): Promise<T> => withDba(server, fn);

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

describe.each(ENGINES)('audit verify in batches and windows (%s)', (engine) => {
  let server: TestServer;
  let admin: string;
  let ids: number[];
  const RECORDS = 12;
  const verifyRoute = async (query = '') =>
    (await server.as(admin, { method: 'GET', url: `/api/audit/verify${query}` })).json();
  /** Alters record `id`'s actor as a DBA, runs `fn`, then puts the actor back. */
  async function whileAltered(id: number, fn: () => Promise<void>): Promise<void> {
    const { actor } = (await server.db.query<{ actor: string }>('SELECT actor FROM audit_log WHERE id = $1', [id]))
      .rows[0];
    await tamper(server, "UPDATE audit_log SET actor = 'mallory' WHERE id = $1", [id]);
    try {
      await fn();
    } finally {
      await tamper(server, 'UPDATE audit_log SET actor = $2 WHERE id = $1', [id, actor]);
    }
  }

  beforeAll(async () => {
    server = await startTestServer({ engine, prefix: 'auditwin' });
    admin = await server.token('root', 'admin', '*');
    for (let i = 0; i < RECORDS; i += 1) {
      await server.db.query(
        `INSERT INTO audit_log (actor, role, action, entity, entity_id, after) VALUES ('u${i}', 'admin', 'test.write', 'test', $1, $2)`,
        [`r${i}`, JSON.stringify({ i })],
      );
    }
    ids = (await server.db.query<{ id: string }>('SELECT id FROM audit_log ORDER BY id')).rows.map((r) => Number(r.id));
  });
  afterAll(() => server.close());

  test('every batch size gives the whole walk’s report, reading at most one batch at a time', async () => {
    const whole = await verifyAuditChain(server.db);
    expect(whole).toMatchObject({ ok: true, checked: ids.length, complete: true });
    expect(whole.head.id).toBe(ids[ids.length - 1]);
    expect(whole.window).toEqual({ fromId: ids[0], toId: ids[ids.length - 1] });
    for (const batchRows of [1, 2, 3, 5, ids.length, ids.length + 1]) {
      const query = jest.spyOn(server.db, 'query');
      try {
        expect(await verifyAuditChain(server.db, {}, batchRows)).toEqual(whole);
        const read = await Promise.all(query.mock.results.map((r) => r.value as Promise<{ rows: unknown[] }>));
        expect(Math.max(...read.map((r) => r.rows.length))).toBeLessThanOrEqual(batchRows);
      } finally {
        query.mockRestore();
      }
    }
  });

  test('a record altered in a later batch, or on either side of a batch boundary, is named', async () => {
    for (const at of [3, 4, 9, ids.length - 1]) {
      await whileAltered(ids[at], async () => {
        for (const batchRows of [1, 2, 4, 5, 1000]) {
          const report = await verifyAuditChain(server.db, {}, batchRows);
          expect([at, batchRows, report.ok, report.firstBroken]).toEqual([
            at,
            batchRows,
            false,
            { id: ids[at], reason: expect.stringMatching(/altered/) },
          ]);
          expect(report).toMatchObject({ checked: at + 1, complete: false, head: { id: at ? ids[at - 1] : null } });
        }
      });
    }
    expect((await verifyRoute()).ok).toBe(true);
  });

  test('a window checks only its records, anchored to the record before it; limit says where to go on', async () => {
    const window = await verifyRoute(`?fromId=${ids[4]}&toId=${ids[7]}`);
    expect(window).toMatchObject({ ok: true, checked: 4, complete: false, window: { fromId: ids[4], toId: ids[7] } });
    expect(window).not.toHaveProperty('next');
    // Sent at once: one walk runs at a time, so each window gets its own walk's report or, sent while
    // another window is walked, a 429 (never another window's report).
    const windows = ['?limit=2', `?fromId=${ids[4]}&toId=${ids[7]}`, ''];
    const together = await Promise.all(
      windows.map((q) => server.as(admin, { method: 'GET', url: `/api/audit/verify${q}` })),
    );
    const expected = [2, 4, ids.length];
    expect(together.some((r) => r.statusCode === 200)).toBe(true);
    together.forEach((r, i) =>
      expect(r.statusCode === 200 ? r.json().checked : [r.statusCode, r.json().error.code]).toEqual(
        r.statusCode === 200 ? expected[i] : [429, 'SERVER_BUSY'],
      ),
    );
    // Pages of 5 records, each going on where the last stopped, cover the chain once.
    const pages = [];
    for (let from: number | undefined = ids[0]; from !== undefined;) {
      const page = await verifyRoute(`?fromId=${from}&limit=5`);
      pages.push(page);
      from = page.next;
    }
    expect(pages.map((p) => [p.ok, p.checked, p.window.fromId])).toEqual([
      [true, 5, ids[0]],
      [true, 5, ids[5]],
      [true, ids.length - 10, ids[10]],
    ]);
    expect(pages[2].head).toEqual((await verifyRoute()).head);
    await whileAltered(ids[2], async () => {
      expect(await verifyRoute(`?fromId=${ids[4]}`)).toMatchObject({ ok: true, checked: ids.length - 4 });
      expect((await verifyRoute(`?toId=${ids[3]}`)).firstBroken).toEqual({ id: ids[2], reason: expect.any(String) });
      expect(await verifyRoute(`?limit=2`)).toMatchObject({ ok: true, checked: 2, next: ids[1] + 1 });
      expect(await verifyRoute(`?limit=3`)).toMatchObject({ ok: false, checked: 3 });
    });
    for (const bad of ['?fromId=0', '?limit=0', '?fromId=x', '?toId=1.5', '?from=2026-01-01T00:00:00Z']) {
      expect([bad, (await server.as(admin, { method: 'GET', url: `/api/audit/verify${bad}` })).statusCode]).toEqual([
        bad,
        400,
      ]);
    }
  });

  test('a removed record is found across a batch boundary and by a window that starts after it', async () => {
    // The last test: the chain stays broken.
    await tamper(server, 'DELETE FROM audit_log WHERE id = $1', [ids[4]]);
    for (const batchRows of [1, 2, 4, 1000]) {
      expect((await verifyAuditChain(server.db, {}, batchRows)).firstBroken).toEqual({
        id: ids[5],
        reason: expect.stringMatching(/previous record/),
      });
    }
    expect((await verifyRoute(`?fromId=${ids[5]}`)).firstBroken?.id).toBe(ids[5]);
    expect((await verifyRoute(`?fromId=${ids[6]}`)).ok).toBe(true);
    // Cut at the end: only a walk reaching the end compares the chain head.
    await tamper(server, 'DELETE FROM audit_log WHERE id >= $1', [ids[10]]);
    expect(await verifyRoute(`?fromId=${ids[6]}&toId=${ids[9]}`)).toMatchObject({ ok: true, checked: 4 });
    expect((await verifyRoute(`?fromId=${ids[6]}`)).firstBroken).toEqual({
      id: ids[ids.length - 1],
      reason: expect.stringMatching(/at the end were removed/),
    });
  });
});
