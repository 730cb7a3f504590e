/**
 * One person, several accounts, as an admin declares it (`POST /api/people`, migration 18): accounts
 * with different emails, or none, that an admin declared one person's are one author and one decider
 * wherever the server compares them (separation of duties, the inbox, the database's trigger, the
 * split rule, the flag window's shares). Attacks: a non-admin or an admin of some cost centres
 * declaring; a declaration that would make a person approve their own proposal; a declaration removed
 * between submit and approval; self-declarations and chains; huge inputs.
 */
import { CFO_CHAIN, move, ok, setApprovalChain, TWO_STEP_CHAIN } from './fixtures';
import {
  ENGINES,
  expectStepRefused,
  moveProposal,
  postProposal,
  snapshot,
  submitOwnLines,
  useTestServer,
  type Json,
} from './helpers';

jest.setTimeout(180_000);

describe.each(ENGINES)('the people table: one person, several accounts (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'people' });
  const t: Record<string, string> = {};
  let n = 0;
  const as = (user: string, role: Parameters<typeof server.token>[1], centres: string[] | '*' = ['CC1']) =>
    server.token(user, role, centres);
  beforeAll(async () => {
    Object.assign(t, {
      root: await as('root', 'admin', '*'),
      adminOfOne: await as('cc1-admin', 'admin', ['CC1']),
      alice: await as('alice', ['analyst', 'budget_owner']),
      aliceApprover: await as('alice.approver', 'approver'),
      aliceController: await as('alice.fin', 'controller'),
      bob: await as('bob', 'approver'),
      carol: await as('carol', 'controller'),
    });
    await setApprovalChain(server, t.root, TWO_STEP_CHAIN);
  });

  const declare = (account: string, person: string, token = t.root) =>
    server.as(token, { method: 'POST', url: '/api/people', payload: { account, person } });
  const remove = (account: string, token = t.root) =>
    server.as(token, { method: 'POST', url: '/api/people/remove', payload: { account } });
  const inbox = async (token: string) =>
    (ok(await server.as(token, { method: 'GET', url: '/api/approvals' }), 'inbox') as Json[]).map((p) => p.id);
  /** What the database says to a decision written around the server. */
  const decideInDatabase = (p: Json, step: number, account: string) =>
    server.db.query(
      "UPDATE proposal_steps SET decided_by = $3, state = 'approved' WHERE proposal_id = $1 AND step_no = $2",
      [p.id, step, account],
    );
  /** A proposal of accounts of its own, drafted and submitted by `author`. */
  const submitted = (author: string): Promise<Json> => submitOwnLines(server, author, (n += 1), 'people');
  const clear = async (...accounts: string[]) => {
    for (const account of accounts) await remove(account);
  };

  test('only an admin with a token for every cost centre declares or removes; admins read; nothing written otherwise', async () => {
    const before = await snapshot(server.db);
    for (const token of [t.alice, t.bob, t.adminOfOne, await as('viewer', 'viewer', '*')]) {
      const r = await declare('alice.approver', 'alice', token);
      expect([403]).toContain(r.statusCode);
      expect((await remove('alice.approver', token)).statusCode).toBe(403);
    }
    expect(await snapshot(server.db)).toEqual(before);
    expect((await server.as(t.bob, { method: 'GET', url: '/api/people' })).statusCode).toBe(403);
    expect((await server.as(t.adminOfOne, { method: 'GET', url: '/api/people' })).statusCode).toBe(200);
  });

  test('a declared account decides no step of its person’s proposal: server, inbox and database agree', async () => {
    const p = await submitted(t.alice);
    expect(await inbox(t.aliceApprover)).toContain(p.id);
    const d = ok(await declare('alice.approver', 'alice'), 'declare');
    expect(d).toMatchObject({ account: 'alice.approver', person: 'alice', declaredBy: 'root', removedAt: null });
    expect(await inbox(t.bob)).toContain(p.id);
    await expectStepRefused(
      server,
      t.aliceApprover,
      p,
      'alice.approver is declared one person with an account that wrote or submitted this proposal',
    );
    // The database refuses it too, whatever the application does.
    await expect(decideInDatabase(p, 1, 'alice.approver')).rejects.toThrow(/declared one person with an author/);
    expect((await moveProposal(server, t.bob, p, 'approve')).statusCode).toBe(200);
    await clear('alice.approver');
  });

  test('two accounts of one person (both declared, the person no account) decide one step, not two', async () => {
    ok(await declare('bob', 'person:bob'), 'declare bob');
    ok(await declare('alice.fin', 'person:bob'), 'declare bob’s second account');
    const p = await submitted(t.alice);
    const first = ok(await moveProposal(server, t.bob, p, 'approve'), 'step 1');
    expect(await inbox(t.aliceController)).not.toContain(p.id);
    expect(await inbox(t.carol)).toContain(p.id);
    const twice = await moveProposal(server, t.aliceController, first, 'approve');
    expect(twice.statusCode).toBe(403);
    expect(twice.json().error.message).toContain(
      'alice.fin is declared one person with an account that already decided a step of this proposal',
    );
    await expect(decideInDatabase(first, 2, 'alice.fin')).rejects.toThrow(/declared one person with a decider/);
    expect((await moveProposal(server, t.carol, first, 'approve')).statusCode).toBe(200);
    await clear('bob', 'alice.fin');
  });

  test('a declaration removed between submit and approval still refuses: it was in force while the proposal was open', async () => {
    ok(await declare('alice.approver', 'alice'), 'declare');
    const p = await submitted(t.alice);
    expect(ok(await remove('alice.approver'), 'remove')).toMatchObject({ removedBy: 'root' });
    const listed = ok(await server.as(t.root, { method: 'GET', url: '/api/people?account=alice.approver' }), 'list');
    expect(listed).toEqual([]);
    expect(await inbox(t.aliceApprover)).not.toContain(p.id);
    const r = await moveProposal(server, t.aliceApprover, p, 'approve');
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toContain('is declared one person');
    // A proposal created after the removal is the accounts' as two people again.
    const later = await submitted(t.alice);
    expect(await inbox(t.aliceApprover)).toContain(later.id);
    expect((await moveProposal(server, t.aliceApprover, later, 'approve')).statusCode).toBe(200);
    // The history keeps both; the removal cannot be dated back (the database sets its time).
    const history = ok(
      await server.as(t.root, { method: 'GET', url: '/api/people?account=alice.approver&removed=true' }),
      'history',
    );
    expect(history.length).toBeGreaterThanOrEqual(1);
    expect(history.every((h: Json) => h.removedBy === 'root' && h.removedAt !== null)).toBe(true);
    await expect(
      server.db.query("UPDATE person_aliases SET removed_at = '2000-01-01' WHERE account = 'alice.approver'"),
    ).rejects.toThrow(/keeps its history/);
    await expect(server.db.query("DELETE FROM person_aliases WHERE account = 'alice.approver'")).rejects.toThrow();
  });

  test('declaring and removing are audited, each in its transaction', async () => {
    ok(await declare('audited', 'someone'), 'declare');
    ok(await remove('audited'), 'remove');
    const records = ok(
      await server.as(t.root, { method: 'GET', url: '/api/audit?entity=person_alias&entityId=audited' }),
      'audit',
    ) as Json[];
    expect(records.map((r) => r.action)).toEqual(['person_alias.remove', 'person_alias.declare']);
    expect(records[1]).toMatchObject({ actor: 'root', before: null, after: { account: 'audited', person: 'someone' } });
    expect(records[0].after).toMatchObject({ removedBy: 'root' });
    expect((await remove('audited')).statusCode).toBe(404);
  });

  test('self-declarations, chains and cycles are refused; nothing written', async () => {
    ok(await declare('x.one', 'x'), 'declare');
    const before = await snapshot(server.db);
    const self = await declare('solo', 'solo');
    expect(self.statusCode).toBe(400);
    // x is a person: declaring x another's would chain x.one → x → y.
    const chainUp = await declare('x', 'y');
    expect([chainUp.statusCode, chainUp.json().error.code]).toEqual([409, 'SERVER_ALIAS_REFUSED']);
    // x.one is an aliased account: naming it a person would chain z → x.one → x.
    const chainDown = await declare('z', 'x.one');
    expect([chainDown.statusCode, chainDown.json().error.message]).toEqual([
      409,
      expect.stringContaining('declare z → x'),
    ]);
    // The cycle x → x.one (back to its own account) is the same chain.
    expect((await declare('x', 'x.one')).statusCode).toBe(409);
    expect(await snapshot(server.db)).toEqual(before);
    // The database refuses a chain too.
    await expect(
      server.db.query("INSERT INTO person_aliases (account, person, declared_by) VALUES ('x', 'y', 'dba')"),
    ).rejects.toThrow(/chain/);
    await clear('x.one');
  });

  test('huge and malformed inputs are 400s, nothing written', async () => {
    const before = await snapshot(server.db);
    for (const payload of [
      { account: 'a'.repeat(257), person: 'p' },
      { account: 'a', person: 'p'.repeat(100_000) },
      { account: '', person: 'p' },
      { account: ' padded', person: 'p' },
      { account: 'a\u0000b', person: 'p' },
      { account: 'a\nb', person: 'p' },
      { account: ['a'], person: 'p' },
      { account: 'a', person: 'p', extra: 1 },
      { account: 'a' },
    ]) {
      const r = await server.as(t.root, { method: 'POST', url: '/api/people', payload });
      expect([JSON.stringify(payload).slice(0, 40), r.statusCode]).toEqual([JSON.stringify(payload).slice(0, 40), 400]);
    }
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('the split rule relates one person’s accounts: two halves under the CFO’s amount reach the CFO', async () => {
    await setApprovalChain(server, t.root, CFO_CHAIN);
    try {
      const aliceTwo = await as('alice.two', ['analyst', 'budget_owner']);
      ok(await declare('alice.two', 'alice'), 'declare');
      const half = async (token: string, period: string) =>
        ok(
          await moveProposal(
            server,
            token,
            ok(
              await postProposal(server, token, {
                fiscalYear: 2026,
                reason: 'half',
                lines: move('CC1', 'S100', 'S900', period, 49_999),
              }),
              'draft',
            ),
            'submit',
          ),
          'submit',
        );
      await half(t.alice, '2026-03');
      const second = await half(aliceTwo, '2026-04');
      expect((second.chain as Json[]).map((s) => s.name)).toEqual(['Cost-centre approver', 'CFO']);
      await clear('alice.two');
    } finally {
      await setApprovalChain(server, t.root, TWO_STEP_CHAIN);
    }
  });

  test('one person’s accounts share one flag window share: the second account’s report is held once the first spent it', async () => {
    const wes = await as('wes', 'analyst');
    const wesTwo = await as('wes.two', 'analyst');
    ok(await declare('wes.two', 'wes'), 'declare');
    const raised = async () =>
      (
        await server.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM outbox_events WHERE kind = 'flag.raised' AND 'CC1' = ANY (cost_centres)",
        )
      ).rows[0].n;
    const report = async (token: string, severities: number[]) => {
      const flags = severities.map((severity) => ({
        flagId: `flag:people${(n += 1)}@1`,
        kind: 'overspend',
        severity,
        amount: 1000 + n,
      }));
      expect(
        (await server.as(token, { method: 'POST', url: '/api/flags', payload: { costCentre: 'CC1', flags } }))
          .statusCode,
      ).toBe(201);
    };
    const start = await raised();
    for (let i = 0; i < 2; i += 1) await report(wes, [0.9, 0.9, 0.9, 0.9, 0.9]);
    expect((await raised()) - start).toBe(10);
    await report(wesTwo, [0.8]);
    expect((await raised()) - start).toBe(10);
    await clear('wes.two');
  });
});
