import { connect } from 'node:net';
import { MAX_IMPORT_ROWS } from '../../src/model/limits';
import { purgeIdempotencyKeys } from '../../server/notify/background';
import { oneLineProposal } from './fixtures';
import { postProposal, startTestServer, type TestServer, ENGINES } from './helpers';

jest.setTimeout(180_000);

/** The attack probe's server-side findings (issue 15, item 7), each reproduced and refused. */
describe.each(ENGINES)('attack-probe findings stay fixed (%s)', (engine) => {
  let server: TestServer;
  let admin: string;
  let cc1: string;
  beforeAll(async () => {
    server = await startTestServer({ engine, prefix: 'find', overrides: { requestTimeoutMs: 1_000 } });
    admin = await server.token('root', 'admin', '*');
    cc1 = await server.token('ana', 'analyst', ['CC1']);
  });
  afterAll(() => server.close());

  test('an idempotency key answers only its own request: another body or route is a 422, never a replay', async () => {
    const key = { 'idempotency-key': 'probe-key-0001' };
    const review = { costCentre: 'CC1', flagId: 'flag:IDEM@1', decision: 'escalated' };
    const first = await server.as(admin, { method: 'POST', url: '/api/reviews', payload: review, headers: key });
    expect(first.statusCode).toBe(201);
    const replay = await server.as(admin, { method: 'POST', url: '/api/reviews', payload: review, headers: key });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const otherBody = await server.as(admin, {
      method: 'POST',
      url: '/api/reviews',
      payload: { ...review, decision: 'accepted' },
      headers: key,
    });
    expect(otherBody.statusCode).toBe(422);
    expect(otherBody.json().error.code).toBe('SERVER_IDEMPOTENCY_MISMATCH');
    const otherRoute = await postProposal(server, admin, oneLineProposal('CC1', 'I'), key);
    expect(otherRoute.statusCode).toBe(422);
    expect(otherRoute.body).not.toContain('escalated'); // nothing of the review leaks
    // Another user's same key is their own key.
    const other = await server.as(cc1, { method: 'POST', url: '/api/reviews', payload: review, headers: key });
    expect(other.statusCode).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
  });

  test('old idempotency keys are purged', async () => {
    await server.as(admin, {
      method: 'POST',
      url: '/api/reviews',
      payload: { costCentre: 'CC1', flagId: 'flag:OLD@1', decision: 'escalated' },
      headers: { 'idempotency-key': 'probe-key-old1' },
    });
    await server
      .owner()
      .query("UPDATE idempotency_keys SET created_at = now() - interval '200 hours' WHERE key = 'probe-key-old1'");
    expect(await purgeIdempotencyKeys(server.db, 168)).toBe(1);
    const left = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys');
    expect(left.rows[0].n).toBeGreaterThan(0); // the fresh ones stay
    expect(await purgeIdempotencyKeys(server.db, 168)).toBe(0);
  });

  test('unchecked query input is a 400, never a 500', async () => {
    for (const query of [
      'actor=%00',
      'actor=a%0Ab',
      'before=1e20',
      'before=99999999999999999999',
      'from=0000-01-01T00:00:00Z',
      'to=0999-12-31T00:00:00Z',
      'from=2026-13-45T00:00:00Z',
    ]) {
      const r = await server.as(admin, { method: 'GET', url: `/api/audit?${query}` });
      expect([query, r.statusCode]).toEqual([query, 400]);
    }
    expect((await server.as(admin, { method: 'GET', url: '/api/audit?from=2026-01-01T00:00:00Z' })).statusCode).toBe(
      200,
    );
  });

  const csv = (header: string, rows: string[]) => `${header}\n${rows.join('\n')}\n`;
  const importCsv = (batchId: string, costCentre: string, body: string, token = admin) =>
    server.as(token, {
      method: 'POST',
      url: `/api/actuals/imports?batchId=${batchId}&costCentre=${costCentre}`,
      payload: body,
      headers: { 'content-type': 'text/csv' },
    });

  test('a CSV with a repeated or unknown column is refused, not read as its last copy', async () => {
    const dup = await importCsv('dup-1', 'CC1', csv('account,period,amount,amount', ['4000,2026-01,1,999']));
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.details.errors[0]).toMatchObject({
      row: 0,
      field: 'header',
      message: expect.stringMatching(/repeats amount/),
    });
    const unknown = await importCsv('unk-1', 'CC1', csv('account,period,amount,amt', ['4000,2026-01,1,2']));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details.errors[0].message).toMatch(/unknown column/);
  });

  test('large imports: a row cap (413) and a cap on reported problems', async () => {
    const tooMany = await importCsv(
      'big-1',
      'CC1',
      csv(
        'account,period,amount',
        Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => '4000,2026-01,1'),
      ),
    );
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().error).toMatchObject({
      code: 'SERVER_IMPORT_TOO_LARGE',
      details: { maxRows: MAX_IMPORT_ROWS },
    });
    const allBad = await importCsv(
      'bad-1',
      'CC1',
      csv(
        'account,period,amount',
        Array.from({ length: 5000 }, () => '4000,2026-99,x'),
      ),
    );
    expect(allBad.statusCode).toBe(422);
    expect(allBad.json().error.details).toMatchObject({ errorCount: 1000, stoppedEarly: true });
    expect(allBad.json().error.message).toMatch(/^At least \d+ row\(s\) are invalid \(checking stopped there\)/);
    const stored = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM actual_batches');
    expect(stored.rows[0].n).toBe(0);
  });

  test("batch ids are a cost centre's own: another centre's batch neither blocks nor shows", async () => {
    const rows = csv('account,period,amount', ['4000,2026-01,1']);
    expect((await importCsv('shared-1', 'CC2', rows)).statusCode).toBe(201);
    const mine = await importCsv('shared-1', 'CC1', csv('account,period,amount', ['4000,2026-01,7']), cc1);
    expect(mine.statusCode).toBe(201);
    const read = await server.as(cc1, { method: 'GET', url: '/api/actuals/imports/shared-1?costCentre=CC1' });
    expect(read.json()).toMatchObject({ batchId: 'shared-1', costCentre: 'CC1', rowCount: 1 });
    const peek = await server.as(cc1, { method: 'GET', url: '/api/actuals/imports/shared-1?costCentre=CC2' });
    expect(peek.statusCode).toBe(403);
  });

  test('the bearer scheme is case-insensitive', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer'])
      expect(
        (
          await server.send({
            method: 'GET',
            url: '/api/approval-chain',
            headers: { authorization: `${scheme} ${admin}` },
          })
        ).statusCode,
      ).toBe(200);
  });

  test('a client that sends its body too slowly is cut off (request timeout)', async () => {
    const { port } = new URL(server.url);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /api/reviews HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${admin}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"cost`,
        );
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    // The server answers 408 (or just closes) instead of holding the socket open.
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });
});
