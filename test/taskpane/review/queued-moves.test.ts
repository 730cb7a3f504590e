/**
 * A team apply left in the connector's offline queue is remembered in the memory of adjustments only
 * once it lands, with the version the server made: against the real server and the connector's real
 * queue (PostgreSQL), and the settling rules against a fake server (reverted, unreachable, renumbered).
 */
import 'fake-indexeddb/auto';
import type { ApiClient } from '../../../src/connector';
import type { BudgetLine } from '../../../src/model/budget-line';
import type { TeamProposal } from '../../../src/model/team-proposal';
import { budgetTableValues } from '../../../src/sheets/budget-table';
import { createMemoryRepository } from '../../../src/store/memory-repository';
import { forgetReverted, loadMemory, syncTeamMemory } from '../../../taskpane/review/memory';
import { heldMoves, holdQueuedMove, landedNotice, settleQueuedMoves } from '../../../taskpane/review/queued-moves';
import { moveTeamProposal } from '../../../taskpane/review/team-proposals';
import { scanRange } from '../../../taskpane/review/use-review';
import { teamPane } from '../../connector/team-pane';
import { twoStepTeam } from '../../server/fixtures';
import { describeIfPg, moveProposal, useTestServer } from '../../server/helpers';
import { proposal as sampleProposal } from '../../model/sample-team-proposal';

jest.setTimeout(120_000);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** CC1's travel (under plan from April) and ads (over plan from March), booked through July. */
function cc1Scan() {
  const line = (id: string, account: string, monthly: number, factor: (t: number) => number): BudgetLine => ({
    id,
    costCentre: 'CC1',
    account,
    owner: 'alice',
    plan: MONTHS.map(() => monthly),
    actual: MONTHS.map((_, t) => (t < 7 ? Math.round(monthly * factor(t) * (1 + 0.01 * Math.sin(t))) : null)),
  });
  const lines = [
    line('CC1-TRAVEL', '6100', 5000 / 12, (t) => (t >= 3 ? 0.6 : 1)),
    line('CC1-ADS', '6200', 1000 / 12, (t) => (t >= 2 ? 1.8 : 1)),
  ];
  return scanRange({ address: 'Budget!A1:Q3', values: budgetTableValues(MONTHS, lines, [5000, 1000]) });
}

/** The travel → ads move of the scan's budgets, in March 2026. */
const MOVE = [
  { id: 'CC1-TRAVEL', costCentre: 'CC1', account: '6100', period: '2026-03', before: 5000, after: 2500 },
  { id: 'CC1-ADS', costCentre: 'CC1', account: '6200', period: '2026-03', before: 1000, after: 3500 },
];

