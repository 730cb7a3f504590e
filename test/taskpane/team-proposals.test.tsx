/**
 * The Proposals view signed in to a team server, against a fake of the server's proposal routes
 * behind the connector: the server's proposals replace the local list, each card offers only the
 * moves the server accepts from the signed-in user (the submitter sees no Approve button), a 403
 * shows the server's message, a move made offline is said to wait in the queue, an apply names the
 * version the server made, and a candidate is drafted on the server with its accounts and month.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { apiClient, ConnectorErrors, type QueuedWrite } from '../../src/connector';
import { connectorDouble } from './connector-double';
import type { AuthUser } from '../../src/model/roles';
import type { TeamProposal } from '../../src/model/team-proposal';
import { TeamProposals } from '../../taskpane/components/proposals/TeamProposals';
import { APPROVER, CONTROLLER, proposal, step } from '../model/sample-team-proposal';
import { openProposals } from './open-proposals';
import { sampleSheet } from '../../taskpane/review/sample-sheet';
import { createMemoryRepository } from '../../src/store/memory-repository';

const ann: AuthUser = { id: 'ann', roles: ['analyst', 'budget_owner', 'approver'], costCentres: ['CC1'] };
const bob: AuthUser = { id: 'bob', roles: ['approver'], costCentres: ['CC1'] };

const submitted = {
  ...proposal('submitted', [step(1, APPROVER, 'pending'), step(2, CONTROLLER, 'waiting')]),
  id: 'p-sub',
};
const draft = { ...proposal('draft'), id: 'p-draft', createdAt: '2026-03-02T09:00:00Z' };
const approved = { ...proposal('approved', [step(1, APPROVER, 'approved', 'bob')]), id: 'p-ok', version: 7 };

type Answer = (write: QueuedWrite) => Promise<unknown>;

/** A connector signed in as `user` whose server holds `stored` and answers each write with `answer`. */
function fakeConnector(user: AuthUser, stored: TeamProposal[], answer: Answer) {
  const reads: string[] = [];
  const { connector, writes } = connectorDouble({
    state: { status: 'online', baseUrl: 'https://fpa.example.com', user },
    answer,
    read: (endpoint, params, query) => {
      reads.push(`${endpoint} ${query.costCentre ?? ''}`.trim());
      // No approvals waiting, and no team KPIs or remembered moves on this server.
      if (['listApprovals', 'listKpis', 'listAdjustments'].includes(endpoint)) return [];
      if (endpoint === 'getProposal') return stored.find((p) => p.id === params.id);
      return stored.filter((p) => p.costCentres.includes(query.costCentre ?? ''));
    },
  });
  return { connector, writes, reads };
}

function renderList(
  user: AuthUser,
  stored: TeamProposal[],
  answer: Answer,
  onMoved?: (proposal: TeamProposal) => void,
) {
  const fake = fakeConnector(user, stored, answer);
  render(
    <TeamProposals
      signedIn={{ server: 'https://fpa.example.com', user, api: apiClient(fake.connector) }}
      scanned={[]}
      onMoved={onMoved}
    />,
  );
  return fake;
}

const cardOf = async (id: string) => screen.findByRole('group', { name: `Proposal ${id}` }, { timeout: 10000 });
const buttonsOf = (card: HTMLElement) =>
  within(card)
    .queryAllByRole('button')
    .map((b) => b.textContent);

test('the submitter sees no Approve button on her own proposal, only why, and submits her draft', async () => {
  const fake = renderList(ann, [submitted, draft, approved], async () => ({
    sent: true,
    body: { ...draft, state: 'submitted', version: 3, history: [], chain: [] },
  }));
  const own = await cardOf('p-sub');
  expect(buttonsOf(own)).toEqual([]);
  expect(within(own).getByTestId('proposal-waiting').textContent).toBe(
    'Waiting for step 1 of 2 (Cost-centre approver, approver role). You may not decide it: ann wrote or submitted this proposal; separation of duties: another person approves it.',
  );
  expect(within(own).getByRole('list', { name: 'Approval chain of p-sub' }).textContent).toMatch(
    /Step 1 Cost-centre approver \(approver\): pending.*Step 2 Finance controller \(controller\): waiting/,
  );
  expect(buttonsOf(await cardOf('p-draft'))).toEqual(['Submit']);
  expect(buttonsOf(await cardOf('p-ok'))).toEqual(['Apply']);
  // Newest first.
  expect(screen.getAllByTestId('proposal').map((c) => c.getAttribute('aria-label'))[0]).toBe('Proposal p-draft');

  const submitCard = await cardOf('p-draft');
  await act(async () => fireEvent.click(within(submitCard).getByRole('button', { name: 'Submit' })));
  await waitFor(() => expect(fake.writes).toHaveLength(1));
  expect(fake.writes[0]).toMatchObject({
    endpoint: 'transitionProposal',
    pathParams: { id: 'p-draft', verb: 'submit' },
    ifMatch: draft.version,
    body: {},
  });
  // The list is read again after the move.
  await waitFor(() => expect(fake.reads.filter((r) => r === 'listProposals CC1')).toHaveLength(2));
}, 30000);

