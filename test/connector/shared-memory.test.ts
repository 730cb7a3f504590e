import 'fake-indexeddb/auto';
import { forgetMoves, localAdjustment, sameOutcome, syncMemory } from '../../src/connector/shared-memory';
import { citeCases, similarCases } from '../../src/loop/adjustment-memory';
import type { AdjustmentRecord } from '../../src/model/kpi';
import { adjustmentBody } from '../server/fixtures';
import { describeIfPg, useTestServer } from '../server/helpers';
import { teamPane } from './team-pane';

jest.setTimeout(120_000);

/** A raise of line ADS-m remembered at period `period`, not measured yet (the server tests' fixture). */
const move = (period: number): AdjustmentRecord => {
  const body = adjustmentBody('MKT', 'm');
  return { ...body, id: `adj:ADS-m@${period}:0`, context: { ...body.context, period, monthsLeft: 11 - period } };
};
const outcome = { measuredAt: 7, gapClosed: 0.6, passThrough: 0.8, kpiLift: null };

describe('the memory as the server keeps it', () => {
  test('a server record loses who and when, and its nulls for absent parts', () => {
    const { proposal: _p, ...bare } = move(5);
    const who = { recordedBy: 'ana', recordedAt: '2026-06-06', measuredBy: null };
    const remembered = { forgottenAt: null, forgottenBy: null, forgottenReason: null };
    expect(localAdjustment({ ...bare, outcome: undefined, ...who, ...remembered })).toEqual(bare);
    const withNulls = { ...bare, outcome: null, proposal: null } as unknown as AdjustmentRecord;
    expect(localAdjustment({ ...withNulls, ...who, ...remembered })).toEqual(bare);
  });
  test('outcomes are the same when every measure is', () => {
    expect(sameOutcome(outcome, { ...outcome })).toBe(true);
    expect(sameOutcome(outcome, { ...outcome, gapClosed: 0.5 })).toBe(false);
    expect(sameOutcome(undefined, outcome)).toBe(false);
    expect(sameOutcome(undefined, undefined)).toBe(true);
  });
});

