import { gzipSync } from 'node:zlib';
import { deliverDue } from '../../server/notify/background';
import { CFO_CHAIN, move, ok, setApprovalChain } from './fixtures';
import {
  describeIfPg,
  ENGINES,
  moveProposal,
  postProposal,
  postVersion,
  snapshot,
  startTestServer,
  type Json,
  type TestServer,
} from './helpers';
import { startReceiver } from './receiver';

jest.setTimeout(300_000);

/**
 * Eighth attack pass (2026-12-07): attacks chosen before trying them (docs/server.md, "Eighth
 * pass"). Each test names what it found, or that it held.
 */
describe.each(ENGINES)('probes: eighth pass (%s)', (engine) => {
  let server: TestServer;
  const t: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer({ engine, prefix: 'prbeighth' });
    t.root = await server.token('root', 'admin', '*');
    t.alice = await server.token('alice', 'analyst', ['CC1'], { email: 'alice@corp.example' });
    t.bob = await server.token('bob', 'approver', ['CC1', 'CC2'], { email: 'bob@corp.example' });
    t.mallory = await server.token('mallory', ['analyst', 'approver'], ['CC2']);
    await setApprovalChain(server, t.root, CFO_CHAIN);
  });
  afterAll(() => server.close());

  const draft = async (author: string, lines: object[], year = 2026): Promise<Json> =>
    ok(await postProposal(server, author, { fiscalYear: year, reason: 'move', lines }), 'propose');
  const submitted = async (author: string, lines: object[], year = 2026): Promise<Json> =>
    ok(await moveProposal(server, author, await draft(author, lines, year), 'submit'), 'submit');
  const steps = (p: Json) => (p.chain as Json[]).map((s) => s.name as string);
  const read = async (p: Json): Promise<Json> =>
    ok(await server.as(t.root, { method: 'GET', url: `/api/proposals/${String(p.id)}` }), 'read');

  test('a split whose parts add up to the CFO’s minimum to the cent reaches the CFO (found: the sum drifted under it)', async () => {
    // 10,000 + 15,000.13 + 24,999.87 = 50,000.00; added up in binary floating point, last first:
    // 49,999.99999999999, and the third part went through the cost-centre approver alone.
    expect(steps(await submitted(t.alice, move('CC1', '5100', '5200', '2026-03', 10_000)))).toEqual([
      'Cost-centre approver',
    ]);
    await submitted(t.alice, move('CC1', '5100', '5300', '2026-04', 15_000.13));
    const last = await submitted(t.alice, move('CC1', '5100', '5400', '2026-05', 24_999.87));
    expect(steps(last)).toEqual(['Cost-centre approver', 'CFO']);
    expect(last.chain[1].addedFor).toMatchObject({ amount: 24_999.87, amountTogether: 50_000 });
  });

  test('a split over one account spelled in two cases reaches the CFO (found: TRAVEL and travel were two lines)', async () => {
    // One row of the workbook (Excel's lookups and pivot tables ignore case), two lines to the rule.
    await submitted(t.alice, move('CC1', 'TRAVEL', 'ADS', '2026-03', 30_000));
    const other = await submitted(t.alice, move('CC1', 'travel', 'events', '2026-04', 30_000));
    expect(steps(other)).toEqual(['Cost-centre approver', 'CFO']);
    expect(other.chain[1].addedFor).toMatchObject({ amountTogether: 60_000 });
    // Another account is still another line.
    expect(steps(await submitted(t.alice, move('CC1', 'travel2', 'meals', '2026-04', 30_000)))).toEqual([
      'Cost-centre approver',
    ]);
  });

  test('“before” amounts off by under half a cent cannot move more than was approved (found: 50,000 moved on a 49,999.9951 chain)', async () => {
    const nora = await server.token('nora', ['analyst', 'budget_owner'], ['CC3']);
    const amy = await server.token('amy', 'approver', ['CC3']);
    const budget = [
      { account: '6100', period: '2026-06', amount: 100_000 },
      { account: '6200', period: '2026-06', amount: 0 },
      { account: '6300', period: '2026-06', amount: 5_000 },
      { account: '6500', period: '2026-06', amount: 833.3333 },
      { account: '6600', period: '2026-06', amount: 166.6667 },
    ];
    ok(
      await postVersion(server, t.root, {
        costCentre: 'CC3',
        fiscalYear: 2026,
        kind: 'budget',
        name: 'v1',
        lines: budget,
      }),
      'v1',
    );
    // Each before within the half cent apply tolerates: the lines say 49,999.9951 moves, the budget
    // would move 50,000.00, and the CFO decides from 50,000.
    const line = (account: string, before: number, after: number) => ({
      costCentre: 'CC3',
      account,
      period: '2026-06',
      before,
      after,
    });
    const p = await submitted(nora, [line('6100', 99_999.9951, 50_000), line('6200', 0.0049, 50_000)]);
    expect([p.amount, steps(p)]).toEqual([49_999.9951, ['Cost-centre approver']]);
    const approved = ok(await moveProposal(server, amy, p, 'approve'), 'approve');
    const before = await snapshot(server.db);
    const r = await moveProposal(server, nora, approved, 'apply');
    expect([r.statusCode, r.json().error?.code]).toEqual([409, 'SERVER_BUDGET_CHANGED']);
    expect(r.json().error.details).toMatchObject({ approved: 49_999.9951, moved: 50_000 });
    expect(await snapshot(server.db)).toEqual(before);
    // Float noise in a before is no such move: applied.
    const noisy = await submitted(nora, [line('6300', 5_000.000000001, 4_000), line('6400', 1e-12, 1_000)]);
    const fine = ok(await moveProposal(server, amy, noisy, 'approve'), 'approve');
    expect((await moveProposal(server, nora, fine, 'apply')).statusCode).toBe(200);
    // Nor is a pane's rounding to cents far from any step (100 approved, 100.0033 moved).
    const cents = await submitted(nora, [line('6500', 833.33, 733.33), line('6600', 166.67, 266.67)]);
    const centsApproved = ok(await moveProposal(server, amy, cents, 'approve'), 'approve');
    expect((await moveProposal(server, nora, centsApproved, 'apply')).statusCode).toBe(200);
  });

  test('a webhook of one cost centre is not told of related proposals of another (found: proposal.applied named them)', async () => {
    const receiver = await startReceiver();
    try {
      const wade = await server.token('wade', 'admin', ['CCB']);
      ok(
        await server.as(wade, {
          method: 'POST',
          url: '/api/webhooks',
          payload: { url: receiver.url, format: 'generic', events: ['proposal.applied'], costCentres: ['CCB'] },
        }),
        'webhook',
      );
      const ada = await server.token('ada', ['analyst', 'budget_owner'], ['CCA', 'CCB']);
      const abe = await server.token('abe', 'approver', ['CCA', 'CCB']);
      const cfo = await server.token('cleo', 'cfo', '*');
      for (const costCentre of ['CCA', 'CCB'])
        ok(
          await postVersion(server, t.root, {
            costCentre,
            fiscalYear: 2026,
            kind: 'budget',
            name: 'v1',
            lines: [{ account: '6100', period: '2026-04', amount: 100_000 }],
          }),
          'v1',
        );
      // Of CCA only, and on CCA's line 6100: the CFO step of the next one is there for it.
      const related = await submitted(ada, move('CCA', '6100', '6200', '2026-03', 30_000));
      let p = await submitted(ada, [
        ...move('CCA', '6100', '6300', '2026-04', 15_000),
        ...move('CCB', '6100', '6300', '2026-04', 15_000),
      ]);
      expect(steps(p)).toEqual(['Cost-centre approver', 'CFO']);
      p = ok(await moveProposal(server, abe, p, 'approve'), 'approve');
      p = ok(await moveProposal(server, cfo, p, 'approve'), 'cfo');
      ok(await moveProposal(server, ada, p, 'apply'), 'apply');
      while ((await deliverDue(server.db, server.config, 'eighth')) > 0);
      expect(receiver.received).toHaveLength(1);
      const sent = JSON.parse(receiver.received[0].body) as Json;
      expect(sent.type).toBe('proposal.applied');
      const cfoStep = (sent.data.proposal.chain as Json[]).find((s) => s.name === 'CFO') as Json;
      expect(cfoStep.addedFor).toMatchObject({ amountTogether: 60_000, together: [], hidden: 1 });
      expect(receiver.received[0].body).not.toContain(String(related.id));
    } finally {
      await receiver.close();
    }
  });

  test('retries of a webhook paused, or narrowed and pointed elsewhere, are not sent (found: they went on)', async () => {
    const [first, second, third] = [await startReceiver(() => 500), await startReceiver(), await startReceiver()];
    try {
      const pia = await server.token('pia', 'analyst', ['CC5', 'CC6']);
      const cora = await server.token('cora', 'admin', ['CC5']);
      const hook = async (url: string) =>
        ok(
          await server.as(t.root, {
            method: 'POST',
            url: '/api/webhooks',
            payload: { url, format: 'generic', events: ['approval.waiting'], costCentres: ['CC5', 'CC6'] },
          }),
          'webhook',
        );
      const patch = async (token: string, w: Json, change: object): Promise<Json> =>
        ok(
          await server.as(token, {
            method: 'PATCH',
            url: `/api/webhooks/${String(w.id)}`,
            payload: change,
            headers: { 'if-match': `"${String(w.version)}"` },
          }),
          'patch',
        );
      let paused = await hook(first.url);
      let narrowed = await hook(first.url);
      await submitted(pia, move('CC5', '6100', '6200', '2026-03', 10));
      await submitted(pia, move('CC6', '6100', '6200', '2026-03', 10));
      const retryNow = () =>
        server.db.query("UPDATE webhook_deliveries SET next_attempt_at = now() WHERE state = 'pending'");
      const deliverAll = async () => {
        await retryNow();
        while ((await deliverDue(server.db, server.config, 'eighth')) > 0) await retryNow();
      };
      // Both webhooks' first attempts fail (4 requests): four deliveries wait for a retry.
      expect(await deliverDue(server.db, server.config, 'eighth')).toBe(4);
      expect(first.received).toHaveLength(4);
      // One is paused; the other narrowed to CC5 by an admin of both, then pointed at her own
      // receiver by an admin of CC5 only (the webhook is now CC5's).
      paused = await patch(t.root, paused, { active: false });
      narrowed = await patch(t.root, narrowed, { costCentres: ['CC5'] });
      narrowed = await patch(cora, narrowed, { url: third.url });
      first.behaviour = () => 200;
      await deliverAll();
      expect(first.received).toHaveLength(4);
      expect(third.received.map((r) => (JSON.parse(r.body) as Json).data.proposal.costCentres)).toEqual([['CC5']]);
      const dead = await server.db.query<{ last_error: string }>(
        "SELECT last_error FROM webhook_deliveries WHERE webhook_id = $1 AND state = 'dead'",
        [narrowed.id],
      );
      expect(dead.rows).toEqual([{ last_error: expect.stringContaining('no longer') }]);
      // Resumed, the paused one sends what waited.
      await patch(t.root, paused, { active: true, url: second.url });
      await deliverAll();
      expect(second.received).toHaveLength(2);
    } finally {
      await Promise.all([first, second, third].map((r) => r.close()));
    }
  });

  test('a line whose month is outside the proposal’s fiscal year is refused (found: 2031-01 went into the 2026 budget)', async () => {
    const before = await snapshot(server.db);
    for (const period of ['2031-01', '2024-12', '2028-01', '9999-12']) {
      const r = await postProposal(server, t.alice, {
        fiscalYear: 2026,
        reason: 'phantom month',
        lines: move('CC1', '6100', '6200', period, 1_000),
      });
      expect([period, r.statusCode, r.json().error?.code]).toEqual([period, 400, 'SERVER_BAD_REQUEST']);
      expect(r.json().error.message).toContain('no month of fiscal year 2026');
    }
    expect(await snapshot(server.db)).toEqual(before);
    // Fiscal years that start in the year before (2025-07 to 2026-06) or end in the next (2026-04 to
    // 2027-03) are fine.
    for (const period of ['2025-07', '2027-03']) {
      const r = await postProposal(server, t.alice, {
        fiscalYear: 2026,
        lines: move('CC1', '6100', '6200', period, 1_000),
      });
      expect([period, r.statusCode]).toEqual([period, 201]);
    }
    // An edit cannot move the lines or the year apart either.
    const p = await draft(t.alice, move('CC1', '6100', '6200', '2026-03', 1_000));
    for (const change of [{ fiscalYear: 2030 }, { lines: move('CC1', '6100', '6200', '2031-03', 1_000) }]) {
      const r = await server.as(t.alice, {
        method: 'PATCH',
        url: `/api/proposals/${String(p.id)}`,
        payload: change,
        headers: { 'if-match': '"1"' },
      });
      expect(r.statusCode).toBe(400);
    }
    expect(await read(p)).toMatchObject({ version: 1, fiscalYear: 2026 });
  });

  test('an approver whose email only looks like the author’s is refused (found: a dot above i, Armenian o, 。)', async () => {
    const forms = [
      'ali\u0307ce@corp.example', // i and a combining dot above
      'al\u0130ce@corp.example', // a capital dotted I
      '\u0251lice@corp.example', // Latin alpha
      'ali\u03f2e@corp.example', // Greek lunate sigma
      'alice@c\u0585rp.example', // Armenian o
      'alice@corp\u3002example', // ideographic full stop
    ];
    for (const [i, email] of forms.entries()) {
      const approver = await server.token(`lookalike-${i}`, 'approver', ['CC1'], { email });
      const p = await submitted(t.alice, move('CC1', '4100', '4200', '2026-02', 10));
      const r = await moveProposal(server, approver, p, 'approve');
      expect([email, r.statusCode, r.json().error?.code]).toEqual([email, 403, 'SERVER_FORBIDDEN_STEP']);
      // Nor does the inbox offer it.
      const inbox = ok(await server.as(approver, { method: 'GET', url: '/api/approvals' }), 'inbox') as Json[];
      expect(inbox.map((q) => q.id)).not.toContain(p.id);
    }
  });

  test('account ids that differ only in case or hidden characters, with the author’s email: refused (held)', async () => {
    for (const sub of ['Alice', 'alice ', 'ali\u200bce', '\uff41lice']) {
      const approver = await server.token(sub, 'approver', ['CC1'], { email: 'alice@corp.example' });
      const p = await submitted(t.alice, move('CC1', '4100', '4300', '2026-02', 10));
      expect((await moveProposal(server, approver, p, 'approve')).statusCode).toBe(403);
    }
  });

  test('content-type games on a JSON route: validated or refused, never written unchecked (held)', async () => {
    const before = await snapshot(server.db);
    // An unknown field: a body that reached the route unvalidated would be written without it.
    const body = JSON.stringify({
      fiscalYear: 2026,
      lines: move('CC1', '6100', '6200', '2026-03', 1),
      state: 'applied',
    });
    const answers: Record<string, number> = {};
    for (const type of [
      'application/json\t',
      'application/json\tx',
      'APPLICATION/JSON',
      ' application/json',
      'application/json;;',
      'application/json ; charset=utf-8',
      'application/json;charset="utf-8"',
      'application/json, text/plain',
      'application/jsonx',
      'application/json-patch+json',
      'application/merge-patch+json',
      'text/plain',
      'text/csv',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const r = await server.as(t.alice, {
        method: 'POST',
        url: '/api/proposals',
        payload: body,
        headers: { 'content-type': type },
      });
      answers[type] = r.statusCode;
      expect([type, r.statusCode, r.json().error?.code]).toEqual([
        type,
        r.statusCode === 400 ? 400 : 415,
        r.statusCode === 400 ? 'SERVER_INVALID_REQUEST' : 'SERVER_UNSUPPORTED_MEDIA_TYPE',
      ]);
    }
    // What JSON reads as JSON is validated: the unknown field is named.
    expect(answers['APPLICATION/JSON']).toBe(400);
    // A gzip body is not inflated (no compression is read), and a body with no content type is a 415.
    const gzipped = await fetch(`${server.url}/api/proposals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.alice}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)),
    });
    expect(gzipped.status).toBe(400);
    const untyped = await fetch(`${server.url}/api/proposals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.alice}` },
      body: new Blob([body]),
    });
    expect(untyped.status).toBe(415);
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('encoded slashes, traversal and path parameters in ids reach no other record or route (held)', async () => {
    const p = await draft(t.alice, move('CC1', '6100', '6200', '2026-03', 5));
    const id = String(p.id);
    const paths = [
      `/api/proposals/${id}%2Fsubmit`,
      `/api/proposals/${id}/..%2Fsubmit`,
      `/api/proposals/${id}%2F..%2F..%2Fwebhooks`,
      `/api/proposals/${id};x=1/submit`,
      `/api/proposals/${id}%00/submit`,
      `/api/proposals/${id}%20/submit`,
      `//api/proposals/${id}/submit`,
      `/api//proposals/${id}/submit`,
      `/api/proposals/${id}/submit/`,
      `/api/proposals/${id}/SUBMIT`,
      `/api/proposals/${id}/submit%2F`,
      `/api/proposals/${id}/submit%3Fx=1`,
    ];
    for (const path of paths) {
      const r = await server.as(t.alice, { method: 'POST', url: path, payload: {}, headers: { 'if-match': '"1"' } });
      expect([path, r.statusCode >= 400 && r.statusCode < 500]).toEqual([path, true]);
    }
    // Another cost centre's user, by every spelling that does reach the route: the unknown id's 404.
    for (const path of [`/api/proposals/${id.toUpperCase()}/submit`, `/api/proposals/${id}/%73ubmit`]) {
      const r = await server.as(t.mallory, { method: 'POST', url: path, payload: {}, headers: { 'if-match': '"1"' } });
      expect([path, r.statusCode, r.json().error.code]).toEqual([path, 404, 'SERVER_NOT_FOUND']);
    }
    expect(await read(p)).toMatchObject({ state: 'draft', version: 1 });
  });

  test('a webhook secret is never echoed: refused, answered, audited (held)', async () => {
    const secrets = [
      'short-secret-1',
      `with\r\nnewline-${'s'.repeat(20)}`,
      `x${'k'.repeat(300)}`,
      'white space secret 123',
    ];
    for (const secret of secrets) {
      const r = await server.as(t.root, {
        method: 'POST',
        url: '/api/webhooks',
        payload: { url: 'https://hooks.example.com/x', format: 'generic', events: ['proposal.applied'], secret },
      });
      expect(r.statusCode).toBe(400);
      expect(r.body).not.toContain(secret.slice(0, 12));
    }
    const secret = 'Sup3r-Secret-Value-0123456789';
    const made = ok(
      await server.as(t.root, {
        method: 'POST',
        url: '/api/webhooks',
        payload: { url: 'https://hooks.example.com/y', format: 'generic', events: ['proposal.applied'], secret },
      }),
      'webhook',
    );
    const changed = await server.as(t.root, {
      method: 'PATCH',
      url: `/api/webhooks/${String(made.id)}`,
      payload: { secret: `${secret}-2` },
      headers: { 'if-match': `"${String(made.version)}"` },
    });
    const answers = [
      JSON.stringify(made),
      changed.body,
      (await server.as(t.root, { method: 'GET', url: '/api/webhooks' })).body,
      (await server.as(t.root, { method: 'GET', url: `/api/webhooks/${String(made.id)}/deliveries` })).body,
      (await server.as(t.root, { method: 'GET', url: '/api/audit?entity=webhook' })).body,
    ];
    expect(changed.statusCode).toBe(200);
    for (const answer of answers) expect(answer).not.toContain(secret);
  });

  test('actuals of a month far in the future or past move no budget version (held)', async () => {
    const versions = async () =>
      (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM version_lines')).rows[0].n;
    const lines = await versions();
    for (const period of ['9999-12', '1900-01', '2027-01']) {
      const r = await server.as(t.alice, {
        method: 'POST',
        url: `/api/actuals/imports?batchId=far-${period}&costCentre=CC1`,
        payload: `account,period,amount\n6100,${period},5\n`,
        headers: { 'content-type': 'text/csv' },
      });
      expect(r.statusCode).toBe(201);
    }
    expect(await versions()).toBe(lines);
  });

  test('roles and cost centres changed between submit and approve are read at the decision (held)', async () => {
    const p = await submitted(t.alice, move('CC1', '3100', '3200', '2026-02', 10));
    // The author, since given the approver role (and every cost centre): still an author.
    const promoted = await server.token('alice', ['analyst', 'approver'], '*', { email: 'alice@corp.example' });
    expect((await moveProposal(server, promoted, p, 'approve')).statusCode).toBe(403);
    // An approver whose token no longer holds CC1: the unknown id's 404.
    const moved = await server.token('bob', 'approver', ['CC2'], { email: 'bob@corp.example' });
    expect((await moveProposal(server, moved, p, 'approve')).statusCode).toBe(404);
    // And the approver of CC1 now only a viewer: 403.
    const demoted = await server.token('bob', 'viewer', ['CC1'], { email: 'bob@corp.example' });
    expect((await moveProposal(server, demoted, p, 'approve')).statusCode).toBe(403);
    expect(await read(p)).toMatchObject({ state: 'submitted', version: p.version });
  });
});

