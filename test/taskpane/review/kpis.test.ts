import 'fake-indexeddb/auto';
import type { AdjustmentRecord } from '../../../src/model/kpi';
import type { KpiRecord } from '../../../src/store/schema';
import type { SignedIn } from '../../../taskpane/connector/use-signed-in';
import { tryParseNumber } from '../../../src/format';
import { paneNumbers } from '../../../taskpane/state/numbers';
import { draftOfKpi, kpiFromDraft, loadTeamKpis, removeKpi, saveKpi, teamCentres } from '../../../taskpane/review/kpis';
import { forgetReverted, syncTeamMemory } from '../../../taskpane/review/memory';
import { teamPane } from '../../connector/team-pane';
import { adjustmentBody } from '../../server/fixtures';
import { describeIfPg, useTestServer } from '../../server/helpers';

jest.setTimeout(120_000);

const kpi = (ownerCostCentre: string): KpiRecord => ({
  id: 'Leads',
  name: 'Leads',
  ownerCostCentre,
  unit: 'leads',
  direction: 'higher',
  priority: 1,
  target: [100, 110],
  actual: [97, null],
  links: [{ line: 'MKT-ADS', kpi: 'Leads' }],
});

describe('the cost centres a signed-in pane syncs', () => {
  test('the scanned ones and the token’s, valid codes only, once each', () => {
    const user = { id: 'ana', roles: ['analyst' as const], costCentres: ['OPS', 'MKT'] };
    const signedIn = { server: 'https://fpa.example.com', user } as unknown as SignedIn;
    expect(teamCentres(signedIn, ['MKT', '', 'IT'])).toEqual(['IT', 'MKT', 'OPS']);
    expect(teamCentres({ ...signedIn, user: { ...user, costCentres: '*' } }, ['MKT'])).toEqual(['MKT']);
  });
});

describe('the KPI form’s priority, typed in the pane’s locale', () => {
  const german = paneNumbers({ locale: 'de-DE' });
  const parse = (text: string, field: string) => german.parse(text, { field, percent: 'reject' });
  const stored = { ...kpi('MKT'), priority: 1.5 };

  test('a German 1,5 is 1.5 (Number() refused it), shown back as 1,5, and a bad one named', () => {
    const draft = draftOfKpi(stored, (v) => german.toInput(v));
    expect(draft.priority).toBe('1,5');
    expect(kpiFromDraft(draft, parse)).toEqual({ record: expect.objectContaining({ priority: 1.5 }) });
    for (const bad of ['', '0', '-1', 'x', '1.5'])
      expect(kpiFromDraft({ ...draft, priority: bad }, parse)).toEqual({
        field: 'priority',
        problem: 'Priority must be a number above 0.',
      });
  });

  test('en-US by default: 1,200 is a thousands separator, 2 stays 2', () => {
    const draft = draftOfKpi(stored, String);
    const enUs = (text: string, field: string) => tryParseNumber(text, { field, percent: 'reject' });
    expect(kpiFromDraft({ ...draft, priority: '1,200' }, enUs)).toEqual({
      record: expect.objectContaining({ priority: 1200 }),
    });
    expect(kpiFromDraft({ ...draft, priority: '2' })).toEqual({ record: expect.objectContaining({ priority: 2 }) });
  });
});

