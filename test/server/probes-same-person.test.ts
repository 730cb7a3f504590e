import { setApprovalChain, TWO_STEP_CHAIN } from './fixtures';
import {
  expectStepRefused,
  moveProposal,
  postProposal,
  type TestServer,
  useTestServer,
  ENGINES,
  type Json,
} from './helpers';

jest.setTimeout(180_000);

/**
 * Attack probe: one person with two accounts. Separation of duties compared account ids only, so a
 * person holding an analyst account and an approver account (a second account, a guest account in
 * the same directory) approved their own proposal. When the tokens carry an email the provider
 * vouches for, an account sharing an author's email decides no step, and one email decides one step
 * of a proposal, in the server and in the database.
 */
describe.each(ENGINES)('same person, two accounts (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'prbperson' });
  let t: Record<string, string>;
  let n = 0;
  beforeAll(async () => {
    const as = (user: string, role: Parameters<TestServer['token']>[1], email?: string, emailVerified?: boolean) =>
      server.token(user, role, ['CC1'], {
        ...(email ? { email } : {}),
        ...(emailVerified === undefined ? {} : { emailVerified }),
      });
    t = {
      root: await server.token('root', 'admin', '*'),
      alice: await as('alice', ['analyst', 'budget_owner'], 'alice@corp.example'),
      aliceApprover: await as('alice-approver', 'approver', ' Alice@CORP.example'),
      aliceController: await as('alice-fin', 'controller', 'ALICE@corp.example'),
      eve: await as('eve', 'analyst', 'eve@corp.example'),
      eveApprover: await as('eve-approver', 'approver', 'Eve@Corp.Example'),
      bob: await as('bob', 'approver', 'bob@corp.example'),
      bobController: await as('bob-fin', 'controller', 'BOB@corp.example'),
      carol: await as('carol', 'controller', 'carol@corp.example'),
      unverified: await as('alice-unverified', 'approver', 'alice@corp.example', false),
      tagged: await as('alice-tagged', 'approver', 'alice+approvals@corp.example'),
      noEmail: await as('alice-noemail', 'approver'),
    };
    await setApprovalChain(server, t.root, TWO_STEP_CHAIN);
  });

  /** A proposal in its own accounts, drafted by `author` (edited by `editor`) and submitted. */
  async function submitted(author: string, editor?: string): Promise<Json> {
    n += 1;
    const lines = [
      { costCentre: 'CC1', account: `X${n}`, period: '2026-05', before: 0, after: -100 },
      { costCentre: 'CC1', account: `Y${n}`, period: '2026-05', before: 0, after: 100 },
    ];
    let p = (await postProposal(server, author, { fiscalYear: 2026, reason: 'probe', lines })).json();
    if (editor) {
      const edited = await server.as(editor, {
        method: 'PATCH',
        url: `/api/proposals/${p.id}`,
        payload: { reason: 'edited' },
        headers: { 'if-match': `"${p.version}"` },
      });
      expect(edited.statusCode).toBe(200);
      p = edited.json();
    }
    const s = await moveProposal(server, author, p, 'submit');
    expect(s.statusCode).toBe(200);
    return s.json();
  }
  const inbox = async (token: string) =>
    (await server.as(token, { method: 'GET', url: '/api/approvals' })).json().map((p: Json) => p.id);
  const decided = async (id: string) =>
    (
      await server.db.query<{ decided_by: string | null }>(
        'SELECT decided_by FROM proposal_steps WHERE proposal_id = $1 ORDER BY step_no',
        [id],
      )
    ).rows.map((r) => r.decided_by);

  test('an account sharing the author’s email (any case, spaces) decides no step; its inbox leaves the proposal out', async () => {
    const p = await submitted(t.alice);
    expect(await inbox(t.bob)).toContain(p.id);
    await expectStepRefused(
      server,
      t.aliceApprover,
      p,
      'alice-approver signs in with the email (alice@corp.example) of an account that wrote or submitted this proposal',
    );
    expect((await moveProposal(server, t.bob, p, 'approve')).statusCode).toBe(200);
  });

  test('an email that only looks different is the author’s: full-width, zero-width, Cyrillic letters, a trailing dot (third pass; found: approved)', async () => {
    const p = await submitted(t.alice);
    for (const [user, email] of [
      ['alice-wide', '\uff41\uff4c\uff49\uff43\uff45@corp.example'],
      ['alice-zw', 'ali\u200bce@corp.example'],
      ['alice-cyr', '\u0430lice@corp.\u0435xample'],
      ['alice-dot', 'alice@corp.example.'],
    ]) {
      const token = await server.token(user, 'approver', ['CC1'], { email });
      expect(await inbox(token)).not.toContain(p.id);
      const r = await moveProposal(server, token, p, 'approve');
      expect([user, r.statusCode, r.json().error.code]).toEqual([user, 403, 'SERVER_FORBIDDEN_STEP']);
    }
    expect(await decided(p.id)).toEqual([null, null]);
  });

  test('an editor’s email counts as an author’s', async () => {
    const p = await submitted(t.alice, t.eve);
    const r = await moveProposal(server, t.eveApprover, p, 'approve');
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toContain('eve-approver signs in with the email (eve@corp.example)');
  });

  test('one email decides one step: a second account of step 1’s approver is refused step 2', async () => {
    const p = await submitted(t.eve);
    const first = await moveProposal(server, t.bob, p, 'approve');
    expect(first.statusCode).toBe(200);
    expect(await inbox(t.bobController)).not.toContain(p.id);
    expect(await inbox(t.carol)).toContain(p.id);
    const twice = await moveProposal(server, t.bobController, first.json(), 'approve');
    expect(twice.statusCode).toBe(403);
    expect(twice.json().error.message).toContain(
      'bob-fin signs in with the email (bob@corp.example) of an account that already decided a step',
    );
    expect(await decided(p.id)).toEqual(['bob', null]);
    const second = await moveProposal(server, t.carol, first.json(), 'approve');
    expect(second.json()).toMatchObject({ state: 'approved' });
  });

  test('the database refuses it too, whatever the application does', async () => {
    const p = await submitted(t.alice);
    await expect(
      server.db.query(
        `UPDATE proposal_steps SET state = 'approved', decided_by = 'zed', decided_by_email = 'alice@corp.example'
         WHERE proposal_id = $1 AND step_no = 1`,
        [p.id],
      ),
    ).rejects.toThrow(/separation of duties: zed shares the email of an author/);
    await server.db.query(
      `UPDATE proposal_steps SET decided_by = 'bob', decided_by_email = 'bob@corp.example'
       WHERE proposal_id = $1 AND step_no = 1`,
      [p.id],
    );
    await expect(
      server.db.query(
        `UPDATE proposal_steps SET decided_by = 'bob-fin', decided_by_email = 'bob@corp.example'
         WHERE proposal_id = $1 AND step_no = 2`,
        [p.id],
      ),
    ).rejects.toThrow(/proposal_steps_one_decision_per_email/);
  });

  test('limits: an unverified email, a +tag, or no email claim are another person (documented); emails stay out of answers and the audit', async () => {
    for (const token of [t.unverified, t.tagged, t.noEmail]) {
      const p = await submitted(t.alice);
      expect((await moveProposal(server, token, p, 'approve')).statusCode).toBe(200);
    }
    // Emails stay out of the answers: the proposal and the inbox show account ids only.
    const p = await submitted(t.alice);
    const read = await server.as(t.bob, { method: 'GET', url: `/api/proposals/${p.id}` });
    expect(read.body).not.toContain('@corp.example');
    const audit = await server.as(t.root, { method: 'GET', url: '/api/audit?entity=proposal&limit=500' });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).not.toContain('@corp.example');
  });
});
