import { adjustmentBody, kpiBody, outcomeBody, setApprovalChain, TWO_STEP_CHAIN } from './fixtures';
import { describeIfPg, moveProposal, postProposal, postVersion, useTestServer, type TestResponse } from './helpers';

jest.setTimeout(180_000);

type Row = Record<string, unknown>;
/** Each answer as "status code-or-state", sorted, so a race reads the same whoever won. */
const outcomes = (responses: TestResponse[]): string[] =>
  responses.map((r) => `${r.statusCode} ${r.json().error?.code ?? r.json().state ?? 'ok'}`).sort();

/**
 * Races on every record that changes after it is made: each must give one winner and a clean answer
 * (409, or 403 where separation of duties decides) to the others, never two writes or a 500. On
 * PostgreSQL, where requests run side by side (PGlite's one connection runs them one at a time).
 */
describeIfPg('probes: races give one winner and a clean refusal', () => {
  const server = useTestServer({ prefix: 'prbrace' });
  let n = 0;
  const line = (cc: string, before: number, after: number, account = '6100') => ({
    costCentre: cc,
    account,
    period: '2026-03',
    before,
    after,
  });
  async function submitted(cc: string, lines = [line(cc, 0, -100), line(cc, 0, 100, '6200')]): Promise<Row> {
    const author = await server.token(`author-${++n}`, ['analyst', 'budget_owner'], [cc]);
    const draft = await postProposal(server, author, { fiscalYear: 2026, reason: `race ${n}`, lines });
    expect(draft.statusCode).toBe(201);
    const sent = await moveProposal(server, author, draft.json(), 'submit');
    expect(sent.statusCode).toBe(200);
    return { ...sent.json(), author };
  }
  /** The baseline budget of `cc` for 2026: one line, 6100 in March, at `amount`. */
  async function baseline(cc: string, amount: number): Promise<void> {
    const made = await postVersion(server, await server.token('root', 'admin', '*'), {
      costCentre: cc,
      fiscalYear: 2026,
      kind: 'budget',
      name: 'baseline',
      lines: [{ account: '6100', period: '2026-03', amount }],
    });
    expect(made.statusCode).toBe(201);
  }
  const audits = async (action: string, entityId: string) =>
    (
      await server.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2',
        [action, entityId],
      )
    ).rows[0].n;

  test('approve against reject, and one approver twice: one decision', async () => {
    const [amy, bob] = [await server.token('amy', 'approver', ['R1']), await server.token('bob', 'approver', ['R1'])];
    const p = await submitted('R1');
    const raced = await Promise.all([
      moveProposal(server, amy, p, 'approve'),
      moveProposal(server, bob, p, 'reject', { comment: 'no' }),
    ]);
    expect(raced.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(raced.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)).toEqual(['SERVER_STALE_VERSION']);
    const decided = await server.db.query('SELECT state FROM proposal_steps WHERE proposal_id = $1', [p.id]);
    expect(decided.rows).toHaveLength(1);
    expect((await audits('proposal.approve', String(p.id))) + (await audits('proposal.reject', String(p.id)))).toBe(1);

    const q = await submitted('R1');
    const twice = await Promise.all([
      moveProposal(server, amy, q, 'reject', { comment: 'one' }),
      moveProposal(server, amy, q, 'reject', { comment: 'two' }),
      moveProposal(server, amy, q, 'approve'),
    ]);
    expect(twice.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(twice.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
  });

  test('two steps of a chain raced by two people: the second step waits for the first', async () => {
    const root = await server.token('root', 'admin', '*');
    await setApprovalChain(server, root, TWO_STEP_CHAIN);
    const [amy, carl] = [
      await server.token('amy', 'approver', ['R2']),
      await server.token('carl', 'controller', ['R2']),
    ];
    const p = await submitted('R2');
    const raced = await Promise.all([
      moveProposal(server, carl, p, 'approve'),
      moveProposal(server, amy, p, 'approve'),
    ]);
    // The controller's step is not current until the approver's is decided: 403 or 409, never a skip.
    const won = raced.filter((r) => r.statusCode === 200);
    expect(won).toHaveLength(1);
    expect(won[0].json().chain.map((s: Row) => s.state)).toEqual(['approved', 'pending']);
    await setApprovalChain(server, root, [TWO_STEP_CHAIN[0]]);
  });

  test('apply three times at once: one version, one audit record', async () => {
    await baseline('R3', 100);
    const p = await submitted('R3', [line('R3', 100, 40)]);
    const approved = (await moveProposal(server, await server.token('amy', 'approver', ['R3']), p, 'approve')).json();
    const owners = [
      String(p.author),
      await server.token('bo1', 'budget_owner', ['R3']),
      await server.token('bo2', 'admin', '*'),
    ];
    const raced = await Promise.all(owners.map((token) => moveProposal(server, token, approved, 'apply')));
    expect(outcomes(raced)).toEqual(['200 applied', '409 SERVER_STALE_VERSION', '409 SERVER_STALE_VERSION']);
    const versions = await server.db.query('SELECT name FROM budget_versions WHERE cost_centre = $1 ORDER BY number', [
      'R3',
    ]);
    expect(versions.rows.map((v) => v.name)).toEqual(['baseline', 'v2']);
    expect(await audits('proposal.apply', String(p.id))).toBe(1);
  });

  test('two reversals of one applied proposal asked at once: one is opened, the other a 409 naming it', async () => {
    await baseline('R8', 100);
    const p = await submitted('R8', [line('R8', 100, 70)]);
    const approved = (await moveProposal(server, await server.token('amy', 'approver', ['R8']), p, 'approve')).json();
    const applied = (await moveProposal(server, String(p.author), approved, 'apply')).json();
    expect(applied.state).toBe('applied');
    const askers = [
      await server.token('bo1', 'budget_owner', ['R8']),
      await server.token('bo2', 'budget_owner', ['R8']),
    ];
    const raced = await Promise.all(
      askers.map((token) => moveProposal(server, token, applied, 'revert', { comment: 'wrong month' })),
    );
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    // Found: the loser's read had waited for the lock and missed the reversal just asked for (a bare
    // SERVER_DUPLICATE "That already exists." from the unique index); it names the open reversal now.
    const opened = raced.find((r) => r.statusCode === 201)!.json().reversal;
    expect(raced.find((r) => r.statusCode === 409)!.json().error).toMatchObject({
      code: 'SERVER_REVERSAL_REFUSED',
      message: expect.stringContaining(`reversal ${String(opened.id)} is already submitted`),
    });
    const open = await server.db.query('SELECT id FROM proposals WHERE reverts = $1', [p.id]);
    expect(open.rows).toHaveLength(1);
  });

  test('two approved proposals on one line applied at once: one applies, the other finds the budget changed', async () => {
    await baseline('R4', 50);
    const amy = await server.token('amy', 'approver', ['R4']);
    const approved = [];
    for (const after of [10, 20]) {
      const p = await submitted('R4', [line('R4', 50, after)]);
      approved.push({ ...(await moveProposal(server, amy, p, 'approve')).json(), author: p.author });
    }
    const raced = await Promise.all(approved.map((p) => moveProposal(server, String(p.author), p, 'apply')));
    expect(outcomes(raced)).toEqual(['200 applied', '409 SERVER_BUDGET_CHANGED']);
    const versions = await server.db.query('SELECT count(*)::int AS n FROM budget_versions WHERE cost_centre = $1', [
      'R4',
    ]);
    expect(versions.rows[0].n).toBe(2);
  });

  test('edit against submit, and submit against a change of the chain: the proposal keeps one whole chain', async () => {
    const author = await server.token('ed', 'analyst', ['R5']);
    const draft = (await postProposal(server, author, { fiscalYear: 2026, lines: [line('R5', 0, 5)] })).json();
    const raced = await Promise.all([
      server.as(author, {
        method: 'PATCH',
        url: `/api/proposals/${draft.id}`,
        payload: { reason: 'edited' },
        headers: { 'if-match': `"${draft.version}"` },
      }),
      moveProposal(server, author, draft, 'submit'),
    ]);
    expect(outcomes(raced)).toEqual([expect.stringMatching(/^200 (draft|submitted)$/), '409 SERVER_STALE_VERSION']);

    const root = await server.token('root', 'admin', '*');
    const chain = await server.as(root, { method: 'GET', url: '/api/approval-chain' });
    const next = (await postProposal(server, author, { fiscalYear: 2026, lines: [line('R5', 0, 7, '6300')] })).json();
    const replace = (steps: object[]) =>
      server.as(root, {
        method: 'PUT',
        url: '/api/approval-chain',
        payload: { steps },
        headers: { 'if-match': String(chain.headers.etag) },
      });
    const [submit, put1, put2] = await Promise.all([
      moveProposal(server, author, next, 'submit'),
      replace(TWO_STEP_CHAIN),
      replace([{ name: 'CFO', role: 'cfo', costCentre: '*', deadlineHours: 1 }]),
    ]);
    expect(submit.statusCode).toBe(200);
    expect(outcomes([put1, put2])).toEqual(['200 ok', '409 SERVER_STALE_VERSION']);
    const names = submit.json().chain.map((s: Row) => s.name);
    expect([['Cost-centre approver'], TWO_STEP_CHAIN.map((s) => s.name), ['CFO']]).toContainEqual(names);
  });

  test('a KPI deleted, re-measured and redefined at once: one change, the others 409', async () => {
    const root = await server.token('root', 'admin', '*');
    const kpi = (await server.as(root, { method: 'POST', url: '/api/kpis', payload: kpiBody('R6', 'race') })).json();
    const { ownerCostCentre: _owner, ...definition } = kpiBody('R6', 'race');
    const ifMatch = { 'if-match': `"${kpi.version}"` };
    const raced = await Promise.all([
      server.as(root, { method: 'DELETE', url: `/api/kpis/${kpi.id}`, headers: ifMatch }),
      server.as(root, {
        method: 'PUT',
        url: `/api/kpis/${kpi.id}/actual`,
        headers: ifMatch,
        payload: { actual: [1, 2, 3] },
      }),
      server.as(root, {
        method: 'PUT',
        url: `/api/kpis/${kpi.id}`,
        headers: ifMatch,
        payload: { ...definition, unit: 'x' },
      }),
    ]);
    expect(raced.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(raced.filter((r) => r.statusCode === 409)).toHaveLength(2);
    const stored = await server.db.query<{ version: number }>('SELECT version FROM kpis WHERE id = $1', [kpi.id]);
    expect(stored.rows[0].version).toBe(kpi.version + 1);
  });

  test('an adjustment forgotten and measured at once: both answers clean, the record consistent', async () => {
    const root = await server.token('root', 'admin', '*');
    for (let i = 0; i < 4; i++) {
      const body = adjustmentBody('R7', `race${i}`);
      expect((await server.as(root, { method: 'POST', url: '/api/adjustments', payload: body })).statusCode).toBe(201);
      const url = (verb: string) => `/api/adjustments/${encodeURIComponent(body.id)}/${verb}?costCentre=R7`;
      const [measure, forget] = await Promise.all([
        server.as(root, { method: 'PUT', url: url('outcome'), payload: outcomeBody }),
        server.as(root, { method: 'POST', url: url('forget'), payload: { reason: 'reverted' } }),
      ]);
      expect(forget.statusCode).toBe(200);
      const stored = (
        await server.db.query<Row>('SELECT outcome, forgotten_at FROM adjustments WHERE cost_centre = $1 AND id = $2', [
          'R7',
          body.id,
        ])
      ).rows[0];
      expect(stored.forgotten_at).not.toBeNull();
      // Measured first (200, kept in the tombstone) or refused as forgotten (409): never both lost.
      if (measure.statusCode === 200) expect(stored.outcome).toEqual(outcomeBody);
      else
        expect([measure.statusCode, measure.json().error.code, stored.outcome]).toEqual([
          409,
          'SERVER_FORGOTTEN',
          null,
        ]);
    }
  });
});
