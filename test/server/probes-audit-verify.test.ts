import type { Db } from '../../server/db/db';
import { useTestServer } from './helpers';

jest.setTimeout(120_000);

/**
 * Attack probe: `GET /api/audit/verify` hashes the whole audit log (seconds for a long one), and any
 * auditor may call it, for one cost centre or all. Ten calls sent at once must cost one walk of the
 * chain, not ten; calls one after another each walk it again (tampering in between is seen). One walk
 * runs at a time per process: a call for another window while it runs is refused (429), not queued.
 */
describe('audit verify probe: many calls at once walk the chain once', () => {
  const server = useTestServer({ prefix: 'prbverify' });
  const pglite = useTestServer({ prefix: 'prbverifylite', engine: 'pglite' });

  /**
   * Counts the chain walks the application's connection starts. The first walk's first page waits
   * until ten walks have started or two seconds have passed, so all ten requests are in flight
   * while it runs, however slowly this machine answers them.
   */
  function countWalks(db: Db): { walks: () => number; restore: () => void } {
    const original = db.query.bind(db);
    let walks = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
      setTimeout(resolve, 2_000);
    });
    const spy = jest.spyOn(db, 'query').mockImplementation((async (sql: string, params?: readonly unknown[]) => {
      if (/FROM audit_log WHERE audit_log\.id > \$1/.test(sql) && params?.[0] === 0) {
        walks += 1;
        if (walks >= 10) release();
        await gate;
      }
      return original(sql, params);
    }) as Db['query']);
    return { walks: () => walks, restore: () => spy.mockRestore() };
  }

  test('ten concurrent verifications share one walk; a later one walks again', async () => {
    const admin = await server.token('root', 'admin', '*');
    const auditor = await server.token('aud', 'approver', ['CC1']);
    for (let i = 0; i < 5; i++) {
      const r = await server.as(admin, {
        method: 'POST',
        url: '/api/versions',
        payload: { costCentre: 'CC1', fiscalYear: 2026, kind: 'forecast', name: `f${i}`, lines: [] },
      });
      expect(r.statusCode).toBe(201);
    }
    const counter = countWalks(server.db);
    try {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => server.as(auditor, { method: 'GET', url: '/api/audit/verify' })),
      );
      expect(answers.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
      expect(answers.map((r) => r.json().checked)).toEqual(Array(10).fill(5));
      expect(counter.walks()).toBe(1);
      const later = await server.as(auditor, { method: 'GET', url: '/api/audit/verify' });
      expect(later.json()).toMatchObject({ ok: true, checked: 5 });
      expect(counter.walks()).toBe(2);
    } finally {
      counter.restore();
    }
  });

  test('a verification of another window while one runs: 429 with Retry-After, not queued; allowed after (PGlite)', async () => {
    const admin = await pglite.token('root', 'admin', '*');
    // The first walk's first page waits until the second call has been answered.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const walking = new Promise<void>((resolve) => (started = resolve));
    const original = pglite.db.query.bind(pglite.db);
    const spy = jest.spyOn(pglite.db, 'query').mockImplementation((async (sql: string, params?: readonly unknown[]) => {
      if (/FROM audit_log WHERE audit_log\.id > \$1/.test(sql) && params?.[0] === 0) {
        started();
        await gate;
      }
      return original(sql, params);
    }) as Db['query']);
    try {
      const first = pglite.as(admin, { method: 'GET', url: '/api/audit/verify' });
      await walking;
      const second = await pglite.as(admin, { method: 'GET', url: '/api/audit/verify?limit=2' });
      expect([second.statusCode, second.json().error.code, second.headers['retry-after']]).toEqual([
        429,
        'SERVER_BUSY',
        '5',
      ]);
      expect(second.json().error.message).toMatch(/one runs at a time/);
      release();
      expect((await first).statusCode).toBe(200);
      spy.mockRestore();
      const after = await pglite.as(admin, { method: 'GET', url: '/api/audit/verify?limit=2' });
      expect([after.statusCode, after.json().ok]).toEqual([200, true]);
    } finally {
      release();
      spy.mockRestore();
    }
  });
});
