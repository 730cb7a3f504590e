/**
 * Write-back through the Office.js workbook (office-addin-mock): Apply snapshots and writes the
 * budget cells, Revert restores them, both append an audit record; Apply refuses a stale range,
 * saying what changed, and writes nothing; the state machine refuses the wrong role.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { createOfficeWorkbook } from '../../taskpane/workbook/office-workbook';
import { createMemoryRepository } from '../../src/store/memory-repository';
import { newProposal, transition } from '../../src/model/proposal-machine';
import type { StoredProposal } from '../../taskpane/review/proposals';
import { loadProposals, proposalFromCandidate } from '../../taskpane/review/proposals';
import { applyProposal, revertProposal, staleCells } from '../../taskpane/review/write-back';
import type { Cell } from '../../taskpane/workbook/types';

/** A mock Excel whose sheet "Budget" holds `cells` at E2:E4 and records every range write. */
function mockExcel(initial: Cell[][]) {
  const cells = { values: initial.map((r) => [...r]) };
  const writes: { sheet: string; address: string; values: unknown }[] = [];
  const sheet = (name: string) => ({
    getRange: (address: string) => {
      const range = {
        address: `${name}!${address}`,
        get values() {
          return cells.values;
        },
        set values(v: Cell[][]) {
          writes.push({ sheet: name, address, values: v });
          cells.values = v.map((r) => [...r]);
        },
        load: () => undefined,
      };
      return range;
    },
  });
  const context = new OfficeMockObject({
    workbook: { worksheets: { getItem: (name: string) => sheet(name), getActiveWorksheet: () => sheet('Active') } },
  });
  const workbook = createOfficeWorkbook(
    async (batch) => batch(context as unknown as Excel.RequestContext),
    () => ({ get: () => null, set: () => undefined, saveAsync: () => undefined }),
  );
  return { workbook, cells, writes };
}

const admin = { name: 'ada', role: 'admin' as const };
const owner = { name: 'oli', role: 'owner' as const, costCentres: ['A', 'B'] };
const analyst = { name: 'ann', role: 'analyst' as const };

function approvedProposal(): StoredProposal {
  const draft = proposalFromCandidate(
    'P1',
    {
      tradeOff: 't',
      weightedReturn: 1,
      risk: 1,
      disruption: 20,
      lines: [
        { id: 'L1', costCentre: 'A', current: 100, proposed: 110, change: 10 },
        { id: 'L2', costCentre: 'B', current: 200, proposed: 190, change: -10 },
        { id: 'L3', costCentre: 'C', current: 300, proposed: 300, change: 0 },
      ],
    },
    'Budget!E2:E4',
    'ann',
    '2026-01-01T09:00:00Z',
  );
  expect(draft.record.costCentres).toEqual(['A', 'B']);
  let record = transition(draft.record, 'submit', analyst, '2026-01-01T10:00:00Z');
  record = transition(record, 'approve', owner, '2026-01-01T11:00:00Z');
  return { ...draft, record };
}