describeIfPg('probes: eighth pass, concurrency and locks (postgres)', () => {
  let server: TestServer;
  const t: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer({ prefix: 'prbeighthrace' });
    t.root = await server.token('root', 'admin', '*');
    t.ann = await server.token('ann', ['analyst', 'budget_owner'], ['R1']);
    t.ben = await server.token('ben', ['analyst', 'budget_owner'], ['R1']);
    t.amy = await server.token('amy', 'approver', ['R1']);
    t.mallory = await server.token('mallory', 'approver', ['R2']);
    await setApprovalChain(server, t.root, [CFO_CHAIN[0]]);
    ok(
      await postVersion(server, t.root, {
        costCentre: 'R1',
        fiscalYear: 2026,
        kind: 'budget',
        name: 'baseline',
        lines: ['6100', '6200', '7100', '7200'].map((account) => ({ account, period: '2026-03', amount: 1000 })),
      }),
      'baseline',
    );
  });
  afterAll(() => server.close());

  async function approved(who: string, from: string, to: string): Promise<Json> {
    const lines = [
      { costCentre: 'R1', account: from, period: '2026-03', before: 1000, after: 900 },
      { costCentre: 'R1', account: to, period: '2026-03', before: 1000, after: 1100 },
    ];
    const p = ok(await postProposal(server, who, { fiscalYear: 2026, reason: 'x', lines }), 'draft');
    const sent = ok(await moveProposal(server, who, p, 'submit'), 'submit');
    return ok(await moveProposal(server, t.amy, sent, 'approve'), 'approve');
  }

  test('two proposals on different lines of one budget applied at once: the later version holds both (held)', async () => {
    const both = [await approved(t.ann, '6100', '6200'), await approved(t.ben, '7100', '7200')];
    const applied = await Promise.all(both.map((p, i) => moveProposal(server, [t.ann, t.ben][i], p, 'apply')));
    expect(applied.map((r) => r.statusCode)).toEqual([200, 200]);
    const versions = ok(
      await server.as(t.root, { method: 'GET', url: '/api/versions?costCentre=R1&fiscalYear=2026' }),
      'list',
    ) as Json[];
    expect(versions.map((v) => v.number).sort()).toEqual([1, 2, 3]);
    const latest = versions.find((v) => v.number === 3)!;
    const full = ok(await server.as(t.root, { method: 'GET', url: `/api/versions/${String(latest.id)}` }), 'v3');
    expect(Object.fromEntries((full.lines as Json[]).map((l) => [l.account, l.amount]))).toEqual({
      '6100': 900,
      '6200': 1100,
      '7100': 900,
      '7200': 1100,
    });
  });

  test('another cost centre’s proposal locked by a decision in flight answers at once, as an unknown id (held)', async () => {
    const p = ok(
      await postProposal(server, t.ann, {
        fiscalYear: 2026,
        reason: 'x',
        lines: move('R1', '6100', '6200', '2026-04', 5),
      }),
      'draft',
    );
    const sent = ok(await moveProposal(server, t.ann, p, 'submit'), 'submit');
    const unknown = '00000000-0000-4000-8000-000000000000';
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // A decision in flight: the proposal's row locked until released.
    const holder = server.owner().transaction(async (tx) => {
      await tx.query('SELECT id FROM proposals WHERE id = $1 FOR UPDATE', [sent.id]);
      locked();
      await held;
    });
    try {
      await isLocked;
      const started = Date.now();
      const [other, none] = await Promise.all(
        [String(sent.id), unknown].map((id) =>
          moveProposal(server, t.mallory, { id, version: sent.version }, 'reject', { comment: 'no' }),
        ),
      );
      expect(Date.now() - started).toBeLessThan(3_000);
      expect([other.statusCode, other.body]).toEqual([404, none.body.replace(unknown, String(sent.id))]);
    } finally {
      release();
      await holder;
    }
  });

  test('audit verify windows crafted around a removed record show the break or claim no whole chain (held)', async () => {
    // The last test here: the chain stays broken.
    for (let i = 0; i < 8; i += 1)
      ok(
        await postVersion(server, t.root, {
          costCentre: 'R3',
          fiscalYear: 2026,
          kind: 'forecast',
          name: `F${i}`,
          lines: [{ account: '6100', period: '2026-03', amount: i }],
        }),
        'forecast',
      );
    const ids = (await server.db.query<{ id: string }>('SELECT id FROM audit_log ORDER BY id')).rows.map((r) =>
      Number(r.id),
    );
    expect(ids.length).toBeGreaterThan(8);
    const gone = ids[4];
    await server.owner().transaction(async (dba) => {
      await dba.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await dba.query('DELETE FROM audit_log WHERE id = $1', [gone]);
      await dba.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    });
    const verify = async (query: string): Promise<Json> =>
      ok(await server.as(t.root, { method: 'GET', url: `/api/audit/verify${query}` }), query);
    for (const query of ['', `?fromId=${gone}`, `?fromId=${ids[3]}`, `?fromId=${gone}&toId=${ids[5]}`])
      expect([query, (await verify(query)).firstBroken?.id]).toEqual([query, ids[5]]);
    // Windows that end before the break, start after it, or hold nothing say nothing of the rest.
    for (const query of [
      `?toId=${ids[3]}`,
      `?fromId=${ids[6]}`,
      `?fromId=${ids[6]}&toId=${ids[2]}`,
      `?fromId=${gone}&toId=${gone}`,
    ])
      expect([query, (await verify(query)).complete]).toEqual([query, false]);
    // One record at a time from the start: the walk stops at the break, never past it as whole.
    let query = '?limit=1';
    for (let i = 0; i < ids.length; i += 1) {
      const page = await verify(query);
      if (!page.ok) {
        expect(page.firstBroken.id).toBe(ids[5]);
        break;
      }
      expect(page.complete).toBe(false);
      query = `?fromId=${String(page.next)}&limit=1`;
    }
  });
});