describeIfPg('a team apply queued offline, through the connector’s queue and the server', () => {
  const server = useTestServer({ prefix: 'queued_moves' });

  test('is held while queued, remembered once the server applied it, and shared', async () => {
    const root = await server.token('root', 'admin', '*');
    await twoStepTeam(server, root);
    const tokens = {
      ana: await server.token('ana', 'analyst', ['CC1']),
      bob: await server.token('bob', 'approver', ['CC1']),
      carol: await server.token('carol', 'controller', '*'),
    };
    const drafted = await server.as(tokens.ana, {
      method: 'POST',
      url: '/api/proposals',
      payload: { fiscalYear: 2026, reason: 'travel to ads', lines: MOVE },
    });
    expect(drafted.statusCode).toBe(201);
    let p = drafted.json() as TeamProposal;
    for (const [token, verb] of [
      [tokens.ana, 'submit'],
      [tokens.bob, 'approve'],
      [tokens.carol, 'approve'],
    ]) {
      const r = await moveProposal(server, token, p as unknown as Record<string, unknown>, verb);
      expect(r.statusCode).toBe(200);
      p = r.json();
    }
    expect(p.state).toBe('approved');

    // Alice's pane is offline: her apply waits in the queue, its moves are held, not remembered.
    const alice = await teamPane(server, 'queued', 'alice', 'budget_owner', ['CC1'], { offline: true });
    const scan = cc1Scan();
    const outcome = await moveTeamProposal(alice.api, p, 'apply', '');
    expect(outcome.sent).toBe(false);
    if (outcome.sent) return;
    expect(alice.connector.getState()).toMatchObject({ status: 'offline', queued: 1 });
    const held = await holdQueuedMove(alice.repository, p, outcome.queuedKey, scan, []);
    // Each record holds the line's remaining-year plan before and after the move, as an online apply's.
    expect(held?.records.map((r) => [r.line, r.proposal, r.context.direction])).toEqual([
      ['CC1-TRAVEL', p.id, 'cut'],
      ['CC1-ADS', p.id, 'raise'],
    ]);
    expect(held!.records[0].before - held!.records[0].after).toBeCloseTo(2500, 6);
    expect(await settleQueuedMoves(alice.repository, alice.api)).toEqual([]);
    expect(await loadMemory(alice.repository)).toEqual([]);
    expect(await heldMoves(alice.repository)).toHaveLength(1);

    // Back online the queue is replayed: the server applies it and makes v2 of CC1.
    expect(await alice.goOnline()).toMatchObject({ status: 'online', queued: 0 });
    const landed = await settleQueuedMoves(alice.repository, alice.api);
    expect(
      landed.map((l) => [l.proposal.state, l.verb, l.versions.map((v) => `${v.name} of ${v.costCentre}`)]),
    ).toEqual([['applied', 'apply', ['v2 of CC1']]]);
    expect(landedNotice(landed)).toBe(
      `Applied from the queue: ${p.id.slice(0, 8)}, the server made v2 of CC1; its moves are in the memory of adjustments.`,
    );
    const memory = await loadMemory(alice.repository);
    expect(memory).toEqual([...held!.records].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await heldMoves(alice.repository)).toEqual([]);
    // Settling again adds nothing; syncing shares the moves with the team, as an online apply's are.
    expect(await settleQueuedMoves(alice.repository, alice.api)).toEqual([]);
    await syncTeamMemory(
      alice.repository,
      memory,
      { server: server.url, user: alice.connector.getState().user!, api: alice.api },
      ['CC1'],
    );
    const shared = await alice.api.listAdjustments('CC1');
    expect(shared.map((r) => [r.id, r.proposal, r.recordedBy])).toEqual(memory.map((r) => [r.id, p.id, 'alice']));
    alice.close();

    // Undone through the chain: alice asks for a reversal (nothing forgotten yet), bob and carol approve
    // it, and her pane, offline again, applies it: held as p's revert, its moves forgotten once it lands.
    const online = await teamPane(server, 'reversal', 'alice', 'budget_owner', ['CC1']);
    const applied = await online.api.getProposal(p.id);
    const asked = await online.api.proposeReversal(applied, 'campaign cancelled');
    if (!asked.sent) throw new Error('the reversal was not sent');
    expect(asked.body.reversal).toMatchObject({ state: 'submitted', reverts: p.id, createdBy: 'alice' });
    expect((await online.api.listAdjustments('CC1')).map((r) => r.id)).toEqual(memory.map((r) => r.id));
    let reversal = asked.body.reversal;
    for (const token of [tokens.bob, tokens.carol])
      reversal = (await moveProposal(server, token, reversal as unknown as Record<string, unknown>, 'approve')).json();
    online.close();
    const later = await teamPane(server, 'reversal-q', 'alice', 'budget_owner', ['CC1'], { offline: true });
    for (const record of memory) await later.repository.put('adjustments', record);
    const queued = await moveTeamProposal(later.api, reversal, 'apply', '');
    if (queued.sent) throw new Error('the apply was sent offline');
    await holdQueuedMove(later.repository, reversal, queued.queuedKey, null, []);
    expect(await later.goOnline()).toMatchObject({ status: 'online', queued: 0 });
    const signedIn = { server: server.url, user: later.connector.getState().user!, api: later.api };
    const undone = await settleQueuedMoves(later.repository, later.api, (id) =>
      forgetReverted(later.repository, id, signedIn, ['CC1']),
    );
    expect(undone.map((l) => [l.proposal.id, l.proposal.state, l.verb])).toEqual([[p.id, 'reverted', 'revert']]);
    expect(landedNotice(undone)).toBe(
      `Reverted from the queue: ${p.id.slice(0, 8)}, the server made v3 of CC1; its moves are forgotten.`,
    );
    expect(await loadMemory(later.repository)).toEqual([]);
    expect(await later.api.listAdjustments('CC1')).toEqual([]);
    later.close();
  });
});

