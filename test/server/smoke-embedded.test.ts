import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moveAcross } from './fixtures';
import { send } from './helpers';
import { devTokenFromCli, spawnServer, startAndExit } from './process';

jest.setTimeout(180_000);

/**
 * The default `npm run server`: embedded PGlite in OPENFPA_DATA_DIR, dev tokens from the CLI.
 * Runs everywhere (no DATABASE_URL needed); the full suites run against real PostgreSQL.
 */
describe('smoke: embedded PGlite server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'openfpa-smoke-'));
  const env = { OPENFPA_DATA_DIR: dataDir, DATABASE_URL: '' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('starts, serves the API with dev tokens, shuts down gracefully and keeps its data', async () => {
    const usage = await devTokenFromCli(dataDir, ['alice', 'wizard', 'CC1']);
    expect(usage.code).toBe(2);
    const minted = await devTokenFromCli(dataDir, ['alice', 'admin', 'CC1,CC2']);
    expect(minted.code).toBe(0);
    const auth = { authorization: `Bearer ${minted.token}` };

    const server = await spawnServer(env);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await send(server.url, { method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await send(server.url, { method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready' });
    // What runs behind it is an admin's to read.
    expect((await send(server.url, { method: 'GET', url: '/api/status', headers: auth })).json()).toMatchObject({
      status: 'ready',
      database: 'pglite',
    });
    const openapi = (await send(server.url, { method: 'GET', url: '/openapi.json' })).json();
    expect(openapi.openapi).toBe('3.0.3');
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/proposals/{id}/approve', '/api/actuals/imports', '/api/audit']),
    );

    expect((await send(server.url, { method: 'GET', url: '/api/proposals?costCentre=CC1' })).statusCode).toBe(401);
    const created = await send(server.url, {
      method: 'POST',
      url: '/api/proposals',
      headers: auth,
      payload: {
        fiscalYear: 2026,
        reason: 'Q3 travel',
        lines: moveAcross('6100', '2026-07', 'CC1', 'CC2', 1200, 5000),
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const submitted = await send(server.url, {
      method: 'POST',
      url: `/api/proposals/${id}/submit`,
      headers: { ...auth, 'if-match': '"1"' },
      payload: {},
    });
    expect(submitted.json().state).toBe('submitted');
    // Separation of duties holds on PGlite too: the submitter may not approve, whatever version it sends.
    const own = await send(server.url, {
      method: 'POST',
      url: `/api/proposals/${id}/approve`,
      headers: { ...auth, 'if-match': '"1"' },
      payload: {},
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('SERVER_FORBIDDEN_STEP');
    // A second server on the same data folder refuses to start while this one runs.
    const second = await startAndExit(env);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/data folder is in use by process \d+/);
    const imported = await send(server.url, {
      method: 'POST',
      url: '/api/actuals/imports?batchId=smoke-1&costCentre=CC1',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: 'account,period,amount\n4000,2026-01,100\n4010,2026-01,"1,5"\n',
    });
    expect(imported.statusCode).toBe(422);
    const fixed = await send(server.url, {
      method: 'POST',
      url: '/api/actuals/imports?batchId=smoke-1&costCentre=CC1',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: 'account,period,amount\n4000,2026-01,100\n4010,2026-01,1.5\n',
    });
    expect(fixed.json()).toMatchObject({ rowCount: 2, replayed: false });
    const audit = await send(server.url, { method: 'GET', url: '/api/audit?costCentre=CC1', headers: auth });
    expect(audit.json().map((e: { action: string }) => e.action)).toEqual([
      'actuals.import',
      'proposal.submit',
      'proposal.create',
    ]);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const restarted = await spawnServer(env);
    try {
      const again = await send(restarted.url, { method: 'GET', url: `/api/proposals/${id}`, headers: auth });
      expect(again.json()).toMatchObject({ state: 'submitted', version: 2 });
      expect(again.headers.etag).toBe('"2"');
    } finally {
      restarted.child.kill('SIGTERM');
      expect(await restarted.exited).toBe(0);
    }
  });
});
