/**
 * Tenth attack pass (2026-12-07): attacks written down before trying them, none of a class the passes
 * before tried (docs/server.md, "Tenth pass"), and the two hardening items left open by the ninth.
 * Each test names what it found, or that it held.
 *
 * D1 one person, two accounts of one mailbox, reporting flags: a share of the window each (twice the
 *    announcements and escalations of anyone else)? (Found while fixing it: keying the share by
 *    email let an account claiming a colleague's email spend the colleague's share.)
 * D2 rotating flag ids (new ids each report, each a little more severe, the same ids re-reported):
 *    more escalations than the bound?
 * D3 a colleague's proposal naming a budget line it does not change (before = after) beside a large
 *    move elsewhere: a SPLIT_BY_OTHERS notice on every approval of that line (a way to cast doubt
 *    on anyone's proposals at will)?
 * D4 holding a colleague's approved proposal: another person's later move of the same line reroutes
 *    it to the CFO (the earlier-half rule), so it waits on a step it never needed?
 * D5 a review decision's `severity` and `amount` as 1e309, -1e309, just past 1, text, null, true,
 *    past ±10^15, or for a cost centre the reviewer does not hold: stored?
 * D6 the 1 MiB page cap against one record larger than the page: a page of nothing with the same
 *    cursor (a client looping), or the record skipped?
 * D7 the actuals currency lock: a refused batch locking the currency, a lower-case or padded code as
 *    a second currency, an importer of one cost centre locking another's?
 * D8 the SPLIT_BY_OTHERS count and total: anything of a proposal the approver cannot read?
 */
import { announceSteps } from '../../server/notify/background';
import { AUDIT_COST_CENTRE_FILTER } from '../../server/routes/audit';
import { CFO_CHAIN, cfoTeam, move, ok, setApprovalChain } from './fixtures';
import { newVersion } from '../model/sample-version';
import { ENGINES, moveProposal, postProposal, postVersion, snapshot, useTestServer, type Json } from './helpers';

jest.setTimeout(300_000);

