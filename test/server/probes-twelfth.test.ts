/**
 * Twelfth attack pass (2026-12-08): twelve attacks written down before any was tried, none of a class
 * the passes before tried (docs/server.md, "Twelfth pass"), most on the tables new today: the people
 * table (migration 18) and account aliases (migration 19). Each test names what it found, or that it
 * held. Run on PostgreSQL (when DATABASE_URL is set) and PGlite; what needs two connections at once
 * (a lock held by one while another waits) runs on PostgreSQL only (PGlite has one connection).
 *
 * F1  a people-table removal that waits for a lock is dated at its transaction's start: a proposal
 *     created while the declaration was in force then counts it as removed before its creation?
 * F2  the application role rewrites a proposal's `created_at` or `authors`, then decides directly: does
 *     the database still refuse (its guarantee is "whatever the application does")?
 * F3  per-request cost of the people table at scale: a submit and the inbox with thousands of
 *     declarations and hundreds of proposals of one year.
 * F4  a chain through a third account built in history (x → p, removed, p → y): one person for a
 *     proposal created before the removal?
 * F5  a declaration racing an approval: an approval committed after the declaration forbidding it?
 * F6  an account alias making a move count twice or vanish from the split rule.
 * F7  aliasing in a cost centre the admin lacks, by spelling.
 * F8  audit of every declaration: each row and removal has its one audit record; a refusal none.
 * F9  who may read, and existence: a list read with the cost centre twice or in another case, a
 *     cursor replayed on another list or by another user, another cost centre's existing vs unknown
 *     alias removed.
 * F10 a declaration for an unknown or odd account: the admin's word, no wildcard.
 * F11 approve vs edit on one proposal at once.
 * F12 the audit verify route under concurrent writes.
 */
import { ok, setApprovalChain, TWO_STEP_CHAIN } from './fixtures';
import { ENGINES, moveProposal, submitOwnLines, useTestServer, type Json } from './helpers';

jest.setTimeout(600_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(ENGINES)('probes: twelfth pass (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'prbtwelfth' });
  const t: Record<string, string> = {};
  let n = 0;
  beforeAll(async () => {
    Object.assign(t, {
      root: await server.token('root', 'admin', '*'),
      admin: await server.token('cc1-admin', 'admin', ['CC1']),
      alice: await server.token('alice', ['analyst', 'budget_owner'], ['CC1', 'CC2']),
      aliceApprover: await server.token('alice.approver', 'approver', ['CC1']),
      bob: await server.token('bob', 'approver', ['CC1']),
      carol: await server.token('carol', 'controller', ['CC1']),
    });
    await setApprovalChain(server, t.root, TWO_STEP_CHAIN);
  });

  const declare = (account: string, person: string, token = t.root) =>
    server.as(token, { method: 'POST', url: '/api/people', payload: { account, person } });
  const remove = (account: string, token = t.root) =>
    server.as(token, { method: 'POST', url: '/api/people/remove', payload: { account } });
  /** A proposal of accounts of its own, drafted and submitted by `author`. */
  const submitted = (author = t.alice): Promise<Json> => submitOwnLines(server, author, (n += 1), 'twelfth');
  /** A decision written around the server, by the application's role. */
  const decideInDatabase = (p: Json, step: number, account: string) =>
    server.db.query(
      "UPDATE proposal_steps SET decided_by = $3, state = 'approved' WHERE proposal_id = $1 AND step_no = $2",
      [p.id, step, account],
    );

  (engine === 'pglite' ? test.skip : test)(
    'F1 (found, fixed): a removal that waited for a lock is dated when it is made, not when its transaction began',
    async () => {
      ok(await declare('alice.approver', 'alice'), 'declare');
      // A slow declaration holds the table's lock (any wait does: the lock, the audit chain's head).
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding = () => {};
      const held = new Promise<void>((resolve) => (holding = resolve));
      const slow = server.owner().transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['person_aliases']);
        holding();
        await released;
      });
      await held;
      const removal = remove('alice.approver');
      await sleep(400); // the removal's transaction has begun and waits for the lock
      // Meanwhile Alice's proposal is created and submitted: the declaration is in force all along.
      const p = await submitted();
      await sleep(50);
      release();
      await slow;
      expect((await removal).statusCode).toBe(200);
      // It counts for the proposal: Alice's second account decides no step of it.
      const r = await moveProposal(server, t.aliceApprover, p, 'approve');
      expect(r.statusCode).toBe(403);
      expect(r.json().error.message).toContain('is declared one person');
      const dates = await server.db.query<{ removed: boolean }>(
        `SELECT a.removed_at > p.created_at AS removed FROM person_aliases a, proposals p
          WHERE a.account = 'alice.approver' AND p.id = $1 ORDER BY a.id DESC LIMIT 1`,
        [p.id],
      );
      expect(dates.rows[0].removed).toBe(true);
    },
  );

  test('F2 (found, fixed): the application role cannot rewrite when a proposal was created or who wrote it', async () => {
    ok(await declare('alice.approver', 'alice'), 'declare');
    const p = await submitted();
    ok(await remove('alice.approver'), 'remove');
    // Made "now", the proposal would postdate the removal, and the declaration would no longer count.
    await expect(
      server.db.query('UPDATE proposals SET created_at = clock_timestamp() WHERE id = $1', [p.id]),
    ).rejects.toThrow(/created_at|authors|history/);
    await expect(decideInDatabase(p, 1, 'alice.approver')).rejects.toThrow(/declared one person with an author/);
    // Authors only ever grow: without Alice among them, Alice would decide her own proposal.
    const q = await submitted();
    await expect(server.db.query("UPDATE proposals SET authors = '{}' WHERE id = $1", [q.id])).rejects.toThrow(
      /created_at|authors|history/,
    );
    await expect(
      server.db.query("UPDATE proposals SET authors = ARRAY['someone'] WHERE id = $1", [q.id]),
    ).rejects.toThrow(/created_at|authors|history/);
    // Growing is what the application does (an edit by another author); shrinking is refused.
    await server.db.query("UPDATE proposals SET author_emails = ARRAY['alice@corp.example'] WHERE id = $1", [q.id]);
    await expect(server.db.query("UPDATE proposals SET author_emails = '{}' WHERE id = $1", [q.id])).rejects.toThrow(
      /created_at|authors|history/,
    );
    await expect(decideInDatabase(q, 1, 'alice')).rejects.toThrow();
    // What the application does still works: the steps are decided, the state moves.
    expect((await moveProposal(server, t.bob, q, 'approve')).statusCode).toBe(200);
  });
});
