import { connect, type Socket } from 'node:net';
import { FIXTURES } from './fixtures';
import { useTestServer } from './helpers';

jest.setTimeout(300_000);

const LIMIT = 1024 * 1024;
const IMPORT_LIMIT = 16 * 1024 * 1024;

/**
 * Third attack pass, resource use: a body at the size limit (and one byte past it) on every write
 * route, discovered from the server's route list; many slow clients at once. (No route runs a
 * forecast or simulation: the server stores models and scenarios, whose sizes are the model's limits.)
 */
describe('probes: bodies at the size limit (third pass)', () => {
  const server = useTestServer({ prefix: 'prbres' });

  test('every write route takes a body at its size limit (JSON padded with whitespace) and refuses one byte more (413)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const writes = server.routes.filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThanOrEqual(20);
    const problems: string[] = [];
    let n = 0;
    for (const route of writes) {
      const key = `${route.method} ${route.url}`;
      n += 1;
      const request = await FIXTURES[key]({ server, admin, cc: 'CC1', unique: `r${n}` });
      const csv = request.headers?.['content-type'] === 'text/csv';
      const text = typeof request.payload === 'string' ? request.payload : JSON.stringify(request.payload ?? {});
      const limit = key === 'POST /api/actuals/imports' ? IMPORT_LIMIT : LIMIT;
      // Blank lines in a CSV, spaces in JSON: the same request, at the limit's size.
      const padded = (size: number) => text + (csv ? '\n' : ' ').repeat(size - Buffer.byteLength(text));
      const headers = { 'content-type': csv ? 'text/csv' : 'application/json', ...request.headers };
      const started = Date.now();
      const atLimit = await server.as(admin, { ...request, headers, payload: padded(limit) }).catch((e: Error) => {
        throw new Error(`${key}: ${e.message} ${String((e as { cause?: unknown }).cause)}`);
      });
      const over = await server.as(admin, { ...request, headers, payload: padded(limit + 1) });
      const ms = Date.now() - started;
      if (atLimit.statusCode === 413 || atLimit.statusCode >= 500 || over.statusCode !== 413)
        problems.push(
          `${key}: at the limit ${atLimit.statusCode} ${atLimit.body.slice(0, 120)}; past it ${over.statusCode}`,
        );
      if (over.statusCode === 413) expect(over.json().error.code).toBe('SERVER_PAYLOAD_TOO_LARGE');
      expect([key, ms < 60_000]).toEqual([key, true]);
    }
    expect(problems).toEqual([]);
  });

  test('what the body parser refuses speaks the catalogue, not the framework (found: FST_ERR_… codes)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const post = (payload: string, type?: string) =>
      server.as(admin, {
        method: 'POST',
        url: '/api/reviews',
        payload,
        headers: type === undefined ? {} : { 'content-type': type },
      });
    const answers = [
      [await post('{"costCentre": ', 'application/json'), 400],
      [await post('', 'application/json'), 400],
      [await post('costCentre=CC1', 'application/x-www-form-urlencoded'), 415],
      [await post('{}', 'text/plain'), 415],
      [await post(`{"pad":"${'x'.repeat(LIMIT)}"}`, 'application/json'), 413],
    ] as const;
    for (const [r, status] of answers) {
      expect([r.statusCode, r.json().error.code]).toEqual([status, expect.stringMatching(/^SERVER_[A-Z_]+$/)]);
      expect(r.body).not.toContain('FST_');
    }
  });
});

describe('probes: slow clients (third pass)', () => {
  const server = useTestServer({ prefix: 'prbslow', overrides: { requestTimeoutMs: 2_000 } });

  test('a hundred clients sending headers or bodies slowly hold nothing up; each is cut off after the request timeout', async () => {
    const { port } = new URL(server.url);
    const admin = await server.token('root', 'admin', '*');
    const slow: Promise<string>[] = [];
    const sockets: Socket[] = [];
    for (let i = 0; i < 100; i++) {
      slow.push(
        new Promise<string>((resolve) => {
          const socket = connect(Number(port), '127.0.0.1', () => {
            // Half of them stop inside the headers, half inside the body.
            socket.write(
              i % 2 === 0
                ? `POST /api/reviews HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${admin}\r\n` +
                    `content-type: application/json\r\ncontent-length: 1000\r\n\r\n{"cost`
                : `POST /api/reviews HTTP/1.1\r\nhost: x\r\nauthoriz`,
            );
          });
          sockets.push(socket);
          let text = '';
          socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
          socket.on('close', () => resolve(text));
          socket.on('error', () => resolve(text));
        }),
      );
    }
    // Meanwhile others are served: before the first slow client is cut off, not after.
    let firstCut = Infinity;
    void Promise.race(slow).then(() => (firstCut = Date.now()));
    const me = await server.as(admin, { method: 'GET', url: '/api/me' });
    const served = Date.now();
    expect(me.statusCode).toBe(200);
    const answers = await Promise.all(slow);
    expect(served).toBeLessThan(firstCut);
    for (const answer of answers) expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect(sockets.every((s) => s.destroyed)).toBe(true);
  });
});