test('a refused approval shows the server’s 403 message on the card', async () => {
  const why =
    'You may not decide this step: bob already decided a step of this proposal; each step needs another person.';
  renderList(bob, [submitted], async () => {
    throw ConnectorErrors.forbidden(why, 'SERVER_FORBIDDEN_STEP');
  });
  const card = await cardOf('p-sub');
  expect(buttonsOf(card)).toEqual(['Approve', 'Reject']);
  await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Approve' })));
  expect((await within(card).findByRole('alert', {}, { timeout: 10000 })).textContent).toBe(why);
}, 30000);

test('offline, a move is said to wait in the queue', async () => {
  renderList(bob, [submitted], async () => ({ sent: false, queuedKey: 'k1' }));
  const approveCard = await cardOf('p-sub');
  await act(async () => fireEvent.click(within(approveCard).getByRole('button', { name: 'Approve' })));
  expect((await screen.findByRole('alert', {}, { timeout: 10000 })).textContent).toMatch(
    /^The team server cannot be reached: "approve" on p-sub waits in the queue/,
  );
}, 30000);

test('an apply names the version the server made, and the view is told of it for the memory of moves', async () => {
  const moved: [string, string][] = [];
  renderList(
    ann,
    [approved],
    async () => ({
      sent: true,
      body: {
        ...approved,
        state: 'applied',
        versions: [{ id: 'v-2', costCentre: 'CC1', name: 'v2', action: 'apply' }],
      },
    }),
    (proposal) => void moved.push([proposal.id, proposal.state]),
  );
  const applyCard = await cardOf('p-ok');
  await act(async () => fireEvent.click(within(applyCard).getByRole('button', { name: 'Apply' })));
  const applied = await screen.findByRole('status', {}, { timeout: 10000 });
  expect(applied.textContent).toBe('Applied: the server made v2 of CC1. Write it into the workbook from Versions.');
  // The cost centre drawn whole, as in tables (a line id in a sentence broke at its hyphen at 320 px).
  expect([...applied.querySelectorAll('[data-line-id]')].map((e) => e.textContent)).toEqual(['CC1']);
  expect(moved).toEqual([['p-ok', 'applied']]);
}, 30000);

const applied = { ...proposal('applied', [step(1, APPROVER, 'approved', 'bob')]), id: 'p-app', version: 4 };
const reversal = {
  ...proposal('submitted', [step(1, APPROVER, 'pending')]),
  id: 'r-1',
  reverts: 'p-app',
  reason: 'campaign cancelled',
  createdBy: 'ann',
  authors: ['ann'],
  lines: applied.lines.map((l) => ({ ...l, before: l.after, after: l.before })),
};

test('team mode: Revert is "Propose a reversal", with a comment; the card then shows the open reversal', async () => {
  const message =
    'Reversal r-1 of p-app is submitted: one approval step, first Cost-centre approver (approver role). The budget does not change until another person approves it and it is applied; you may not approve it yourself.';
  // The server: the reversal is stored, and the original shows it.
  const stored: TeamProposal[] = [applied];
  const fake = renderList(ann, stored, async () => {
    stored.splice(0, 1, { ...applied, reversal: { id: 'r-1', state: 'submitted' } }, reversal);
    return { sent: true, body: { reversal, message } };
  });
  const card = await cardOf('p-app');
  expect(buttonsOf(card)).toEqual(['Propose a reversal']);
  expect(card.textContent).toContain('Required to reject or to propose a reversal.');
  // Without a comment nothing is sent.
  await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Propose a reversal' })));
  expect((await within(card).findByRole('alert', {}, { timeout: 10000 })).textContent).toBe(
    'To propose a reversal, a comment saying why is required.',
  );
  expect(fake.writes).toHaveLength(0);
  fireEvent.change(within(card).getByRole('textbox', { name: 'Comment on p-app' }), {
    target: { value: 'campaign cancelled' },
  });
  await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Propose a reversal' })));
  await waitFor(() => expect(fake.writes).toHaveLength(1));
  expect(fake.writes[0]).toMatchObject({
    endpoint: 'transitionProposal',
    pathParams: { id: 'p-app', verb: 'revert' },
    ifMatch: 4,
    body: { comment: 'campaign cancelled' },
  });
  expect((await screen.findByRole('status', {}, { timeout: 10000 })).textContent).toBe(message);
  // Read again: the original waits for its reversal, which ann (its author) may not approve.
  const asked = await cardOf('r-1');
  expect(buttonsOf(asked)).toEqual([]);
  expect(within(asked).getByTestId('proposal-waiting').textContent).toMatch(
    /^Waiting for step 1 of 1 .* You may not decide it: ann wrote or submitted this proposal/,
  );
  await waitFor(() => expect(buttonsOf(card)).toEqual([]));
  expect(within(card).getByTestId('reversal-note').textContent).toMatch(/^Reversal r-1 is submitted/);
}, 30000);

