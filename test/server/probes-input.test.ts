import { callerFor, FIXTURES, type FixtureContext } from './fixtures';
import { describeIfPg, snapshot, startTestServer, type RequestSpec, type TestServer } from './helpers';

jest.setTimeout(300_000);

const WRITES = Object.keys(FIXTURES).filter((key) => !key.startsWith('GET '));
type Path = (string | number)[];

/** Every value of a JSON body (leaves and containers below the root), as a path. */
function valuePaths(value: unknown, path: Path = []): Path[] {
  const here = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => valuePaths(item, [...path, i]))];
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => valuePaths(v, [...path, k]))];
  return here;
}
/** Every object of a JSON body (the root included), as a path. */
function objectPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPaths(item, [...path, i]));
  if (value && typeof value === 'object')
    return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
  return [];
}
const at = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((cursor, key) => (cursor as Record<string | number, unknown>)[key], value);

/** The body as JSON text with the value at `path` replaced by raw JSON text (a number JSON.stringify cannot write). */
function withRaw(body: unknown, path: Path, raw: string): string {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string | number, unknown>;
  const marker = '\u0001probe\u0001';
  let cursor = copy;
  path.slice(0, -1).forEach((key) => (cursor = cursor[key] as Record<string | number, unknown>));
  cursor[path[path.length - 1]] = marker;
  return JSON.stringify(copy).replace(JSON.stringify(marker), raw);
}

/** An error body names a code and a sentence, and nothing of the server's inside. */
function expectCleanError(text: string): void {
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code).toBe('string');
  expect(text).not.toMatch(/SELECT |INSERT |UPDATE |syntax error|node_modules|\.ts:\d+|stack|pg_|sqlstate/i);
}