describe.each(ENGINES)('probes: tenth pass (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'prbtenth' });
  const t: Record<string, string> = {};
  beforeAll(async () => {
    Object.assign(t, await cfoTeam(server));
    // The accounts moved from; each test moves into accounts of its own (7…), so tests relate no lines.
    const accounts = ['6300', '6400', '6500', '9300', '9400', '9500'];
    const lines = accounts.flatMap((account) =>
      ['2026-03', '2026-04'].map((period) => ({ account, period, amount: 100_000 })),
    );
    ok(await postVersion(server, t.root, newVersion('v1', lines)), 'baseline CC1');
    ok(await postVersion(server, t.root, { ...newVersion('v1', lines), costCentre: 'CC2' }), 'baseline CC2');
  });
  const submitted = async (token: string, lines: object[]): Promise<Json> => {
    const draft = ok(await postProposal(server, token, { fiscalYear: 2026, reason: 'move', lines }), 'propose');
    return ok(await moveProposal(server, token, draft, 'submit'), 'submit');
  };

  /** How many `flag.raised` events `costCentre` has announced. */
  const announced = async (costCentre: string): Promise<number> =>
    (
      await server
        .owner()
        .query<{ n: number }>(
          "SELECT count(*)::int AS n FROM outbox_events WHERE kind = 'flag.raised' AND cost_centres = ARRAY[$1]::text[]",
          [costCentre],
        )
    ).rows[0].n;
  let flagNo = 0;
  const report = async (token: string, costCentre: string, severities: number[], ids?: string[]) => {
    const flags = severities.map((severity, i) => ({
      flagId: ids?.[i] ?? `flag:F${(flagNo += 1)}@1`,
      kind: 'overspend',
      severity,
      amount: 1000,
    }));
    const r = await server.as(token, { method: 'POST', url: '/api/flags', payload: { costCentre, flags } });
    expect(r.statusCode).toBe(201);
  };

  test('D1: an account claiming a colleague’s email cannot spend the colleague’s share of the flag window (found: after the first fix, it could)', async () => {
    // The first fix of D1 keyed a share by the token's email, so a second account of one mailbox did
    // not get a share of its own; but an account whose provider lets it claim any address then spent
    // a colleague's share and escalations, and held back every flag the colleague reported.
    const share = server.config.flagAnnouncedPerWindow;
    const pat = await server.token('pat', 'analyst', ['CC5'], { email: 'pat@corp.example' });
    const claimer = await server.token('pat-too', 'analyst', ['CC5'], { email: 'PAT@corp.example' });
    for (let i = 0; i < share; i += 1) await report(claimer, 'CC5', [0.76]);
    for (const severity of [0.8, 0.85, 0.9, 0.95, 1]) await report(claimer, 'CC5', [severity]);
    expect(await announced('CC5')).toBe(share + 5);
    // Pat's own flags go out at once: the claimer's reports spent only the claimer's share.
    await report(pat, 'CC5', [0.76, 0.76]);
    expect(await announced('CC5')).toBe(share + 7);
    // Each account is its own share, so one person's accounts are bounded by what the directory gives.
    await report(claimer, 'CC5', [0.76, 1]);
    expect(await announced('CC5')).toBe(share + 7);
  });

  test('D2: rotating flag ids gives no more than the bounded escalations (held)', async () => {
    const share = server.config.flagAnnouncedPerWindow;
    const wes = await server.token('wes', 'analyst', ['CC6']);
    for (let i = 0; i < share; i += 1) await report(wes, 'CC6', [0.76]);
    // Each report a new id, each more severe than the last: at most five go out.
    for (let i = 1; i <= 20; i += 1) await report(wes, 'CC6', [0.76 + i * 0.01]);
    expect(await announced('CC6')).toBe(share + 5);
    // The same ids re-reported low, then high again (raised anew): held.
    const ids = Array.from({ length: 5 }, (_, i) => `flag:ROT${i}@1`);
    await report(wes, 'CC6', [0.1, 0.1, 0.1, 0.1, 0.1], ids);
    for (let round = 0; round < 3; round += 1) {
      await report(wes, 'CC6', [1, 1, 1, 1, 1], ids);
      await report(wes, 'CC6', [0.1, 0.1, 0.1, 0.1, 0.1], ids);
    }
    expect(await announced('CC6')).toBe(share + 5);
  });

  test('D3: a colleague’s line kept as it is raises no SPLIT_BY_OTHERS notice (found: a notice of 60,010)', async () => {
    const mallory = await server.token('mallory', 'analyst', ['CC1', 'CC2'], { email: 'mallory@corp.example' });
    // 60,000 moved in CC2, and CC1's 6300 named with its amount kept: it moves nothing of 6300.
    await submitted(mallory, [
      ...move('CC2', '9300', '7930', '2026-03', 60_000),
      { costCentre: 'CC1', account: '6300', period: '2026-03', before: 100_000, after: 100_000 },
    ]);
    const small = await submitted(t.alice, move('CC1', '6300', '7630', '2026-04', 10));
    const approved = ok(await moveProposal(server, t.bob, small, 'approve'), 'approve');
    expect([approved.state, approved.warnings]).toEqual(['approved', undefined]);
    // A colleague who does move the line is still told of (held: the notice stands for real moves).
    await submitted(mallory, move('CC1', '6400', '7640', '2026-03', 49_999));
    const half = await submitted(t.alice, move('CC1', '6400', '7641', '2026-04', 49_999));
    const told = ok(await moveProposal(server, t.bob, half, 'approve'), 'approve');
    expect(told.warnings).toEqual([
      expect.objectContaining({ code: 'SPLIT_BY_OTHERS', count: 1, amountTogether: 99_998 }),
    ]);
  });

  test('D4: another person’s later move of the same line does not hold a colleague’s approved proposal (held)', async () => {
    const dan = await server.token('dan', 'analyst', ['CC1'], { email: 'dan@corp.example' });
    const first = await submitted(t.alice, move('CC1', '6500', '7650', '2026-03', 49_999));
    const approved = ok(await moveProposal(server, t.bob, first, 'approve'), 'approve');
    expect(approved.state).toBe('approved');
    const later = await submitted(dan, move('CC1', '6500', '7651', '2026-04', 49_999));
    expect((later.chain as Json[]).map((s) => s.name)).toEqual(['Cost-centre approver']);
    const applied = ok(await moveProposal(server, t.owner, approved, 'apply'), 'apply');
    expect(applied.state).toBe('applied');
  });

  test('D5: a review’s severity and amount out of range, of another type or another cost centre: 400/404, nothing stored (held)', async () => {
    const before = await snapshot(server.db);
    const raw = (text: string, token = t.alice) =>
      server.as(token, {
        method: 'POST',
        url: '/api/reviews',
        payload: text,
        headers: { 'content-type': 'application/json' },
      });
    const body = (extra: string, costCentre = 'CC1') =>
      `{"costCentre":"${costCentre}","flagId":"flag:6300@3","decision":"dismissed","comment":"timing"${extra}}`;
    const refusals: string[] = [];
    for (const extra of [
      ',"severity":1e309',
      ',"severity":-1e309',
      ',"severity":1.0000000000000002',
      ',"severity":-0.0000001',
      ',"severity":"0.5"',
      ',"severity":null',
      ',"severity":true',
      ',"severity":[0.5]',
      ',"amount":1e309',
      ',"amount":1000000000000001',
      ',"amount":-1000000000000001',
      ',"amount":"12"',
    ]) {
      const r = await raw(body(extra));
      refusals.push(`${extra} ${r.statusCode}`);
    }
    expect(refusals.every((line) => line.endsWith(' 400'))).toBe(true);
    const reviewer = await server.token('rita', 'approver', ['CC1']);
    const other = await raw(body(',"severity":1,"amount":1e15', 'CC2'), reviewer);
    expect([403, 404]).toContain(other.statusCode);
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('D6: a record larger than the 1 MiB page is a page of its own, walked once (held)', async () => {
    const dba = server.owner();
    const put = (size: number) =>
      dba.query(
        `INSERT INTO audit_log (actor, role, action, entity, entity_id, cost_centre, after)
         VALUES ('dba', 'admin', 'test.big', 'test', $1, 'CC11', jsonb_build_object('pad', repeat('x', $2::int)))`,
        [`big-${size}`, size],
      );
    await put(10);
    await put(3 * 1024 * 1024);
    await put(20);
    const ids: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const r = await server.as(t.root, {
        method: 'GET',
        url: `/api/audit?costCentre=CC11&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(r.statusCode).toBe(200);
      const records = r.json() as Json[];
      expect(records.length).toBeGreaterThan(0);
      ids.push(...records.map((x) => String(x.entityId)));
      cursor = r.headers['x-next-cursor'];
      pages += 1;
    } while (cursor && pages < 10);
    expect(ids).toEqual(['big-20', `big-${3 * 1024 * 1024}`, 'big-10']);
  });

  test('D7: the actuals currency lock: no lock by a refused batch, by another spelling or across cost centres (held)', async () => {
    const importer = await server.token('ivy', 'analyst', ['CC12']);
    const csv = (costCentre: string, batchId: string, rows: string, token = importer) =>
      server.as(token, {
        method: 'POST',
        url: `/api/actuals/imports?batchId=${batchId}&costCentre=${costCentre}`,
        payload: `account,period,amount,currency\n${rows}`,
        headers: { 'content-type': 'text/csv' },
      });
    // A batch refused for another row stores nothing, so locks nothing.
    expect((await csv('CC12', 'bad', '6100,2026-01,5,JPY\n6100,2026-13,5,JPY\n')).statusCode).toBe(422);
    expect((await csv('CC12', 'jan', '6100,2026-01,5,EUR\n')).statusCode).toBe(201);
    // Another spelling of a code is no second currency: refused as a code.
    for (const code of ['eur', 'jpy', ' JPY', 'EURO', 'E€R'])
      expect([
        code,
        (await csv('CC12', `b${code.length}${code.charCodeAt(0)}`, `6100,2026-02,5,${code}\n`)).statusCode,
      ]).toEqual([code, 422]);
    // An importer of CC12 cannot lock CC13.
    expect((await csv('CC13', 'x', '6100,2026-01,5,JPY\n')).statusCode).toBe(403);
    const other = await server.token('otto', 'analyst', ['CC13']);
    expect((await csv('CC13', 'y', '6100,2026-01,5,USD\n', other)).statusCode).toBe(201);
  });

  test('D8: the SPLIT_BY_OTHERS notice counts only proposals its approver may read (held)', async () => {
    // The others counted each move a line of the proposal, so of a cost centre the approver holds:
    // the approver of CC1 reads each of them whole.
    const erin = await server.token('erin', 'analyst', ['CC1', 'CC2'], { email: 'erin@corp.example' });
    const others = await submitted(erin, [
      ...move('CC2', '9400', '7940', '2026-03', 30_000),
      ...move('CC1', '9300', '7830', '2026-03', 30_000),
    ]);
    const mine = await submitted(t.alice, move('CC1', '9300', '7831', '2026-04', 25_000));
    const told = ok(await moveProposal(server, t.bob, mine, 'approve'), 'approve');
    expect(told.warnings).toEqual([expect.objectContaining({ code: 'SPLIT_BY_OTHERS', count: 1 })]);
    expect((await server.as(t.bob, { method: 'GET', url: `/api/proposals/${String(others.id)}` })).statusCode).toBe(
      200,
    );
  });

  test('hardening: a chain’s reminders are at least an hour apart; a chain stored with less reminds hourly', async () => {
    const chain = async () => server.as(t.root, { method: 'GET', url: '/api/approval-chain' });
    const put = async (reminderHours: number) =>
      server.as(t.root, {
        method: 'PUT',
        url: '/api/approval-chain',
        payload: { steps: [{ ...CFO_CHAIN[0], reminderHours }, CFO_CHAIN[1]] },
        headers: { 'if-match': String((await chain()).headers.etag) },
      });
    for (const hours of [1e-9, 0.5, 0.999]) expect([hours, (await put(hours)).statusCode]).toEqual([hours, 400]);
    expect((await put(1)).statusCode).toBe(200);
    // A chain stored before the floor, with a fraction of a second: still read and used.
    await server.owner().query(`UPDATE approval_chains SET steps = jsonb_set(steps, '{0,reminderHours}', '0.0000001')`);
    expect((await chain()).json().steps[0].reminderHours).toBe(0.0000001);
    const waiting = await submitted(t.alice, move('CC1', '9500', '7950', '2026-03', 5));
    const next = async () =>
      (
        await server.owner().query<{ ahead: boolean }>(
          `SELECT next_reminder_at > now() + interval '59 minutes' AS ahead FROM proposal_steps
             WHERE proposal_id = $1 AND step_no = 1`,
          [waiting.id],
        )
      ).rows[0].ahead;
    expect(await next()).toBe(true);
    await server
      .owner()
      .query("UPDATE proposal_steps SET next_reminder_at = now() - interval '1 minute' WHERE proposal_id = $1", [
        waiting.id,
      ]);
    expect(await announceSteps(server.db)).toBeGreaterThan(0);
    expect(await next()).toBe(true);
    await setApprovalChain(server, t.root, CFO_CHAIN);
  });

  test('hardening: the audit log’s cost-centre filter reads migration 17’s indexes, not every proposal record', async () => {
    const dba = server.owner();
    // A log of 3,000 proposal records of other cost centres and 3,000 of others' own.
    await dba.query(
      `INSERT INTO audit_log (actor, role, action, entity, entity_id, cost_centre, before, after)
       SELECT 'dba', 'admin', 'proposal.update', 'proposal', 'p' || i, 'CCX' || (i % 50),
              jsonb_build_object('costCentres', jsonb_build_array('CCX' || (i % 50))),
              jsonb_build_object('costCentres', jsonb_build_array('CCX' || (i % 50), 'CCY' || (i % 70)))
       FROM generate_series(1, 3000) AS i`,
    );
    await dba.query(
      `INSERT INTO audit_log (actor, role, action, entity, entity_id, cost_centre, after)
       SELECT 'dba', 'admin', 'model.update', 'model', 'm' || i, 'CCX' || (i % 50), '{}'::jsonb
       FROM generate_series(1, 3000) AS i`,
    );
    await dba.query('ANALYZE audit_log');
    const where = AUDIT_COST_CENTRE_FILTER.replaceAll('$', '$1');
    const plan = await dba.query<Record<string, unknown>>(
      `EXPLAIN SELECT id FROM audit_log WHERE ${where} ORDER BY id DESC LIMIT 101`,
      ['CCY7'],
    );
    const text = plan.rows.map((r) => String(Object.values(r)[0])).join('\n');
    // PostgreSQL's plan; PGlite (one process, for small installs) reads its statistics otherwise.
    if (engine !== 'pglite')
      for (const index of ['audit_log_after_cost_centres', 'audit_log_before_cost_centres', 'audit_log_cost_centre'])
        expect(text).toContain(`Bitmap Index Scan on ${index}`);
    // And the filter answers what it did (the records of proposals changing CCY7, newest first).
    const found = await dba.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE ${where}`, ['CCY7']);
    expect(found.rows[0].n).toBe(Math.floor((3000 - 7) / 70) + 1);
  });
});
