import 'fake-indexeddb/auto';
import { deleteSharedKpi, kpiDefinition, pullKpis, shareKpi } from '../../src/connector/shared-kpis';
import type { KpiRecord } from '../../src/store/schema';
import { describeIfPg, useTestServer } from '../server/helpers';
import { teamPane } from './team-pane';

jest.setTimeout(120_000);

const leads = (id = 'Leads'): KpiRecord => ({
  id,
  name: 'Leads',
  ownerCostCentre: 'MKT',
  unit: 'leads',
  direction: 'higher',
  priority: 2,
  target: [100, 110, 120, 130],
  actual: [97, 104, null, null],
  links: [{ line: 'MKT-ADS', kpi: id, lag: 1 }],
});

describe('a KPI as the server keeps it', () => {
  test('the definition drops the link’s own KPI id and defaults the priority to 1', () => {
    const { priority: _p, ...noPriority } = leads();
    const { id: _id, links: _links, ...kept } = noPriority;
    expect(kpiDefinition(noPriority)).toEqual({ ...kept, priority: 1, links: [{ line: 'MKT-ADS', lag: 1 }] });
  });
});

describeIfPg('KPI definitions shared through the team server', () => {
  const server = useTestServer({ prefix: 'shared_kpis' });

  test('a second user sees the first user’s KPI after sync; changes go both ways under their version', async () => {
    const alice = await teamPane(server, 'kpis', 'alice', 'analyst', ['MKT']);
    const bob = await teamPane(server, 'kpis', 'bob', 'budget_owner', ['MKT']);

    await alice.repository.put('kpis', leads());
    const shared = await shareKpi(alice.api, leads());
    expect(shared.shared).toEqual({ id: expect.any(String), version: 1 });
    await alice.repository.put('kpis', shared);

    expect(await bob.repository.list('kpis')).toEqual([]);
    const pulled = await pullKpis(bob.api, bob.repository, ['MKT']);
    expect(pulled).toEqual([{ ...leads(), shared: shared.shared }]);
    // Pulling again changes nothing; alice pulling her own KPI back matches it, not doubles it.
    expect(await pullKpis(bob.api, bob.repository, ['MKT'])).toEqual(pulled);
    expect(await pullKpis(alice.api, alice.repository, ['MKT'])).toEqual([shared]);

    // Bob raises the targets; alice sees them at her next sync.
    const raised = await shareKpi(bob.api, { ...pulled[0], target: [100, 120, 140, 160] });
    expect(raised.shared?.version).toBe(2);
    await bob.repository.put('kpis', raised);
    const seen = await pullKpis(alice.api, alice.repository, ['MKT']);
    expect(seen[0]).toMatchObject({ target: [100, 120, 140, 160], shared: { version: 2 } });

    // Both change version 2: bob's lands first, alice's is a conflict kept for her to resolve.
    await shareKpi(bob.api, { ...raised, actual: [97, 104, 118, null] });
    await expect(shareKpi(alice.api, { ...seen[0], priority: 5 })).rejects.toMatchObject({
      code: 'CONNECTOR_CONFLICT',
    });
    const [conflict] = alice.connector.getState().conflicts;
    expect(conflict.current).toMatchObject({ version: 3, actual: [97, 104, 118, null], priority: 2 });
    // "Mine": her whole definition is sent again on top of version 3 (bob's actual with it), and bob reads it.
    await alice.connector.resolveConflict(conflict.seq, 'mine');
    expect(alice.connector.getState().conflicts).toEqual([]);
    const [afterAll] = await pullKpis(bob.api, bob.repository, ['MKT']);
    expect(afterAll).toMatchObject({ priority: 5, actual: [97, 104, null, null], shared: { version: 4 } });
    alice.close();
    bob.close();
  });

  test('a KPI saved offline is sent when the server is back, and matched by name at the next pull', async () => {
    const carol = await teamPane(server, 'kpis', 'carol', 'controller', ['OPS'], { offline: true });
    const kpi = { ...leads('Tickets'), name: 'Tickets', ownerCostCentre: 'OPS' };
    await carol.repository.put('kpis', kpi);
    expect(await shareKpi(carol.api, kpi)).toEqual(kpi);
    expect(carol.connector.getState()).toMatchObject({ status: 'offline', queued: 1 });

    expect(await carol.goOnline()).toMatchObject({ status: 'online', queued: 0 });
    const [matched] = await pullKpis(carol.api, carol.repository, ['OPS']);
    expect(matched).toEqual({ ...kpi, shared: { id: expect.any(String), version: 1 } });
    expect(await carol.repository.list('kpis')).toHaveLength(1);

    // Another cost centre's owner may not change it: the server's message comes back (another cost
    // centre's KPI answers as an unknown id would, so its existence is not told either).
    const dan = await teamPane(server, 'kpis', 'dan', 'budget_owner', ['MKT']);
    await expect(shareKpi(dan.api, { ...matched, priority: 9 })).rejects.toMatchObject({
      message: expect.stringMatching(/404 SERVER_NOT_FOUND\): kpi [0-9a-f-]{36} does not exist/),
    });
    carol.close();
    dan.close();
  });

  test('a KPI alice deletes leaves bob’s pane at his next pull and stays archived on the server', async () => {
    const alice = await teamPane(server, 'kpi-delete', 'alice', 'analyst', ['MKT']);
    const bob = await teamPane(server, 'kpi-delete', 'bob', 'budget_owner', ['MKT']);
    const revenue = { ...leads('Revenue'), name: 'Revenue' };
    const shared = await shareKpi(alice.api, revenue);
    await alice.repository.put('kpis', shared);
    expect(await pullKpis(bob.api, bob.repository, ['MKT'])).toContainEqual(shared);

    await deleteSharedKpi(alice.api, alice.repository, shared);
    expect(await alice.repository.get('kpis', 'Revenue')).toBeUndefined();
    expect((await pullKpis(bob.api, bob.repository, ['MKT'])).map((k) => k.name)).not.toContain('Revenue');
    expect(await bob.repository.get('kpis', 'Revenue')).toBeUndefined();
    const archived = await bob.api.getKpi(shared.shared!.id);
    expect(archived).toMatchObject({ name: 'Revenue', archivedBy: 'alice', target: revenue.target });

    // The name is free: alice defines it again, bob changes it, and alice's delete of the version she saw is a conflict.
    const again = await shareKpi(alice.api, revenue);
    await alice.repository.put('kpis', again);
    const [seen] = (await pullKpis(bob.api, bob.repository, ['MKT'])).filter((k) => k.name === 'Revenue');
    expect(seen.shared).toEqual(again.shared);
    await shareKpi(bob.api, { ...seen, priority: 3 });
    await expect(deleteSharedKpi(alice.api, alice.repository, again)).rejects.toMatchObject({
      code: 'CONNECTOR_CONFLICT',
    });
    expect(await alice.repository.get('kpis', 'Revenue')).toEqual(again);
    expect(await bob.api.getKpi(again.shared!.id)).toMatchObject({ archivedAt: null, priority: 3 });
    alice.close();
    bob.close();
  });

  test('a KPI deleted offline is deleted when the server is back; a viewer’s delete is refused and the copy kept', async () => {
    const erin = await teamPane(server, 'kpi-delete', 'erin', 'controller', ['OPS']);
    const cost = { ...leads('Cost'), name: 'Cost', ownerCostCentre: 'OPS' };
    const shared = await shareKpi(erin.api, cost);
    const carol = await teamPane(server, 'kpi-delete', 'carol', 'analyst', ['OPS'], { offline: true });
    await carol.repository.put('kpis', shared);
    await deleteSharedKpi(carol.api, carol.repository, shared);
    expect(await carol.repository.list('kpis')).toEqual([]);
    expect(carol.connector.getState()).toMatchObject({ status: 'offline', queued: 1 });
    expect(await carol.goOnline()).toMatchObject({ status: 'online', queued: 0, failed: [], conflicts: [] });
    expect(await erin.api.getKpi(shared.shared!.id)).toMatchObject({ archivedBy: 'carol' });

    const kept = await shareKpi(erin.api, { ...cost, name: 'Cost 2', id: 'Cost 2' });
    const vic = await teamPane(server, 'kpi-delete', 'vic', 'viewer', ['OPS']);
    await vic.repository.put('kpis', kept);
    await expect(deleteSharedKpi(vic.api, vic.repository, kept)).rejects.toMatchObject({
      code: 'CONNECTOR_FORBIDDEN',
    });
    expect(await vic.repository.get('kpis', 'Cost 2')).toEqual(kept);
    for (const pane of [carol, erin, vic]) pane.close();
  });
});
