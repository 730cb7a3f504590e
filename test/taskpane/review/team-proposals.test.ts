/**
 * The Proposals view's team operations against the real server (PostgreSQL): alice's proposal goes
 * through a two-step chain with three connectors, the server's 403 reaches the pane as a message,
 * each user's list offers exactly the moves the server accepts, and a move made offline waits in
 * the queue and lands once the server is back.
 */
import 'fake-indexeddb/auto';
import { apiClient, type ApiClient } from '../../../src/connector/api-client';
import { createConnector } from '../../../src/connector/connector';
import { OfflineQueue } from '../../../src/connector/offline-queue';
import type { Role } from '../../../src/model/roles';
import { teamActions, type TeamProposal } from '../../../src/model/team-proposal';
import { listedCostCentres, loadTeamProposals, moveTeamProposal } from '../../../taskpane/review/team-proposals';
import { twoStepTeam } from '../../server/fixtures';
import { describeIfPg, useTestServer } from '../../server/helpers';

jest.setTimeout(120_000);

test('a token for every cost centre lists the scanned sheet’s; a token for some lists its own', () => {
  const all = { id: 'c', roles: ['controller'] as Role[], costCentres: '*' as const };
  expect(listedCostCentres(all, ['CC2', 'CC1', 'CC2', ''])).toEqual(['CC1', 'CC2']);
  expect(listedCostCentres({ ...all, costCentres: ['CC3'] }, ['CC1'])).toEqual(['CC3']);
  expect(listedCostCentres(all, [])).toEqual([]);
});

describeIfPg('team proposals through the connector', () => {
  const server = useTestServer({ prefix: 'team_proposals' });
  const queues: OfflineQueue[] = [];
  beforeAll(async () => twoStepTeam(server, await server.token('root', 'admin', '*')));
  afterAll(() => queues.forEach((q) => q.close()));

  /** One user's pane connector (own offline queue), signed in as `user`. */
  async function pane(user: string, roles: Role[], centres: string[] | '*', url = server.url) {
    const token = await server.token(user, roles, centres);
    const clock = { now: () => 1_000, jitter: () => 0 };
    const queue = await OfflineQueue.open(clock, `team-proposals-${user}-${queues.length}`);
    queues.push(queue);
    const connector = createConnector({ ...clock, queue });
    await connector.connect(url, async () => token);
    return { api: apiClient(connector), connector, token };
  }

  const draft = async (api: ApiClient) => {
    const made = await api.createProposal({
      fiscalYear: 2026,
      reason: 'Move travel to ads',
      lines: [
        { id: 'travel', costCentre: 'CC1', account: '6100', period: '2026-03', before: 5000, after: 2500 },
        { id: 'ads', costCentre: 'CC1', account: '6200', period: '2026-03', before: 1000, after: 3500 },
      ],
    });
    if (!made.sent) throw new Error('not sent');
    return made.body;
  };
  const sent = (outcome: { sent: boolean; body?: TeamProposal }): TeamProposal => {
    if (!outcome.sent || !outcome.body) throw new Error('the move was queued, not sent');
    return outcome.body;
  };

  test('submit, a refused self-approval with the server’s message, two approvals, apply', async () => {
    const alice = await pane('alice', ['analyst', 'budget_owner', 'approver'], ['CC1']);
    const bob = await pane('bob', ['approver'], ['CC1']);
    const carol = await pane('carol', ['controller'], '*');
    const drafted = await draft(alice.api);

    const mine = async (who: typeof alice, scanned: string[] = []) =>
      (await loadTeamProposals(who.api, who.connector.getState().user!, scanned)).find((p) => p.id === drafted.id);
    const aliceUser = alice.connector.getState().user!;
    expect(teamActions((await mine(alice))!, aliceUser)).toEqual(['submit']);
    let proposal = sent(await moveTeamProposal(alice.api, drafted, 'submit', ''));
    expect(proposal.chain.map((s) => s.state)).toEqual(['pending', 'waiting']);

    // Alice holds the approver role, yet is offered nothing and the server refuses her with 403.
    expect(teamActions((await mine(alice))!, aliceUser)).toEqual([]);
    const refused = await moveTeamProposal(alice.api, proposal, 'approve', '').catch((e: unknown) => e);
    // The server's 403, its own words: the pane shows this message as is.
    expect(refused).toMatchObject({
      code: 'CONNECTOR_FORBIDDEN',
      message:
        'You may not decide this step: alice wrote or submitted this proposal; separation of duties: another person approves it.',
      data: { status: 403, code: 'SERVER_FORBIDDEN_STEP' },
    });
    expect(alice.connector.getState()).toMatchObject({ queued: 0 });
    alice.connector.getState().failed.forEach((f) => void alice.connector.dismissFailed(f.seq));

    // Carol (token for every cost centre, nothing scanned) finds it through her inbox only at her step.
    expect(await mine(carol)).toBeUndefined();
    const bobs = (await mine(bob))!;
    expect(teamActions(bobs, bob.connector.getState().user!)).toEqual(['approve', 'reject']);
    proposal = sent(await moveTeamProposal(bob.api, bobs, 'approve', 'fine by me'));
    expect(teamActions((await mine(bob))!, bob.connector.getState().user!)).toEqual([]);
    const carols = (await mine(carol))!;
    expect(teamActions(carols, carol.connector.getState().user!)).toEqual(['approve', 'reject']);
    proposal = sent(await moveTeamProposal(carol.api, carols, 'approve', ''));
    expect(proposal.state).toBe('approved');
    // It left her inbox; what she moved stays in her list, and the sheet's cost centre lists it too.
    expect(await mine(carol)).toBeUndefined();
    const kept = await loadTeamProposals(carol.api, carol.connector.getState().user!, [], [drafted.id]);
    expect(kept.map((p) => `${p.id} ${p.state}`)).toEqual([`${drafted.id} approved`]);
    expect(await mine(carol, ['CC1'])).toMatchObject({ state: 'approved' });

    expect(teamActions((await mine(alice))!, aliceUser)).toEqual(['apply']);
    proposal = sent(await moveTeamProposal(alice.api, proposal, 'apply', ''));
    expect(proposal).toMatchObject({ state: 'applied', versions: [{ costCentre: 'CC1', action: 'apply' }] });
    expect(proposal.history.map((h) => `${h.action} ${h.who}`)).toEqual([
      'submit alice',
      'approve bob',
      'approve carol',
      'apply alice',
    ]);
  });

  test('offline, a move waits in the queue and lands when the server is back', async () => {
    const online = await pane('dora', ['analyst'], ['CC1']);
    const drafted = await draft(online.api);
    // The same user's pane while the server cannot be reached (nothing listens on port 9).
    const away = await pane('dora', ['analyst'], ['CC1'], 'http://127.0.0.1:9');
    expect(away.connector.getState().status).toBe('offline');
    const queued = await moveTeamProposal(away.api, drafted, 'submit', '');
    expect(queued).toEqual({ sent: false, queuedKey: expect.any(String) });
    expect(away.connector.getState().queued).toBe(1);
    expect((await online.api.getProposal(drafted.id)).state).toBe('draft');

    await away.connector.connect(server.url, async () => away.token);
    expect(away.connector.getState()).toMatchObject({ status: 'online', queued: 0 });
    expect((await online.api.getProposal(drafted.id)).state).toBe('submitted');
  });
});