describeIfPg('the pane’s KPIs and memory on the team server when signed in', () => {
  const server = useTestServer({ prefix: 'pane_loop' });

  async function signedIn(user: string, role: 'analyst' | 'budget_owner') {
    const pane = await teamPane(server, 'pane-loop', user, role, ['MKT']);
    const state = pane.connector.getState();
    return { ...pane, signedIn: { server: server.url, user: state.user!, api: pane.api } as SignedIn };
  }

  test('a KPI saved in one pane is read in by another; saving it again changes the shared one', async () => {
    const alice = await signedIn('alice', 'analyst');
    const bob = await signedIn('bob', 'budget_owner');
    expect(await saveKpi(alice.repository, kpi(''), alice.signedIn)).toEqual({
      field: 'ownerCostCentre',
      problem: expect.stringMatching(/belongs to a cost centre/),
    });
    expect(await saveKpi(alice.repository, kpi('MKT'), alice.signedIn)).toBeNull();
    const [read] = await loadTeamKpis(bob.repository, bob.signedIn, ['MKT']);
    expect(read).toMatchObject({ name: 'Leads', actual: [97, null], shared: { version: 1 } });
    // The form makes a fresh record: saving it keeps the shared id, so it is a change, not a second KPI.
    expect(await saveKpi(bob.repository, { ...kpi('MKT'), actual: [97, 103] }, bob.signedIn)).toBeNull();
    const [changed] = await loadTeamKpis(alice.repository, alice.signedIn, ['MKT']);
    expect(changed).toMatchObject({ actual: [97, 103], shared: { id: read.shared!.id, version: 2 } });
    // Single-user mode reads the store only.
    expect(await loadTeamKpis(alice.repository, null, ['MKT'])).toEqual([changed]);
    alice.close();
    bob.close();
  });

  test('a move remembered in one pane reaches the other pane’s memory', async () => {
    const alice = await signedIn('alice2', 'analyst');
    const bob = await signedIn('bob2', 'budget_owner');
    const move: AdjustmentRecord = adjustmentBody('MKT', 'pane');
    await alice.repository.put('adjustments', move);
    await syncTeamMemory(alice.repository, [move], alice.signedIn, []);
    expect(await syncTeamMemory(bob.repository, [], bob.signedIn, ['MKT'])).toEqual([move]);
    expect(await syncTeamMemory(bob.repository, [], null, ['MKT'])).toEqual([]);
    alice.close();
    bob.close();
  });

  test('a KPI removed in one pane is deleted on the server and leaves the other pane at its next read', async () => {
    const alice = await signedIn('alice3', 'analyst');
    const bob = await signedIn('bob3', 'budget_owner');
    const churn = { ...kpi('MKT'), id: 'Churn', name: 'Churn', links: [{ line: 'MKT-CRM', kpi: 'Churn' }] };
    expect(await saveKpi(alice.repository, churn, alice.signedIn)).toBeNull();
    const names = async (pane: typeof bob) =>
      (await loadTeamKpis(pane.repository, pane.signedIn, ['MKT'])).map((k) => k.name);
    expect(await names(bob)).toContain('Churn');
    const shared = (await alice.repository.get('kpis', 'Churn'))!;
    await removeKpi(alice.repository, shared, alice.signedIn);
    expect(await names(alice)).not.toContain('Churn');
    expect(await names(bob)).not.toContain('Churn');
    expect(await alice.api.getKpi(shared.shared!.id)).toMatchObject({ archivedBy: 'alice3' });
    // Single-user mode removes the local copy only.
    await bob.repository.put('kpis', churn);
    await removeKpi(bob.repository, churn, null);
    expect(await bob.repository.get('kpis', 'Churn')).toBeUndefined();
    alice.close();
    bob.close();
  });

  test('the moves of a proposal reverted in one pane leave the other pane’s memory at its next sync', async () => {
    const alice = await signedIn('alice4', 'analyst');
    const bob = await signedIn('bob4', 'budget_owner');
    const move: AdjustmentRecord = { ...adjustmentBody('MKT', 'revert'), proposal: 'P-20260606-rv' };
    await alice.repository.put('adjustments', move);
    await syncTeamMemory(alice.repository, [move], alice.signedIn, []);
    expect(await syncTeamMemory(bob.repository, [], bob.signedIn, ['MKT'])).toContainEqual(move);

    const left = await forgetReverted(alice.repository, 'P-20260606-rv', alice.signedIn, ['MKT']);
    expect(left.map((r) => r.id)).not.toContain(move.id);
    const bobs = await syncTeamMemory(bob.repository, await bob.repository.list('adjustments'), bob.signedIn, ['MKT']);
    expect(bobs.map((r) => r.id)).not.toContain(move.id);
    // Signed out, a pane forgets its own copy only.
    await bob.repository.put('adjustments', move);
    expect(await forgetReverted(bob.repository, 'P-20260606-rv')).not.toContainEqual(move);
    alice.close();
    bob.close();
  });
});