test('an applied proposal with an open reversal offers nothing and says so; the reversal is marked as one', async () => {
  renderList(bob, [{ ...applied, reversal: { id: 'r-1', state: 'submitted' } }, reversal], async () => ({
    sent: false,
  }));
  const original = await cardOf('p-app');
  expect(buttonsOf(original)).toEqual([]);
  expect(within(original).getByTestId('reversal-note').textContent).toBe(
    'Reversal r-1 is submitted: the budget goes back when another person has approved it and it is applied.',
  );
  const card = await cardOf('r-1');
  expect(buttonsOf(card)).toEqual(['Approve', 'Reject']);
  expect(card.textContent).toContain('Reversal of p-app. campaign cancelled.');
  expect(within(card).getByTestId('reversal-note').textContent).toBe(
    'Reversal of p-app: applying it restores the amounts before p-app and marks it reverted.',
  );
}, 30000);

test('applying a reversal says the original is reverted, and tells the view which proposal it reverted', async () => {
  const moved: (string | null)[] = [];
  const approvedReversal = { ...reversal, state: 'approved' as const, chain: [step(1, APPROVER, 'approved', 'bob')] };
  renderList(
    ann,
    [approvedReversal],
    async () => ({
      sent: true,
      body: {
        ...approvedReversal,
        state: 'applied',
        versions: [{ id: 'v-3', costCentre: 'CC1', name: 'v3', action: 'apply' }],
      },
    }),
    (p) => void moved.push(p.reverts),
  );
  const card = await cardOf('r-1');
  await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Apply' })));
  expect((await screen.findByRole('status', {}, { timeout: 10000 })).textContent).toBe(
    'Applied the reversal: p-app is reverted and the server made v3 of CC1. Write it into the workbook from Versions.',
  );
  expect(moved).toEqual(['p-app']);
}, 30000);

it('signed in, the view lists the server’s proposals and drafts a candidate there, in the month asked', async () => {
  const fake = fakeConnector({ id: 'ann', roles: ['analyst'], costCentres: '*' }, [], async (write) => ({
    sent: true,
    body: { ...draft, ...(write.body as object) },
  }));
  await openProposals(sampleSheet(), createMemoryRepository(), async () => fake.connector);
  await screen.findByText('No proposal on the team server for you yet.', {}, { timeout: 10000 });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Find candidates' }));
  });
  const candidates = await screen.findByTestId('candidates', {}, { timeout: 20000 });
  const draftButton = within(candidates).getByRole('button', { name: /^Draft on the team server from candidate \d$/ });
  fireEvent.click(draftButton);
  expect((await screen.findByRole('alert', {}, { timeout: 10000 })).textContent).toMatch(/^Budget month: enter/);
  expect(fake.writes).toHaveLength(0);
  fireEvent.change(within(candidates).getByLabelText('Budget month'), { target: { value: '2026-03' } });
  await act(async () => fireEvent.click(draftButton));
  await waitFor(() => expect(fake.writes).toHaveLength(1));
  const body = fake.writes[0].body as { fiscalYear: number; lines: { account: string; period: string }[] };
  expect(fake.writes[0].endpoint).toBe('createProposal');
  expect(body.fiscalYear).toBe(2026);
  expect(body.lines.length).toBeGreaterThan(0);
  expect(body.lines.every((l) => l.period === '2026-03' && l.account !== '')).toBe(true);
  // The scanned sheet's cost centres are listed for a token that holds every cost centre.
  expect(fake.reads.some((r) => r.startsWith('listProposals '))).toBe(true);
}, 60000);

