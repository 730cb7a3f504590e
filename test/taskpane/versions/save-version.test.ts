/**
 * Saving an edited version sheet as a new version (real server, PostgreSQL), two panes each with its
 * own workbook double and queue: alice's edit of v1 becomes version 2, made from v1 with her
 * amounts; bob, offline, edits the v1 he wrote earlier and saves: it waits in his queue, and back
 * online it is a conflict holding alice's version, which "mine" puts on top.
 */
import 'fake-indexeddb/auto';
import { writeVersion } from '../../../taskpane/versions/write-version';
import { saveSheetVersion } from '../../../taskpane/versions/save-version';
import { createWorkbookDouble } from '../../../taskpane/workbook/workbook-double';
import { teamPane } from '../../connector/team-pane';
import { describeIfPg, useTestServer } from '../../server/helpers';
import { newVersion } from '../../model/sample-version';

jest.setTimeout(120_000);

describeIfPg('an edited version sheet saved as a new version', () => {
  const server = useTestServer({ prefix: 'save_version' });
  const closing: (() => void)[] = [];
  afterAll(() => closing.forEach((close) => close()));
  const pane = async (user: string) => {
    const made = await teamPane(server, 'save-version', user, 'budget_owner', ['CC1']);
    closing.push(made.close);
    return { ...made, workbook: createWorkbookDouble() };
  };

  test('made from the sheet’s version with the edited amounts; made offline from an old one, a conflict', async () => {
    const alice = await pane('alice');
    const bob = await pane('bob');
    const v1 = await alice.api.createVersion(
      newVersion(
        'Plan',
        [
          { account: '6100', period: '2026-01', amount: 1000 },
          { account: '6200', period: '2026-01', amount: 500 },
        ],
        { kind: 'forecast' },
      ),
    );
    if (!v1.sent) throw new Error('not sent');
    await writeVersion(alice.workbook, alice.api, v1.body.id);
    await writeVersion(bob.workbook, bob.api, v1.body.id);

    // Alice moves 200 from 6100 to 6200 in the sheet and adds February for 6100.
    await alice.workbook.applyWrites([
      { op: 'cells', sheet: 'Budget CC1', address: 'B3', cells: [[800, 1000]] },
      { op: 'cells', sheet: 'Budget CC1', address: 'B4', cells: [[700]] },
      { op: 'cells', sheet: 'Budget CC1', address: 'C2', cells: [['2026-02']] },
    ]);
    const saved = await saveSheetVersion(alice.workbook, alice.api, 'CC1', ' Reforecast ', []);
    expect(saved).toMatchObject({ sheet: 'Budget CC1', from: { id: v1.body.id, number: 1 } });
    expect(saved.outcome).toMatchObject({
      sent: true,
      body: { name: 'Reforecast', kind: 'forecast', fiscalYear: 2026, number: 2, parentId: v1.body.id },
    });
    if (!saved.outcome.sent) throw new Error('not sent');
    expect((await alice.api.getVersion(saved.outcome.body.id)).lines).toEqual([
      { account: '6100', period: '2026-01', amount: 800 },
      { account: '6100', period: '2026-02', amount: 1000 },
      { account: '6200', period: '2026-01', amount: 700 },
    ]);

    // Bob, offline, edits his v1 sheet and saves: queued; back online, a conflict naming alice's.
    await bob.connector.connect('http://127.0.0.1:9', async () => server.token('bob', 'budget_owner', ['CC1']));
    await bob.workbook.applyWrites([{ op: 'cells', sheet: 'Budget CC1', address: 'B3', cells: [[900]] }]);
    const known = await alice.api.listVersions('CC1');
    const queued = await saveSheetVersion(bob.workbook, bob.api, 'CC1', 'Bob trims', known);
    expect(queued.outcome).toEqual({ sent: false, queuedKey: expect.any(String) });
    await bob.goOnline();
    const [conflict] = bob.connector.getState().conflicts;
    expect(conflict.current).toMatchObject({ version: 2, name: 'Reforecast', createdBy: 'alice' });
    expect(conflict.yours).toMatchObject({
      name: 'Bob trims',
      lines: [
        { account: '6100', period: '2026-01', amount: 900 },
        { account: '6200', period: '2026-01', amount: 500 },
      ],
    });
    await bob.connector.resolveConflict(conflict.seq, 'mine');
    expect((await bob.api.listVersions('CC1')).find((v) => v.name === 'Bob trims')).toMatchObject({
      number: 3,
      parentId: saved.outcome.body.id,
    });
  });

  test('an edited budget sheet is refused before anything is queued: the budget changes through a proposal', async () => {
    const dana = await pane('dana');
    const budget = await dana.api.createVersion(
      newVersion('Budget 2026', [{ account: '6100', period: '2026-01', amount: 1000 }], { costCentre: 'CC1' }),
    );
    if (!budget.sent) throw new Error('not sent');
    expect(budget.body).toMatchObject({ kind: 'budget', number: 1 });
    await writeVersion(dana.workbook, dana.api, budget.body.id);
    await dana.workbook.applyWrites([{ op: 'cells', sheet: 'Budget CC1', address: 'B3', cells: [[5000]] }]);
    await expect(saveSheetVersion(dana.workbook, dana.api, 'CC1', 'More', [])).rejects.toThrow(
      'The sheet "Budget CC1" holds budget Budget 2026 of CC1 for 2026, the budget of record: it changes only through a ' +
        'proposal that another person approves. Propose the lines to change from Proposals; when it is applied, write ' +
        'the new version here from the list.',
    );
    expect(dana.connector.getState()).toMatchObject({ queued: 0, failed: [] });
    const budgets = (await dana.api.listVersions('CC1', 2026)).filter((v) => v.kind === 'budget');
    expect(budgets.map((v) => v.name)).toEqual(['Budget 2026']);
    // Sent anyway (another client), the server refuses it and says what to do instead.
    const direct = await dana.api
      .createVersion(newVersion('More', [{ account: '6100', period: '2026-01', amount: 5000 }]), 1)
      .catch((e: unknown) => e);
    expect(direct).toMatchObject({
      code: 'CONNECTOR_FORBIDDEN',
      message: expect.stringContaining('CC1 already has a budget for 2026 (Budget 2026, version 1)'),
    });
  });

  test('a sheet holding no version, or an amount that is not a number, is refused and nothing is sent', async () => {
    const carol = await pane('carol');
    await expect(saveSheetVersion(carol.workbook, carol.api, 'CC1', 'x', [])).rejects.toThrow(
      'The sheet "Budget CC1" holds no version written by OpenFPA: write one there from the list, edit its amounts, then save it as a new version.',
    );
    const [v1] = await carol.api.listVersions('CC1');
    await writeVersion(carol.workbook, carol.api, v1.id);
    await carol.workbook.applyWrites([{ op: 'cells', sheet: 'Budget CC1', address: 'B3', cells: [['lots']] }]);
    await expect(saveSheetVersion(carol.workbook, carol.api, 'CC1', 'x', [])).rejects.toMatchObject({
      code: 'SHEET_BAD_CELL',
      message: 'B3: "lots" is not an amount.',
    });
    expect(carol.connector.getState().queued).toBe(0);
  });
});