describeIfPg('the memory of adjustments shared through the team server', () => {
  const server = useTestServer({ prefix: 'shared_memory' });

  test('a second user sees the first user’s move and, once measured, its outcome; the first sees it cited', async () => {
    const alice = await teamPane(server, 'memory', 'alice', 'analyst', ['MKT']);
    const bob = await teamPane(server, 'memory', 'bob', 'budget_owner', ['MKT']);
    await alice.repository.put('adjustments', move(5));
    expect(await syncMemory(alice.api, alice.repository, ['MKT'])).toMatchObject({ sent: 1, received: 0 });

    const read = await syncMemory(bob.api, bob.repository, ['MKT']);
    expect(read).toMatchObject({ sent: 0, received: 1, memory: [move(5)] });
    // Bob's scan books the outcome months: he measures it; alice reads the outcome at her next sync.
    await bob.repository.put('adjustments', { ...move(5), outcome });
    expect(await syncMemory(bob.api, bob.repository, ['MKT'])).toMatchObject({ sent: 1, received: 0 });
    const back = await syncMemory(alice.api, alice.repository, ['MKT']);
    expect(back).toMatchObject({ sent: 0, received: 1, memory: [{ ...move(5), outcome }] });
    // A later, similar move of alice's cites bob's measured case.
    const cases = similarCases(back.memory, move(6).context);
    expect(citeCases(cases, 2)).toBe('1 similar move closed 60% of the gap within 2 months');
    // Syncing again sends and reads nothing.
    expect(await syncMemory(alice.api, alice.repository, ['MKT'])).toMatchObject({ sent: 0, received: 0 });
    alice.close();
    bob.close();
  });

  test('offline moves and outcomes are queued and sent when the server is back; the first outcome stands', async () => {
    const carol = await teamPane(server, 'memory', 'carol', 'analyst', ['OPS'], { offline: true });
    const mine = { ...move(3), costCentre: 'OPS' };
    await carol.repository.put('adjustments', mine);
    // Offline the list cannot be read: nothing is sent or lost.
    await expect(syncMemory(carol.api, carol.repository, ['OPS'])).rejects.toMatchObject({
      code: 'CONNECTOR_OFFLINE',
    });
    const dave = await teamPane(server, 'memory', 'dave', 'budget_owner', ['OPS']);
    await carol.goOnline();
    expect(await syncMemory(carol.api, carol.repository, ['OPS'])).toMatchObject({ sent: 1 });
    // Dave measures first; carol, who measured other months offline, takes his outcome at her sync.
    await syncMemory(dave.api, dave.repository, ['OPS']);
    await dave.repository.put('adjustments', { ...mine, outcome });
    await syncMemory(dave.api, dave.repository, ['OPS']);
    await carol.repository.put('adjustments', { ...mine, outcome: { ...outcome, gapClosed: 0.1 } });
    const merged = await syncMemory(carol.api, carol.repository, ['OPS']);
    expect(merged).toMatchObject({ sent: 0, received: 1, memory: [{ ...mine, outcome }] });
    carol.close();
    dave.close();
  });

  test('a move alice forgot (its proposal reverted) leaves bob’s memory at his next sync and is never sent back', async () => {
    const alice = await teamPane(server, 'forget', 'alice', 'analyst', ['MKT']);
    const bob = await teamPane(server, 'forget', 'bob', 'budget_owner', ['MKT']);
    const kept = { ...move(4), id: 'adj:ADS-m@4:f' };
    const reverted = { ...move(5), id: 'adj:ADS-m@5:f', proposal: 'P-20260606-r' };
    for (const record of [kept, reverted]) await alice.repository.put('adjustments', record);
    expect(await syncMemory(alice.api, alice.repository, ['MKT'])).toMatchObject({ sent: 2 });
    expect((await syncMemory(bob.api, bob.repository, ['MKT'])).memory).toEqual(
      expect.arrayContaining([kept, reverted]),
    );
    // Bob measures it meanwhile, not knowing it is reverted.
    await bob.repository.put('adjustments', { ...reverted, outcome });

    expect(await forgetMoves(alice.api, alice.repository, 'P-20260606-r', ['MKT'], 'reverted')).toBe(1);
    const ids = async (pane: typeof alice) => (await pane.repository.list('adjustments')).map((r) => r.id);
    expect(await ids(alice)).toContain(kept.id);
    expect(await ids(alice)).not.toContain(reverted.id);
    const synced = await syncMemory(bob.api, bob.repository, ['MKT']);
    expect(synced).toMatchObject({ sent: 0, received: 0, forgotten: 1 });
    expect(synced.memory.map((r) => r.id)).toEqual(expect.arrayContaining([kept.id]));
    expect(await ids(bob)).not.toContain(reverted.id);
    // Neither pane sends it back; the server keeps it as a tombstone, without bob's outcome.
    expect(await syncMemory(bob.api, bob.repository, ['MKT'])).toMatchObject({ sent: 0, forgotten: 0 });
    expect(await syncMemory(alice.api, alice.repository, ['MKT'])).toMatchObject({ sent: 0, forgotten: 0 });
    expect(await ids(alice)).not.toContain(reverted.id);
    const listed = (await bob.api.listAdjustments('MKT')).map((r) => r.id);
    expect(listed).toContain(kept.id);
    expect(listed).not.toContain(reverted.id);
    const [tombstone] = (await bob.api.listAdjustments('MKT', reverted.line, { forgotten: true })).filter(
      (r) => r.id === reverted.id,
    );
    expect(tombstone).toMatchObject({ forgottenBy: 'alice', forgottenReason: 'reverted', outcome: null });
    alice.close();
    bob.close();
  });

  test('a move forgotten offline is forgotten on the server when the queue is sent; one never sent stays local', async () => {
    const dave = await teamPane(server, 'forget', 'dave', 'budget_owner', ['OPS']);
    const shared = { ...move(6), id: 'adj:ADS-m@6:o', costCentre: 'OPS', proposal: 'P-20260606-o' };
    const localOnly = { ...move(7), id: 'adj:ADS-m@7:o', costCentre: 'OPS', proposal: 'P-20260606-o' };
    await dave.repository.put('adjustments', shared);
    await syncMemory(dave.api, dave.repository, ['OPS']);
    // Online, a move the server never held is forgotten locally only (no refused write is left behind).
    const erin = await teamPane(server, 'forget', 'erin', 'controller', ['OPS']);
    await erin.repository.put('adjustments', localOnly);
    const carol = await teamPane(server, 'forget', 'carol', 'analyst', ['OPS'], { offline: true });
    await carol.repository.put('adjustments', shared);

    expect(await forgetMoves(carol.api, carol.repository, 'P-20260606-o', ['OPS'])).toBe(1);
    expect(await carol.repository.list('adjustments')).toEqual([]);
    expect(carol.connector.getState()).toMatchObject({ status: 'offline', queued: 1 });
    expect(await carol.goOnline()).toMatchObject({ status: 'online', queued: 0, failed: [] });
    const daves = await syncMemory(dave.api, dave.repository, ['OPS']);
    expect(daves.forgotten).toBe(1);
    expect(daves.memory.map((r) => r.id)).not.toContain(shared.id);

    // The server holds no live move of the proposal any more: nothing is sent.
    expect(await forgetMoves(erin.api, erin.repository, 'P-20260606-o', ['OPS'])).toBe(0);
    expect(erin.connector.getState()).toMatchObject({ queued: 0, failed: [], conflicts: [] });
    expect(await erin.repository.list('adjustments')).toEqual([]);
    for (const pane of [carol, dave, erin]) pane.close();
  });
});
