/**
 * Eleventh attack pass (2026-12-08): ten attacks written down before any was tried, none of a class
 * the passes before tried (docs/server.md, "Eleventh pass"), and the two open items (flag ids,
 * positions counted from 1). Each test names what it found, or that it held. Run on PostgreSQL (when
 * DATABASE_URL is set) and PGlite.
 *
 * E1  the same Idempotency-Key sent twice at the same moment, on every write route (from the route
 *     table's fixtures): both answer the first's outcome (one replayed), one change, one audit record?
 * E2  two identical requests at once, no key, on every write route: a 500? a write under If-Match
 *     applied twice?
 * E3  state-machine matrix: every proposal verb from every state by every role: anything succeeds that
 *     the model's machine and the role table do not allow? anything changed by a refusal?
 * E4  the cost centre in two places: a route whose policy reads it from the query sent one in the body
 *     too, and the reverse: does the handler act on another than the policy checked?
 * E5  routes taking two ids (compare): one own and one of another cost centre, in either order?
 * E6  flag ids guessed (the open item): another cost centre's flag ids through every flag-taking route?
 * E7  amounts with more decimals than stored (numeric(20, 4)): a move of 49,999.99996 where the CFO
 *     decides from 50,000, applied as 50,000.0000 without the CFO?
 * E8  look-alike ids in every id field (account, flag id, batch id, adjustment id, line id): merged with
 *     the real record?
 * E9  webhook host forms not tried before: `localhost.`, `LOCALHOST`, `foo.localhost`, `[::]`, `127.1`,
 *     `0`, a zone id, userinfo and fragment tricks.
 * E10 the cost of one request: a compare of two versions of 20,000 lines each (not a paged list).
 */
import { callerFor, FIXTURES } from './fixtures';
import { ENGINES, snapshot, useTestServer, type Json, type TestResponse } from './helpers';

jest.setTimeout(600_000);

/** Every registered write route's fixture key ("POST /api/proposals", …). */
const WRITES = Object.keys(FIXTURES).filter((key) => !key.startsWith('GET '));

describe.each(ENGINES)('probes: eleventh pass (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'prbeleventh' });
  let admin: string;
  beforeAll(async () => {
    admin = await server.token('root', 'admin', '*');
  });
  let unique = 0;
  const prepare = async (key: string) => {
    unique += 1;
    const spec = await FIXTURES[key]({ server, admin, cc: `CC${40 + (unique % 40)}`, unique: `e${unique}` });
    return { spec, caller: await callerFor(key, server, admin) };
  };

  test.each(WRITES)('E1: %s sent twice at once with one Idempotency-Key answers one outcome twice', async (key) => {
    const { spec, caller } = await prepare(key);
    const headers = { ...spec.headers, 'idempotency-key': `e1-${engine}-${unique}-twice` };
    const before = await snapshot(server.owner());
    const both: TestResponse[] = await Promise.all([0, 1].map(() => server.as(caller, { ...spec, headers })));
    const after = await snapshot(server.owner());
    const shown = both.map((r) => [r.statusCode, r.json()]);
    expect(both[0].statusCode).toBeLessThan(300);
    expect(shown[1]).toEqual(shown[0]);
    expect(both.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    // One change: what one request of the same kind writes, not twice that.
    const { spec: other } = await prepare(key);
    const alone0 = await snapshot(server.owner());
    expect((await server.as(caller, other)).statusCode).toBeLessThan(300);
    const alone1 = await snapshot(server.owner());
    const grew = (a: Json, b: Json) =>
      Object.keys(b)
        .filter((t) => t !== 'idempotency_keys')
        .map((t) => `${t} +${Number(b[t]) - Number(a[t])}`);
    expect(grew(before, after)).toEqual(grew(alone0, alone1));
    const again = await server.as(caller, { ...spec, headers });
    expect([again.statusCode, again.json()]).toEqual(shown[0]);
  });
});