it('an apply queued offline is remembered once it lands, with the version the server made', async () => {
  const owner: AuthUser = { id: 'ann', roles: ['analyst', 'budget_owner'], costCentres: ['MKT'] };
  const mkt = {
    ...approved,
    costCentre: 'MKT',
    costCentres: ['MKT'],
    lines: [
      { id: 'MKT-ADS', costCentre: 'MKT', account: 'Advertising', period: '2026-09', before: 120000, after: 130000 },
      { id: 'MKT-EVENTS', costCentre: 'MKT', account: 'Events', period: '2026-09', before: 72000, after: 62000 },
    ],
  };
  // The server: the proposal approved until the queued apply lands, then applied with v2 of MKT.
  let onServer: TeamProposal = mkt;
  const { connector, writes, publish, sent } = connectorDouble({
    state: { status: 'offline', baseUrl: 'https://fpa.example.com', user: owner },
    answer: () => ({ sent: false, queuedKey: 'key-apply' }),
    read: (endpoint, params, query) => {
      if (endpoint === 'getProposal' && params.id === onServer.id) return onServer;
      if (endpoint === 'listProposals' && query.costCentre === 'MKT') return [onServer];
      return [];
    },
  });
  const repository = createMemoryRepository();
  await openProposals(sampleSheet(), repository, async () => connector);
  const card = await cardOf('p-ok');
  await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Apply' })));
  await screen.findByText(
    /^The team server cannot be reached: "apply" on p-ok waits in the queue/,
    {},
    { timeout: 10000 },
  );
  expect(writes.map((w) => w.pathParams)).toEqual([{ id: 'p-ok', verb: 'apply' }]);
  expect(await repository.list('adjustments')).toEqual([]);

  // The queue is replayed (Settings › Team server): the connector tells of the apply it sent, and
  // the pane settles the held moves against the server.
  onServer = { ...mkt, state: 'applied', versions: [{ id: 'v-2', costCentre: 'MKT', name: 'v2', action: 'apply' }] };
  await act(async () => {
    publish({ status: 'online' });
    sent({
      key: 'key-apply',
      write: { ...writes[0], key: 'key-apply', createdAt: 0, attempts: 1, nextAttemptAt: 0 },
      response: { status: 200, body: onServer, replayed: true },
    });
  });
  const landed = await screen.findByText(
    (_, e) =>
      e?.getAttribute('role') === 'status' &&
      e.textContent ===
        'Applied from the queue: p-ok, the server made v2 of MKT; its moves are in the memory of adjustments.',
    {},
    { timeout: 10000 },
  );
  // The cost centre drawn whole, as in tables (the notice drew it as plain text, breakable at a hyphen).
  expect([...landed.querySelectorAll('[data-line-id]')].map((e) => e.textContent)).toEqual(['MKT']);
  const memory = await screen.findByTestId('adjustment-memory', {}, { timeout: 10000 });
  expect([...memory.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
    expect.stringMatching(/^MKT-ADS raise \+.* \(p-ok\): outcome measured once period/),
    expect.stringMatching(/^MKT-EVENTS cut −.* \(p-ok\): outcome measured once period/),
  ]);
  expect((await repository.list('adjustments')).map((r) => r.proposal)).toEqual(['p-ok', 'p-ok']);
}, 60000);

test('a step added for a move split under its minimum says why: the proposals moved together, those the reader may not read counted', async () => {
  const cfo = { name: 'CFO', role: 'cfo' as const, costCentre: '*' as const, minAmount: 50000, deadlineHours: 72 };
  const split: TeamProposal = {
    ...proposal('submitted', [
      step(1, APPROVER, 'pending'),
      {
        ...step(2, cfo, 'waiting'),
        addedFor: {
          minAmount: 50000,
          amount: 49999,
          amountTogether: 129998,
          together: [{ id: 'p-half', amount: 49999, state: 'approved', costCentres: ['CC1'] }],
          hidden: 1,
        },
      },
    ]),
    id: 'p-split',
  };
  renderList(bob, [split], async () => ({ sent: true, body: {} }));
  const card = await cardOf('p-split');
  const notes = within(card).getAllByTestId('step-added-for');
  expect(notes.map((n) => n.textContent)).toEqual([
    'On the chain because, with p-half (49,999, approved), 1 you may not read by the same author on the same lines this year, 129,998 moves together: at least 50,000.',
  ]);
  // The step its own amount reaches says nothing more.
  expect(within(card).getByRole('list', { name: 'Approval chain of p-split' }).textContent).toMatch(
    /Step 1 Cost-centre approver \(approver\): pending.*Step 2 CFO \(cfo\): waiting/,
  );
}, 30000);
