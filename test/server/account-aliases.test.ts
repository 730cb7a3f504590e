/**
 * Account aliases per cost centre (`POST /api/account-aliases`, migration 19): an admin of a cost
 * centre declares that an account code is another's (`06100 → 6100`), and the split rule takes the
 * two codes' lines as one line. The server infers none. Attacks: a non-admin declaring; an admin
 * aliasing in a cost centre they do not hold; self-aliases and chains; huge inputs.
 */
import { CFO_CHAIN, move, ok, setApprovalChain } from './fixtures';
import { ENGINES, moveProposal, postProposal, snapshot, useTestServer, type Json } from './helpers';

jest.setTimeout(180_000);

describe.each(ENGINES)('account aliases per cost centre (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'acctalias' });
  const t: Record<string, string> = {};
  beforeAll(async () => {
    t.root = await server.token('root', 'admin', '*');
    t.admin = await server.token('cc1-admin', 'admin', ['CC1']);
    t.alice = await server.token('alice', ['analyst', 'budget_owner'], ['CC1', 'CC2']);
    t.viewer = await server.token('vera', 'viewer', ['CC1']);
    await setApprovalChain(server, t.root, CFO_CHAIN);
  });

  const alias = (payload: object, token = t.admin) =>
    server.as(token, { method: 'POST', url: '/api/account-aliases', payload });
  /** Two halves of 49,999 by Alice in CC1, out of `first` in March and `second` in April: the later's steps. */
  const halves = async (first: string, second: string): Promise<string[]> => {
    let chain: Json[] = [];
    for (const [account, period] of [
      [first, '2026-03'],
      [second, '2026-04'],
    ]) {
      const lines = move('CC1', account, `T${account}`, period, 49_999);
      const draft = ok(await postProposal(server, t.alice, { fiscalYear: 2026, reason: 'half', lines }), 'draft');
      chain = ok(await moveProposal(server, t.alice, draft, 'submit'), 'submit').chain as Json[];
    }
    return chain.map((s) => String(s.name));
  };

  test('the split rule relates an aliased code’s lines to its canonical code’s, only in the alias’s cost centre', async () => {
    // Without an alias the server relates nothing: 07100 may be a real, different account.
    expect(await halves('08100', '8100')).toEqual(['Cost-centre approver']);
    ok(await alias({ costCentre: 'CC1', account: '07100', canonical: '7100' }), 'declare');
    expect(await halves('07100', '7100')).toEqual(['Cost-centre approver', 'CFO']);
    // Any case, either way round.
    ok(await alias({ costCentre: 'CC1', account: 'trv-old', canonical: 'TRV' }), 'declare');
    expect(await halves('trv', 'TRV-OLD')).toEqual(['Cost-centre approver', 'CFO']);
    // Another cost centre's alias does not relate CC1's lines.
    ok(await alias({ costCentre: 'CC2', account: '09100', canonical: '9100' }, t.root), 'declare in CC2');
    expect(await halves('09100', '9100')).toEqual(['Cost-centre approver']);
  });

  test('only an admin of the cost centre declares or removes; its readers read; nothing written otherwise', async () => {
    const before = await snapshot(server.db);
    for (const [token, costCentre] of [
      [t.alice, 'CC1'],
      [t.viewer, 'CC1'],
      [t.admin, 'CC2'],
    ]) {
      const r = await alias({ costCentre, account: '05100', canonical: '5100' }, token);
      expect([costCentre, r.statusCode]).toEqual([costCentre, 403]);
      const gone = await server.as(token, {
        method: 'POST',
        url: '/api/account-aliases/remove',
        payload: { costCentre, account: '07100' },
      });
      expect(gone.statusCode).toBe(403);
    }
    expect(await snapshot(server.db)).toEqual(before);
    const listed = ok(await server.as(t.viewer, { method: 'GET', url: '/api/account-aliases?costCentre=CC1' }), 'list');
    expect(listed.map((a: Json) => `${a.account}→${a.canonical}`)).toEqual(['07100→7100', 'trv-old→TRV']);
    expect((await server.as(t.viewer, { method: 'GET', url: '/api/account-aliases?costCentre=CC2' })).statusCode).toBe(
      403,
    );
  });

  test('a removed alias relates nothing more; declaring and removing are audited under the cost centre', async () => {
    ok(await alias({ costCentre: 'CC1', account: '04100', canonical: '4100' }), 'declare');
    const removed = ok(
      await server.as(t.admin, {
        method: 'POST',
        url: '/api/account-aliases/remove',
        payload: { costCentre: 'CC1', account: '04100' },
      }),
      'remove',
    );
    expect(removed).toMatchObject({ removedBy: 'cc1-admin' });
    expect(await halves('04100', '4100')).toEqual(['Cost-centre approver']);
    const records = ok(
      await server.as(t.admin, {
        method: 'GET',
        url: '/api/audit?costCentre=CC1&entity=account_alias&entityId=CC1:04100',
      }),
      'audit',
    ) as Json[];
    expect(records.map((r) => r.action)).toEqual(['account_alias.remove', 'account_alias.declare']);
  });

  test('self-aliases, chains and huge inputs are refused; nothing written', async () => {
    const before = await snapshot(server.db);
    for (const [payload, status] of [
      [{ costCentre: 'CC1', account: '6100', canonical: '6100' }, 400],
      [{ costCentre: 'CC1', account: 'abc', canonical: 'ABC' }, 400],
      // 7100 is canonical: aliasing it chains 07100 → 7100 → 7.
      [{ costCentre: 'CC1', account: '7100', canonical: '7' }, 409],
      // 07100 is an alias: naming it canonical chains x → 07100 → 7100 (and 7100 → 07100 is the cycle).
      [{ costCentre: 'CC1', account: 'x', canonical: '07100' }, 409],
      [{ costCentre: 'CC1', account: '7100', canonical: '07100' }, 409],
      [{ costCentre: 'CC1', account: 'a'.repeat(65), canonical: '6100' }, 400],
      [{ costCentre: 'C'.repeat(33), account: '6100', canonical: '06100' }, 400],
      [{ costCentre: 'CC1', account: "6100'; DROP TABLE account_aliases; --", canonical: '06100' }, 400],
      [{ costCentre: 'CC1', account: '6100' }, 400],
    ] as const) {
      const r = await alias(payload, t.root);
      expect([JSON.stringify(payload).slice(0, 60), r.statusCode]).toEqual([
        JSON.stringify(payload).slice(0, 60),
        status,
      ]);
    }
    expect(await snapshot(server.db)).toEqual(before);
    await expect(
      server.db.query(
        "INSERT INTO account_aliases (cost_centre, account, canonical, declared_by) VALUES ('CC1', '7100', '7', 'dba')",
      ),
    ).rejects.toThrow(/chain/);
    await expect(server.db.query("DELETE FROM account_aliases WHERE account = '07100'")).rejects.toThrow();
  });
});
