import 'fake-indexeddb/auto';
import { localAdjustment, sameOutcome, syncMemory } from '../../src/connector/shared-memory';
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
});
