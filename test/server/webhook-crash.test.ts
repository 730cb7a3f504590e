import { loadDevIssuer } from '../../server/auth/dev-issuer';
import { APP_DATABASE_URL, DATABASE_URL, describeIfPg, send, useSpawnSpace } from './helpers';
import { spawnServer } from './process';
import { startReceiver } from './receiver';

jest.setTimeout(180_000);

/**
 * The outbox survives a crash: the server is killed (SIGKILL) while a webhook request is in flight;
 * a restarted server sends the delivery again once the dead instance's lease runs out. The
 * receiver gets it at least once and, honouring the idempotency key, acts on it once.
 */
describeIfPg('webhook delivery survives a server killed mid-delivery', () => {
  const { schema, dataDir, db } = useSpawnSpace('hookcrash');
  const env = {
    DATABASE_URL: APP_DATABASE_URL!,
    OPENFPA_OWNER_DATABASE_URL: DATABASE_URL!,
    OPENFPA_DB_SCHEMA: schema,
    OPENFPA_DATA_DIR: dataDir,
    OPENFPA_NOTIFY_POLL_MS: '100',
    // The lease outlives the kill by far (timeout + 5 s), so the first instance cannot finish first.
    OPENFPA_WEBHOOK_TIMEOUT_MS: '5000',
  };

  test('the delivery in flight is sent again after a restart, and acted on once', async () => {
    const receiver = await startReceiver((_request, seen) => (seen === 0 ? 'hold' : 200));
    const token = await (await loadDevIssuer(dataDir)).sign({ user: 'root', role: 'admin', costCentres: '*' });
    const as = (url: string, method: string, path: string, payload: unknown) =>
      send(url, { method, url: path, payload, headers: { authorization: `bearer ${token}` } });

    const first = await spawnServer(env);
    // The development issuer is on (loopback, no OIDC): every start says so.
    expect(await first.waitForLog(/development issuer is ON/)).toMatchObject({ level: 40 });
    const hook = await as(first.url, 'POST', '/api/webhooks', {
      url: receiver.url,
      format: 'generic',
      events: ['flag.raised'],
    });
    expect(hook.statusCode).toBe(201);
    const flag = await as(first.url, 'POST', '/api/flags', {
      costCentre: 'CC1',
      flags: [{ flagId: 'flag:CRASH@1', kind: 'overspend', severity: 0.97, amount: 10_000 }],
    });
    expect(flag.statusCode).toBe(201);

    await receiver.waitFor(1);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const leased = await db.query<{ state: string; attempts: number; leased: boolean }>(
      'SELECT state, attempts, leased_until > now() AS leased FROM webhook_deliveries',
    );
    expect(leased.rows).toEqual([{ state: 'pending', attempts: 1, leased: true }]);

    const second = await spawnServer(env);
    await second.waitForLog(/development issuer is ON/);
    await receiver.waitFor(2, 60_000);
    let delivered: { state: string; attempts: number }[] = [];
    for (let i = 0; i < 100 && delivered[0]?.state !== 'delivered'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      delivered = (
        await db.query<{ state: string; attempts: number }>('SELECT state, attempts FROM webhook_deliveries')
      ).rows;
    }
    expect(delivered).toEqual([{ state: 'delivered', attempts: 2 }]);
    expect(receiver.received.map((r) => r.key)).toEqual([receiver.received[0].key, receiver.received[0].key]);
    expect(receiver.acted.size).toBe(1);
    expect(JSON.parse(receiver.received[1].body)).toMatchObject({
      type: 'flag.raised',
      data: { flag: { flagId: 'flag:CRASH@1' } },
    });

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    await receiver.close();
  });
});
