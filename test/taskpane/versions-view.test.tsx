/**
 * The Versions view against a connector double serving the server's answers: not connected, the
 * list newest first with lineage, writing a version into the workbook double (and the stale-range
 * refusal shown), two versions compared side by side, and the edited sheet saved as a new version
 * (made from the sheet's version: If-Match its number; queued offline; a conflict said to wait).
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { newVersion } from '../model/sample-version';
import { connectorDouble } from './connector-double';
import { ConnectorErrors, type ConnectorState, type QueuedWrite, type WriteOutcome } from '../../src/connector';
import type { BudgetVersion, VersionComparison } from '../../src/model/version';
import { lineageLine, VersionsView } from '../../taskpane/components/versions/VersionsView';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';

/** A notice whose whole text is `text` (its cost centre drawn apart, whole: LineIdText). */
const notice = (text: string) => (_: string, e: Element | null) =>
  (e?.getAttribute('role') === 'status' || e?.getAttribute('role') === 'alert') && e.textContent === text;

const ID1 = '00000000-0000-4000-8000-000000000001';
const ID2 = '00000000-0000-4000-8000-000000000002';
const ID10 = '00000000-0000-4000-8000-000000000010';
const v = (id: string, number: number, lines: BudgetVersion['lines'], lineage = {}): BudgetVersion => ({
  id,
  costCentre: 'CC1',
  fiscalYear: 2026,
  kind: 'budget',
  name: `v${number}`,
  number,
  lineage,
  createdBy: 'vera',
  createdAt: `2026-12-06T1${number % 10}:00:00.000Z`,
  lines,
});
const versions = [
  v(ID1, 1, [
    { account: '6100', period: '2026-01', amount: 1000 },
    { account: '6200', period: '2026-01', amount: 500 },
  ]),
  v(ID10, 10, [{ account: '6100', period: '2026-01', amount: 1 }]),
  v(
    ID2,
    2,
    [
      { account: '6100', period: '2026-01', amount: 700 },
      { account: '6200', period: '2026-01', amount: 800 },
    ],
    {
      action: 'apply',
      proposalId: 'abcdef12-0000-4000-8000-000000000000',
      approvers: [
        { step: 1, who: 'bob' },
        { step: 2, who: 'carol' },
      ],
      appliedBy: 'alice',
    },
  ),
];
const comparison: VersionComparison = {
  base: ID1,
  other: ID2,
  lines: [
    { account: '6100', period: '2026-01', base: 1000, other: 700, delta: -300 },
    { account: '6200', period: '2026-01', base: 500, other: 800, delta: 300 },
    { account: '6300', period: '2026-01', base: 5, other: 5, delta: 0 },
  ],
  totals: { base: 1505, other: 1505, delta: 0 },
};

/** A forecast made from the budget: the kind a sheet is saved from (a later budget comes from a proposal). */
const reforecast: BudgetVersion = { ...versions[2], kind: 'forecast', name: 'Reforecast', lineage: null };

function versionsServer(
  status: ConnectorState['status'],
  answer: (write: QueuedWrite) => Promise<WriteOutcome<unknown>> = async () => ({ sent: false, queuedKey: 'k' }),
  listed: readonly BudgetVersion[] = versions,
) {
  const reads: string[] = [];
  const { connector, writes } = connectorDouble({
    state: { status, baseUrl: status === 'disconnected' ? null : 'http://127.0.0.1:1' },
    answer,
    read: (endpoint, params, query) => {
      reads.push(`${endpoint} ${JSON.stringify({ ...params, ...query })}`);
      if (endpoint === 'listVersions') return listed.map(({ lines: _l, ...rest }) => rest);
      if (endpoint === 'getVersion') return listed.find((x) => x.id === params.id);
      if (endpoint === 'compareVersions') return { ...comparison, base: params.id, other: params.otherId };
      throw new Error(`unexpected ${endpoint}`);
    },
  });
  return { connector, reads, writes };
}