describeIfPg('probes: hostile JSON shapes in every field of every write route', () => {
  let server: TestServer;
  let admin: string;
  let n = 0;
  const ctx = (): FixtureContext => ({ server, admin, cc: 'CC1', unique: `i${++n}` });
  beforeAll(async () => {
    server = await startTestServer({ prefix: 'prbinput' });
    admin = await server.token('root', 'admin', '*');
  });
  afterAll(() => server.close());

  /** Sends `raw` (JSON text) instead of the fixture's body: a 4xx writing nothing, or a success; never a 5xx. */
  async function attempt(key: string, build: (payload: unknown) => string | undefined): Promise<string[]> {
    const problems: string[] = [];
    const caller = await callerFor(key, server, admin);
    const probe = await FIXTURES[key](ctx());
    if (typeof probe.payload !== 'object' || probe.payload === null) return problems;
    const raw = build(probe.payload);
    if (raw === undefined) return problems;
    const request: RequestSpec = {
      ...probe,
      headers: { ...probe.headers, 'content-type': 'application/json' },
      payload: raw,
    };
    const before = await snapshot(server.db);
    const response = await server.as(caller, request);
    if (response.statusCode >= 500) problems.push(`${key} ${raw.slice(0, 90)} → ${response.statusCode}`);
    if (response.statusCode >= 400) {
      expectCleanError(response.body);
      expect(await snapshot(server.db)).toEqual(before);
    }
    return problems;
  }

  test('a value nested 10,000 deep in any field is a 400, never a 500 (found: scenario overrides reached the database)', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const problems: string[] = [];
    let tried = 0;
    for (const key of WRITES) {
      const sample = await FIXTURES[key](ctx());
      for (const path of valuePaths(sample.payload)) {
        tried += 1;
        problems.push(...(await attempt(key, (payload) => withRaw(payload, path, deep))));
      }
    }
    expect(tried).toBeGreaterThan(80);
    expect(problems).toEqual([]);
  });

  test('1e309 (Infinity) in any number is refused, never stored as null', async () => {
    const problems: string[] = [];
    for (const key of WRITES) {
      const sample = await FIXTURES[key](ctx());
      for (const path of valuePaths(sample.payload)) {
        if (typeof at(sample.payload, path) !== 'number') continue;
        const caller = await callerFor(key, server, admin);
        const probe = await FIXTURES[key](ctx());
        const response = await server.as(caller, {
          ...probe,
          headers: { ...probe.headers, 'content-type': 'application/json' },
          payload: withRaw(probe.payload, path, '1e309'),
        });
        if (response.statusCode !== 400) problems.push(`${key} ${path.join('.')} → ${response.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('NUL and lone surrogates in any key or string: a clean 4xx or stored, never a 500', async () => {
    const problems: string[] = [];
    for (const key of WRITES) {
      const sample = await FIXTURES[key](ctx());
      for (const text of ['\\u0000', '\\ud800', 'a\\udfffb']) {
        // As a new key of every object.
        for (const path of objectPaths(sample.payload)) {
          problems.push(
            ...(await attempt(key, (payload) => {
              const json = JSON.stringify(at(payload, path));
              const inner = json === '{}' ? `{"${text}":1}` : `{"${text}":1,${json.slice(1)}`;
              return path.length === 0 ? inner : withRaw(payload, path, inner);
            })),
          );
        }
        // In place of every string.
        for (const path of valuePaths(sample.payload)) {
          if (typeof at(sample.payload, path) !== 'string') continue;
          problems.push(...(await attempt(key, (payload) => withRaw(payload, path, `"x${text}"`))));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('no value is converted to fit: numbers as text, true for 1, null for 0, one-item lists (found: "0x10" was the amount 16)', async () => {
    /** What the validator would have converted into `value`: the same value in another JSON type. */
    const disguises = (value: unknown): unknown[] => {
      if (typeof value === 'number') return [String(value), ` ${value} `, [value], ...(value === 1 ? [true] : [])];
      if (typeof value === 'boolean') return [String(value), [value]];
      if (typeof value === 'string') return [[value], ...(/^-?[0-9]+(\.[0-9]+)?$/.test(value) ? [Number(value)] : [])];
      if (Array.isArray(value) && value.length === 1 && typeof value[0] !== 'object') return [value[0]];
      return [];
    };
    const problems: string[] = [];
    let tried = 0;
    for (const key of WRITES) {
      const sample = await FIXTURES[key](ctx());
      for (const path of valuePaths(sample.payload)) {
        for (const disguise of disguises(at(sample.payload, path))) {
          tried += 1;
          const caller = await callerFor(key, server, admin);
          const probe = await FIXTURES[key](ctx());
          const before = await snapshot(server.db);
          const response = await server.as(caller, {
            ...probe,
            headers: { ...probe.headers, 'content-type': 'application/json' },
            payload: withRaw(probe.payload, path, JSON.stringify(disguise)),
          });
          if (response.statusCode !== 400)
            problems.push(`${key} ${path.join('.')} as ${JSON.stringify(disguise)} → ${response.statusCode}`);
          else expect(await snapshot(server.db)).toEqual(before);
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    // A proposal line's amounts: null is no 0, and the message names the value.
    const line = { costCentre: 'CC1', account: '6100', period: '2026-03', before: null, after: 5 };
    const refused = await server.as(admin, {
      method: 'POST',
      url: '/api/proposals',
      payload: { fiscalYear: 2026, lines: [line] },
    });
    expect(refused.json().error).toEqual({
      code: 'SERVER_INVALID_REQUEST',
      message: 'body.lines[1].before must be sent as a JSON number, not null; the server converts nothing.',
      details: { context: 'body', path: 'body/lines/0/before' },
    });
  });

  test('scenario overrides are driver parameters: numbers or number lists by driver name', async () => {
    const model = await server.as(admin, (await FIXTURES['POST /api/models'](ctx())) as RequestSpec);
    const url = `/api/models/${model.json().id}/scenarios`;
    const refused = [
      { units: { mean: 'eighty' } },
      { units: { mean: { nested: 1 } } },
      { units: 5 },
      { 'not a name': { mean: 1 } },
      { units: { mean: [1, 'two'] } },
    ];
    for (const [i, overrides] of refused.entries()) {
      const response = await server.as(admin, { method: 'POST', url, payload: { name: `bad ${i}`, overrides } });
      expect(`${JSON.stringify(overrides)} → ${response.statusCode}`).toBe(`${JSON.stringify(overrides)} → 400`);
    }
    const kept = await server.as(admin, {
      method: 'POST',
      url,
      payload: { name: 'good', overrides: { units: { mean: 80, sd: 5 }, mix: { values: [1, 2, 3] } } },
    });
    expect(kept.statusCode).toBe(201);
    expect(kept.json().overrides).toEqual({ units: { mean: 80, sd: 5 }, mix: { values: [1, 2, 3] } });
  });
});
