import { describeIfPg, moveProposal, postProposal, snapshot, useTestServer } from './helpers';

jest.setTimeout(120_000);

const hook = (costCentres?: string[]) => ({
  url: 'https://hooks.slack.com/services/T0/B0/secret-of-the-channel',
  format: 'slack',
  events: ['proposal.applied', 'approval.waiting'],
  ...(costCentres ? { costCentres } : {}),
});

/**
 * Authorisation across cost centres where a route names none in its URL: webhooks (an admin of CC1
 * read the Slack URL of CC2's webhook, pointed it at their own receiver, and subscribed to every cost
 * centre's proposals) and the approval chain (an admin of CC1 changed every cost centre's approvals),
 * and list filters that might widen a scope.
 */
describeIfPg('probes: cost-centre scope of webhooks, the approval chain and list filters', () => {
  const server = useTestServer({ prefix: 'prbscope' });

  test('an admin of some cost centres reaches only webhooks of those (found: every admin read and changed all)', async () => {
    const root = await server.token('root', 'admin', '*');
    const cc1Admin = await server.token('ada', 'admin', ['CC1']);
    const created = async (token: string, body: object) =>
      server.as(token, { method: 'POST', url: '/api/webhooks', payload: body });
    const ofCc2 = (await created(root, hook(['CC2']))).json();
    const ofAll = (await created(root, hook())).json();
    const ofBoth = (await created(root, hook(['CC1', 'CC2']))).json();
    const own = await created(cc1Admin, hook(['CC1']));
    expect(own.statusCode).toBe(201);

    // Listing shows only webhooks whose every cost centre the token holds; the root admin sees all.
    const listed = (await server.as(cc1Admin, { method: 'GET', url: '/api/webhooks' })).json() as { id: string }[];
    expect(listed.map((w) => w.id)).toEqual([own.json().id]);
    const all = (await server.as(root, { method: 'GET', url: '/api/webhooks' })).json() as { id: string }[];
    expect(all.map((w) => w.id)).toEqual([ofCc2.id, ofAll.id, ofBoth.id, own.json().id]);

    // Creating, changing or reading deliveries beyond the token's cost centres: 403, nothing written
    // (404 for a webhook of none of the token's cost centres, as for an id that names nothing).
    const before = await snapshot(server.db);
    const reach = (w: { id: string; version: number }) =>
      Promise.all([
        server.as(cc1Admin, {
          method: 'PATCH',
          url: `/api/webhooks/${w.id}`,
          payload: { url: 'https://attacker.example/hook' },
          headers: { 'if-match': `"${w.version}"` },
        }),
        server.as(cc1Admin, { method: 'GET', url: `/api/webhooks/${w.id}/deliveries` }),
      ]);
    for (const response of [...(await reach(ofCc2)), ...(await reach(ofAll))]) {
      expect([response.statusCode, response.json().error.code]).toEqual([404, 'SERVER_NOT_FOUND']);
      expect(response.body).not.toContain('secret-of-the-channel');
    }
    const refused = [
      await created(cc1Admin, hook()),
      await created(cc1Admin, hook(['CC2'])),
      await created(cc1Admin, hook(['CC1', 'CC2'])),
      ...(await reach(ofBoth)),
      // Widening its own webhook to another cost centre.
      await server.as(cc1Admin, {
        method: 'PATCH',
        url: `/api/webhooks/${own.json().id}`,
        payload: { costCentres: ['CC1', 'CC2'] },
        headers: { 'if-match': '"1"' },
      }),
    ];
    for (const response of refused) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('SERVER_FORBIDDEN_COST_CENTRE');
      expect(response.body).not.toContain('secret-of-the-channel');
    }
    expect(await snapshot(server.db)).toEqual(before);

    // An empty list is refused (it named no cost centre, so any admin could take the webhook over);
    // one stored before counts as every cost centre's.
    expect((await created(root, hook([]))).statusCode).toBe(400);
    const legacy = await server.db.query<{ id: string }>(
      `INSERT INTO webhooks (url, format, events, cost_centres, created_by, updated_by)
       VALUES ('https://hooks.example/old', 'slack', ARRAY['proposal.applied'], '{}', 'old', 'old') RETURNING id`,
    );
    const takeOver = await server.as(cc1Admin, {
      method: 'PATCH',
      url: `/api/webhooks/${legacy.rows[0].id}`,
      payload: { costCentres: ['CC1'] },
      headers: { 'if-match': '"1"' },
    });
    expect(takeOver.statusCode).toBe(404);
    const seen = (await server.as(cc1Admin, { method: 'GET', url: '/api/webhooks' })).json() as { id: string }[];
    expect(seen.map((w) => w.id)).not.toContain(legacy.rows[0].id);

    // Its own webhook it changes and reads.
    const paused = await server.as(cc1Admin, {
      method: 'PATCH',
      url: `/api/webhooks/${own.json().id}`,
      payload: { active: false },
      headers: { 'if-match': '"1"' },
    });
    expect(paused.statusCode).toBe(200);
    expect(
      (await server.as(cc1Admin, { method: 'GET', url: `/api/webhooks/${own.json().id}/deliveries` })).statusCode,
    ).toBe(200);
  });

  test('the approval chain is every cost centre’s: an admin of some may read it, not change it (found: any admin did)', async () => {
    const cc1Admin = await server.token('ada', 'admin', ['CC1']);
    const root = await server.token('root', 'admin', '*');
    const chain = await server.as(cc1Admin, { method: 'GET', url: '/api/approval-chain' });
    expect(chain.statusCode).toBe(200);
    const weaker = { steps: [{ name: 'Rubber stamp', role: 'approver', costCentre: 'affected', deadlineHours: 1 }] };
    const replace = (token: string) =>
      server.as(token, {
        method: 'PUT',
        url: '/api/approval-chain',
        payload: weaker,
        headers: { 'if-match': chain.headers.etag },
      });
    const before = await snapshot(server.db);
    const put = await replace(cc1Admin);
    expect(put.statusCode).toBe(403);
    expect(put.json().error).toEqual({
      code: 'SERVER_FORBIDDEN_COST_CENTRE',
      message: 'This concerns every cost centre, and your token covers only some of them.',
    });
    expect(await snapshot(server.db)).toEqual(before);
    expect((await replace(root)).statusCode).toBe(200);
  });

  test('an auditor of a cost centre sees every proposal that changed it, whatever centre it is filed under (found: none)', async () => {
    const owner = await server.token('bo', ['budget_owner', 'analyst'], ['A1', 'A2']);
    const approver = await server.token('ap', 'approver', ['A1', 'A2']);
    let p = (
      await postProposal(server, owner, {
        costCentre: 'A1',
        fiscalYear: 2026,
        reason: 'move to A2',
        lines: [
          { costCentre: 'A1', account: '6100', period: '2026-03', before: 0, after: -100 },
          { costCentre: 'A2', account: '6200', period: '2026-03', before: 0, after: 100 },
        ],
      })
    ).json();
    for (const [token, verb] of [
      [owner, 'submit'],
      [approver, 'approve'],
      [owner, 'apply'],
    ])
      p = (await moveProposal(server, token, p, verb)).json();
    expect(p.state).toBe('applied');
    const actions = async (cc: string) => {
      const auditor = await server.token(`aud-${cc}`, 'controller', [cc]);
      const log = await server.as(auditor, { method: 'GET', url: `/api/audit?costCentre=${cc}&entityId=${p.id}` });
      return (log.json() as { action: string }[]).map((e) => e.action).reverse();
    };
    const all = ['proposal.create', 'proposal.submit', 'proposal.approve', 'proposal.apply'];
    expect(await actions('A1')).toEqual(all);
    expect(await actions('A2')).toEqual(all);
    expect(await actions('A3')).toEqual([]);
  });

  test('list filters do not widen a scope: repeated, bracketed, empty, wildcard and LIKE-pattern values', async () => {
    const viewer = await server.token('vic', 'viewer', ['CC1']);
    const auditor = await server.token('aud', 'approver', ['CC1']);
    const lists = ['/api/models', '/api/versions', '/api/proposals', '/api/reviews', '/api/flags', '/api/kpis'];
    const widening = [
      'costCentre=CC1&costCentre=CC2',
      'costCentre=CC2&costCentre=CC1',
      'costCentre[]=CC2',
      'costCentre[0]=CC2',
      'costCentre=*',
      'costCentre=',
      'costCentre=CC%25',
      'costCentre=CC_',
      'costCentre=CC1%00',
      'costCentre=CC1,CC2',
      'costCentre=%20CC2',
      'costcentre=CC2',
      '',
    ];
    for (const list of lists) {
      for (const query of widening) {
        // 400 (not a cost centre), or 403 for a valid name that is not the token's (CC_ is one: no LIKE anywhere).
        const response = await server.as(viewer, { method: 'GET', url: `${list}?${query}` });
        const refused = response.statusCode === 400 || response.statusCode === 403;
        expect(`${list}?${query} → ${refused ? 'refused' : response.statusCode}`).toBe(`${list}?${query} → refused`);
      }
    }
    // The audit log: without a cost centre only a token of all may read; another centre is a 403.
    for (const query of [
      '',
      'costCentre=CC2',
      'costCentre=CC1&costCentre=CC2',
      'costCentre[]=CC1',
      'entity=approval_chain',
    ]) {
      const response = await server.as(auditor, { method: 'GET', url: `/api/audit?${query}` });
      expect([400, 403]).toContain(response.statusCode);
    }
  });
});