describe('write-back through Office.js', () => {
  it('applies after a snapshot, reverts to it, and audits both', async () => {
    const { workbook, cells, writes } = mockExcel([[100], [200], [300]]);
    const repository = createMemoryRepository();
    const applied = await applyProposal(workbook, repository, approvedProposal(), admin, '2026-01-02T08:00:00Z');
    expect(applied.record.state).toBe('applied');
    expect(applied.snapshot).toEqual([[100], [200], [300]]);
    expect(writes).toEqual([{ sheet: 'Budget', address: 'E2:E4', values: [[110], [190], [300]] }]);
    expect(cells.values).toEqual([[110], [190], [300]]);

    const reverted = await revertProposal(
      workbook,
      repository,
      applied,
      admin,
      '2026-01-03T08:00:00Z',
      'wrong quarter',
    );
    expect(reverted.record.state).toBe('reverted');
    expect(cells.values).toEqual([[100], [200], [300]]);

    const { proposals, audit } = await loadProposals(repository);
    expect(proposals[0].record.state).toBe('reverted');
    // The nth record of P1's audit trail: ada moved lines L1–L3 from `before` to `after` at 08:00 UTC on `day`.
    const record = (n: number, action: string, before: number[], after: number[], day: string) => ({
      id: `audit:P1:${n}`,
      kind: 'audit',
      proposal: 'P1',
      action,
      lines: ['L1', 'L2', 'L3'],
      before,
      after,
      who: 'ada',
      when: `${day}T08:00:00Z`,
    });
    expect(audit).toEqual([
      record(1, 'apply', [100, 200, 300], [110, 190, 300], '2026-01-02'),
      record(2, 'revert', [110, 190, 300], [100, 200, 300], '2026-01-03'),
    ]);
  });

  it('refuses a stale range, saying what changed, and writes nothing', async () => {
    const { workbook, writes } = mockExcel([[100], [250], ['n/a']]);
    const repository = createMemoryRepository();
    await expect(
      applyProposal(workbook, repository, approvedProposal(), admin, '2026-01-02T08:00:00Z'),
    ).rejects.toThrow(
      'The budget range Budget!E2:E4 changed since the proposal was made: L2 was 200, now 250; L3 was 300, now n/a.',
    );
    expect(writes).toEqual([]);
    expect((await loadProposals(repository)).audit).toEqual([]);
  });

  it.each([
    ['en-US', 'L2 was 200, now 2,500.5'],
    ['de-DE', 'L2 was 200, now 2.500,5'],
    ['fr-FR', 'L2 was 200, now 2\u202f500,5'],
  ])('refuses a stale range with its amounts in the pane’s number style (%s)', async (locale, phrase) => {
    const { workbook } = mockExcel([[100], [2500.5], [300]]);
    const numbers = { locale, minus: 'true' as const };
    await expect(
      applyProposal(workbook, createMemoryRepository(), approvedProposal(), admin, '2026-01-02T08:00:00Z', '', numbers),
    ).rejects.toThrow(`changed since the proposal was made: ${phrase}.`);
  });

  it('refuses the wrong role or state before touching the workbook', async () => {
    const { workbook, writes } = mockExcel([[100], [200], [300]]);
    const repository = createMemoryRepository();
    await expect(applyProposal(workbook, repository, approvedProposal(), owner, 'x')).rejects.toThrow(/admin/);
    const draft = { ...approvedProposal(), record: newProposal('P1', ['A']) };
    await expect(applyProposal(workbook, repository, draft, admin, 'x')).rejects.toThrow(/approved/);
    await expect(revertProposal(workbook, repository, approvedProposal(), admin, 'x', 'why')).rejects.toThrow(
      /applied/,
    );
    expect(writes).toEqual([]);
  });

  it('lists a changed row count as stale', () => {
    expect(staleCells(approvedProposal(), [[100], [200]])).toEqual([
      'L3 was 300, now blank',
      'the range has 2 rows, the proposal 3 lines',
    ]);
  });
});

describe('write-back through the workbook double', () => {
  it('refuses Apply once a budget cell was edited, and applies on the unchanged sheet', async () => {
    const { createWorkbookDouble } = await import('../../taskpane/workbook/workbook-double');
    const values: Cell[][] = [
      ['id', 'budget'],
      ['L1', 100],
      ['L2', 200],
      ['L3', 300],
    ];
    const double = createWorkbookDouble({ selection: { address: 'Budget!D1:E4', values } });
    const repository = createMemoryRepository();
    values[2][1] = 205;
    await expect(applyProposal(double, repository, approvedProposal(), admin, 't')).rejects.toThrow(
      'L2 was 200, now 205',
    );
    values[2][1] = 200;
    await applyProposal(double, repository, approvedProposal(), admin, 't');
    expect(values.slice(1).map((r) => r[1])).toEqual([110, 190, 300]);
    expect(double.writes).toHaveLength(1);
  });
});
