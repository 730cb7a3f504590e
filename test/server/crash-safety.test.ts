import { loadDevIssuer } from '../../server/auth/dev-issuer';
import { DATABASE_URL, describeIfPg, send, useSpawnSpace } from './helpers';
import { spawnServer } from './process';

jest.setTimeout(180_000);

const ROWS = 100_000;

describeIfPg('crash safety: the server is killed in the middle of an actuals import', () => {
  const { schema, dataDir, db } = useSpawnSpace('crash');
  const env = { DATABASE_URL: DATABASE_URL!, OPENFPA_DB_SCHEMA: schema, OPENFPA_DATA_DIR: dataDir };

  test('after SIGKILL the batch is all there or not at all, and a re-import completes it', async () => {
    const token = await (await loadDevIssuer(dataDir)).sign({ user: 'ivy', role: 'analyst', costCentres: ['CC1'] });
    const csv = `account,period,amount,currency\n${Array.from({ length: ROWS }, (_, i) => `${4000 + (i % 300)},2026-${String(1 + (i % 12)).padStart(2, '0')},${(i * 1.25).toFixed(2)},EUR`).join('\n')}\n`;
    const request = {
      method: 'POST',
      url: '/api/actuals/imports?batchId=crash-1&costCentre=CC1',
      payload: csv,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    };

    const first = await spawnServer(env);
    const inFlight = send(first.url, request).catch((error: unknown) => error);
    await first.waitForLog(/actuals import started/);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    // Normally the client sees the connection drop; on a very fast machine the answer may have
    // left first, and then it must have been a success.
    const answer = (await inFlight) as { statusCode?: number };
    if (answer.statusCode !== undefined) expect(answer.statusCode).toBe(201);

    const stored = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM actuals WHERE batch_id = 'crash-1'");
    const batch = await db.query("SELECT 1 FROM actual_batches WHERE batch_id = 'crash-1'");
    expect([0, ROWS]).toContain(stored.rows[0].n);
    expect(batch.rowCount).toBe(stored.rows[0].n === ROWS ? 1 : 0);
    process.stderr.write(`crash-safety: after SIGKILL the batch held ${stored.rows[0].n} of ${ROWS} rows\n`);

    const second = await spawnServer(env);
    try {
      const retried = await send(second.url, request);
      expect([200, 201]).toContain(retried.statusCode);
      expect(retried.json()).toMatchObject({ batchId: 'crash-1', rowCount: ROWS });
      const after = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM actuals WHERE batch_id = 'crash-1'");
      expect(after.rows[0].n).toBe(ROWS);
      const again = await send(second.url, request);
      expect(again.statusCode).toBe(200);
      expect(again.json().replayed).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });
});