describe('settling held team moves', () => {
  const scan = cc1Scan();
  const base = { ...sampleProposal('approved'), id: 'p-1', lines: MOVE } as TeamProposal;
  /** A server answering `found` for p-1 and `others[id]` for any other proposal. */
  const answering = (found: Partial<TeamProposal> | Error, others: Record<string, Partial<TeamProposal>> = {}) =>
    ({
      getProposal: async (id: string) => {
        if (found instanceof Error) throw found;
        return { ...base, ...(id === base.id ? found : { id, ...others[id] }) };
      },
    }) as unknown as Pick<ApiClient, 'getProposal'>;
  const v = (name: string, action: 'apply' | 'revert') => ({ id: name, costCentre: 'CC1', name, action });

  test('unreachable or not applied yet: held; applied then reverted: dropped, nothing remembered', async () => {
    const repository = createMemoryRepository();
    await holdQueuedMove(repository, base, 'k1', scan, []);
    expect(await settleQueuedMoves(repository, answering(new Error('offline')))).toEqual([]);
    expect(await settleQueuedMoves(repository, answering({ versions: [] }))).toEqual([]);
    expect(await heldMoves(repository)).toHaveLength(1);
    const undone = await settleQueuedMoves(
      repository,
      answering({ state: 'reverted', versions: [v('v2', 'apply')], reversal: { id: 'r-1', state: 'applied' } }),
    );
    expect(undone).toHaveLength(1);
    expect(await loadMemory(repository)).toEqual([]);
    expect(await heldMoves(repository)).toEqual([]);
  });

  test('an apply lands after other moves: its records are numbered after them; a queued apply of its reversal forgets them', async () => {
    const repository = createMemoryRepository();
    const held = await holdQueuedMove(repository, base, 'k1', scan, []);
    // Meanwhile another move of the same line and period was remembered, with the sequence the held one got.
    const other = { ...held!.records[0], proposal: 'p-0' };
    await repository.put('adjustments', other);
    await settleQueuedMoves(repository, answering({ state: 'applied', versions: [v('v2', 'apply')] }));
    const memory = await loadMemory(repository);
    expect(other.id).toBe('adj:CC1-TRAVEL@6:0');
    expect(memory.map((r) => [r.id, r.proposal])).toEqual([
      ['adj:CC1-ADS@6:2', 'p-1'],
      ['adj:CC1-TRAVEL@6:0', 'p-0'],
      ['adj:CC1-TRAVEL@6:1', 'p-1'],
    ]);
    expect(await holdQueuedMove(repository, base, 'k9', null, [])).toBeNull();
    // The apply of p-1's reversal is held as p-1's revert (no scan needed: it adds no move).
    const reversal = { ...base, id: 'r-1', reverts: 'p-1' };
    expect(await holdQueuedMove(repository, reversal, 'k2', null, [])).toMatchObject({
      id: 'queued-move:p-1:revert',
      proposal: 'p-1',
      verb: 'revert',
      records: [],
    });
    // Not landed while p-1 is still applied (the reversal not applied yet).
    expect(await settleQueuedMoves(repository, answering({ state: 'applied', versions: [v('v2', 'apply')] }))).toEqual(
      [],
    );
    // The view's forget also forgets them on the server, as an online apply of a reversal does.
    const forgotten: string[] = [];
    const reverted = await settleQueuedMoves(
      repository,
      answering(
        { state: 'reverted', versions: [v('v2', 'apply')], reversal: { id: 'r-1', state: 'applied' } },
        { 'r-1': { reverts: 'p-1', versions: [v('v3', 'apply')] } },
      ),
      async (proposal) => {
        forgotten.push(proposal);
        for (const r of await repository.list('adjustments'))
          if (r.proposal === proposal) await repository.remove('adjustments', r.id);
      },
    );
    expect(forgotten).toEqual(['p-1']);
    expect(landedNotice(reverted)).toBe(
      'Reverted from the queue: p-1, the server made v3 of CC1; its moves are forgotten.',
    );
    expect((await loadMemory(repository)).map((r) => r.proposal)).toEqual(['p-0']);
  });

  test('a proposal reverted directly before reversals went through the chain: its revert versions are named', async () => {
    const repository = createMemoryRepository();
    await holdQueuedMove(repository, { ...base, id: 'r-0', reverts: 'p-1' }, 'k3', null, []);
    const landed = await settleQueuedMoves(
      repository,
      answering({ state: 'reverted', versions: [v('v2', 'apply'), v('v3', 'revert')] }),
      async () => undefined,
    );
    expect(landedNotice(landed)).toBe(
      'Reverted from the queue: p-1, the server made v3 of CC1; its moves are forgotten.',
    );
  });
});