it('says where to connect when there is no team server', async () => {
  const { connector } = versionsServer('disconnected');
  const opened: string[] = [];
  render(
    <VersionsView
      workbook={createWorkbookDouble()}
      costCentres={['CC1']}
      getConnector={async () => connector}
      onOpenSettings={() => opened.push('settings')}
    />,
  );
  expect(await screen.findByText(/Connect in Settings › Team server/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Open Settings' }));
  expect(opened).toEqual(['settings']);
});

it("lists the user's cost centre's versions newest first, with where each came from", async () => {
  const { connector, reads } = versionsServer('online');
  render(<VersionsView workbook={createWorkbookDouble()} costCentres={['CC1']} getConnector={async () => connector} />);
  const items = await screen.findAllByTestId('version');
  expect(items.map((i) => i.textContent?.slice(0, 3))).toEqual(['v10', 'v2 ', 'v1 ']);
  expect(items[1].textContent).toContain('from proposal abcdef12 · approved by bob, carol · applied by alice');
  expect(items[2].textContent).toContain('created by vera');
  expect(reads).toEqual(['listVersions {"costCentre":"CC1"}']);
});

it('writes a version into the workbook, and shows the refusal when the sheet was edited since', async () => {
  const { connector } = versionsServer('online');
  const workbook = createWorkbookDouble();
  render(<VersionsView workbook={workbook} costCentres={['CC1']} getConnector={async () => connector} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Write v1 to the workbook' }));
  const wrote = await screen.findByText(notice('Wrote v1 into Budget CC1!A1:F4.'));
  // The cost centre drawn whole (plain text broke MKT-DIGITAL at its hyphen).
  expect([...wrote.querySelectorAll('[data-line-id]')].map((e) => e.textContent)).toEqual(['CC1']);
  fireEvent.click(screen.getByRole('button', { name: 'Write v2 to the workbook' }));
  expect(await screen.findByText(notice('Wrote v2 into Budget CC1!A1:F4 (it held v1).'))).toBeTruthy();
  const cells = (await workbook.readWorkbookState(['Budget CC1'])).sheets.get('Budget CC1')!.cells;
  expect(cells.slice(2).map((r) => r.slice(0, 2))).toEqual([
    ['6100', 700],
    ['6200', 800],
  ]);
  await workbook.applyWrites([{ op: 'cells', sheet: 'Budget CC1', address: 'B4', cells: [[900]] }]);
  fireEvent.click(screen.getByRole('button', { name: 'Write v1 to the workbook' }));
  expect((await screen.findByRole('alert')).textContent).toContain('6200 2026-01 (B4) was 800, now 900');
});

it('compares two versions side by side, changed lines first shown, all on request', async () => {
  const { connector, reads } = versionsServer('online');
  render(<VersionsView workbook={createWorkbookDouble()} costCentres={['CC1']} getConnector={async () => connector} />);
  await screen.findAllByTestId('version');
  fireEvent.change(screen.getByLabelText('Base'), { target: { value: ID1 } });
  fireEvent.change(screen.getByLabelText('Compare with'), { target: { value: ID2 } });
  fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
  const table = await screen.findByRole('table', { name: 'v1 compared with v2' });
  await waitFor(() => expect(reads).toContain(`compareVersions {"id":"${ID1}","otherId":"${ID2}"}`));
  const rows = within(table).getAllByRole('row');
  expect(rows.map((r) => r.textContent)).toEqual([
    'Linev1v2Change',
    '6100 · 2026-011,000700▼−300',
    '6200 · 2026-01500800▲+300',
    'Total1,5051,505–',
  ]);
  expect(screen.getByText('2 of 3 lines differ.')).toBeTruthy();
  fireEvent.click(screen.getByRole('switch', { name: 'Changed lines only' }));
  expect(within(table).getAllByRole('row')).toHaveLength(5);
});

it('lineage of a version made directly names who made it', () => {
  expect(lineageLine(versions[0])).toBe('created by vera');
  expect(lineageLine({ ...versions[0], createdBy: undefined, lineage: null })).toBe('');
});

it('lineage of a version made by a proposal, and by a reversal, names both proposals and the people', () => {
  const lineage = { action: 'apply', proposalId: '5e6f7a8b-0000', approvers: [{ who: 'bob' }, { who: 'carol' }] };
  expect(lineageLine({ ...versions[0], lineage: { ...lineage, appliedBy: 'alice' } })).toBe(
    'from proposal 5e6f7a8b · approved by bob, carol · applied by alice',
  );
  expect(lineageLine({ ...versions[0], lineage: { ...lineage, reverts: '1a2b3c4d-0000', appliedBy: 'alice' } })).toBe(
    'from reversal 5e6f7a8b of proposal 1a2b3c4d · approved by bob, carol · applied by alice',
  );
});

it('saves the edited sheet as a new version made from its version; offline it waits; a conflict is said to wait', async () => {
  const answers: (() => Promise<WriteOutcome<unknown>>)[] = [
    async () => ({ sent: true, body: { ...reforecast, lines: [], id: 'new', name: 'Trimmed', number: 11 } }),
    async () => ({ sent: false, queuedKey: 'k1' }),
    async () => {
      throw ConnectorErrors.conflict('The latest version changed since you read it (your version 2).', {}, {});
    },
  ];
  const { connector, writes, reads } = versionsServer('online', () => answers.shift()!(), [versions[0], reforecast]);
  const workbook = createWorkbookDouble();
  render(<VersionsView workbook={workbook} costCentres={['CC1']} getConnector={async () => connector} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Write Reforecast to the workbook' }));
  await screen.findByText(notice('Wrote Reforecast into Budget CC1!A1:F4.'));
  await workbook.applyWrites([{ op: 'cells', sheet: 'Budget CC1', address: 'B3', cells: [[650]] }]);
  const save = screen.getByRole('button', { name: 'Save the sheet as a new version' });
  expect(save).toHaveProperty('disabled', true);

  fireEvent.change(screen.getByLabelText("New version's name"), { target: { value: 'Trimmed' } });
  await act(async () => fireEvent.click(save));
  expect((await screen.findByRole('status', {}, { timeout: 10000 })).textContent).toBe(
    'Saved Budget CC1 as "Trimmed", forecast 2026 number 11, made from Reforecast.',
  );
  expect(writes[0]).toMatchObject({
    endpoint: 'createVersion',
    ifMatch: 2,
    body: newVersion(
      'Trimmed',
      [
        { account: '6100', period: '2026-01', amount: 650 },
        { account: '6200', period: '2026-01', amount: 800 },
      ],
      { kind: 'forecast' },
    ),
  });
  // The list is read again after the save.
  await waitFor(() => expect(reads.filter((r) => r.startsWith('listVersions'))).toHaveLength(2));

  fireEvent.change(screen.getByLabelText("New version's name"), { target: { value: 'Offline' } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save the sheet as a new version' })));
  expect((await screen.findByRole('alert', {}, { timeout: 10000 })).textContent).toBe(
    'The team server cannot be reached: "Offline" waits in the queue and is saved when it is back (Settings › Team server).',
  );
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save the sheet as a new version' })));
  await waitFor(
    () =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The latest version changed since you read it (your version 2). Another version was saved since the one on the sheet: in Settings › Team server, put yours on top of it or drop yours.',
      ),
    { timeout: 10000 },
  );
  expect(writes).toHaveLength(3);
}, 60000);

it('an edited budget sheet is not saved: the pane says the budget changes through a proposal, and sends nothing', async () => {
  const { connector, writes } = versionsServer('online');
  const workbook = createWorkbookDouble();
  render(<VersionsView workbook={workbook} costCentres={['CC1']} getConnector={async () => connector} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Write v2 to the workbook' }));
  await screen.findByText(notice('Wrote v2 into Budget CC1!A1:F4.'));
  await workbook.applyWrites([{ op: 'cells', sheet: 'Budget CC1', address: 'B3', cells: [[650]] }]);
  fireEvent.change(screen.getByLabelText("New version's name"), { target: { value: 'Trimmed' } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save the sheet as a new version' })));
  expect((await screen.findByRole('alert', {}, { timeout: 10000 })).textContent).toBe(
    'The sheet "Budget CC1" holds budget v2 of CC1 for 2026, the budget of record: it changes only through a proposal ' +
      'that another person approves. Propose the lines to change from Proposals; when it is applied, write the new ' +
      'version here from the list.',
  );
  expect(writes).toHaveLength(0);
}, 60000);

it('a cost centre without versions is named whole, as in tables', async () => {
  const { connector } = versionsServer('online', undefined, []);
  render(
    <VersionsView
      workbook={createWorkbookDouble()}
      costCentres={['MKT-DIGITAL']}
      getConnector={async () => connector}
    />,
  );
  const none = await screen.findByText(
    (_, e) => e?.tagName === 'SPAN' && /^No versions of MKT-DIGITAL yet\./.test(e.textContent ?? ''),
  );
  // Plain text broke "MKT-" over "DIGITAL" at 320 px.
  expect([...none.querySelectorAll('[data-line-id]')].map((e) => e.textContent)).toEqual(['MKT-DIGITAL']);
});
