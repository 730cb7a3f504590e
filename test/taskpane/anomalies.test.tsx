/**
 * The Anomalies view with the workbook double holding the sample plan/actual sheet: scan, filter,
 * the four decisions stored with who and when, a dismissed flag not raised again unless it worsens,
 * and the reviewer's own cost centres first. Also the layout reader and the queue rules on their own.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FlagCard } from '../../taskpane/components/anomalies/FlagCard';
import { renderPane } from './render-pane';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';
import { createMemoryRepository } from '../../src/store/memory-repository';
import type { Repository } from '../../src/store/repository';
import type { Flag } from '../../src/anomaly/types';
import { scanBudgetSheet } from '../../taskpane/review/budget-layout';
import { isSuppressed, recordDecision, reviewQueue, NO_FILTER, loadReviews } from '../../taskpane/review/decisions';
import { FLAG_KINDS, flagId, severityBand } from '../../src/model/flag';
import { chartLegend, KIND_COLOURS, severityColour } from '../../taskpane/components/anomalies/flag-style';
import { sampleSheet, wideSampleSheet } from '../../taskpane/review/sample-sheet';
import { saveIdentity } from '../../taskpane/review/identity';
import { scanRange } from '../../taskpane/review/use-review';
import type { Connector } from '../../src/connector';
import { connectorDouble } from './connector-double';
import { loopFlag } from '../loop/fixtures';

const latestOf = (reviews: Awaited<ReturnType<typeof loadReviews>>, id: string) => reviews.get(id)?.decisions.at(-1);
const SHEET = { address: 'Budget!A1:AC7', values: sampleSheet() };

function renderAnomalies(
  repository: Repository,
  selection = { address: SHEET.address, values: sampleSheet() },
  getConnector?: () => Promise<Connector>,
) {
  const workbook = createWorkbookDouble({ selection });
  renderPane(repository, { workbook, initialTab: 'anomalies', ...(getConnector ? { getConnector } : {}) });
  return workbook;
}

/** A one-period overspend of 100 on L1, severity 0.6. */
const flag = (over: Partial<Flag> = {}): Flag =>
  loopFlag({ line: 'L1', kind: 'overspend', severity: 0.6, amount: 100, persistent: false, ongoing: false, ...over });

describe('budget layout', () => {
  it('reads lines, periods and the budget column address from the sample sheet', () => {
    const scan = scanBudgetSheet(SHEET);
    expect(scan.periods.slice(0, 2)).toEqual(['Jan', 'Feb']);
    expect(scan.lines.map((l) => l.id)).toEqual([
      'MKT-ADS',
      'MKT-EVENTS',
      'IT-LIC',
      'IT-CLOUD',
      'OPS-TRAVEL',
      'OPS-TRAIN',
    ]);
    expect(scan.lines[0].actual[11]).toBeNull();
    expect(scan.budgets[0]).toBe(120000);
    expect(scan.budgetAddress).toBe('Budget!E2:E7');
  });

  it('says what is missing from a header', () => {
    expect(() =>
      scanBudgetSheet({
        address: 'A1:B2',
        values: [
          ['name', 'plan 1'],
          ['x', 1],
        ],
      }),
    ).toThrow('No "id" column');
    expect(() =>
      scanBudgetSheet({
        address: 'A1:B2',
        values: [
          ['id', 'plan 1'],
          ['x', 1],
        ],
      }),
    ).toThrow('found 1 plan and 0 actual');
  });
});

describe('the flags’ sentences in the pane’s locale', () => {
  it('writes the same one-off in en-US, de-DE and fr-FR (src/ builds it; the pane passes its style)', () => {
    const travel = (locale: string) =>
      scanRange(SHEET, { locale }).flags.find((f) => f.line === 'OPS-TRAVEL')?.explanation;
    const tail = "70× the spread of the line's other periods.";
    expect(travel('en-US')).toBe(`One-off in Jun: 7,516 against a plan of 4,000, 3,516 (87.9%) over plan, ${tail}`);
    expect(travel('de-DE')).toBe(
      `One-off in Jun: 7.516 against a plan of 4.000, 3.516 (87,9\u00a0%) over plan, ${tail}`,
    );
    expect(travel('fr-FR')).toBe(
      `One-off in Jun: 7\u202f516 against a plan of 4\u202f000, 3\u202f516 (87,9\u00a0%) over plan, ${tail}`,
    );
  });
});

describe('review queue rules', () => {
  it('keeps a dismissed flag hidden unless it worsens', async () => {
    const repository = createMemoryRepository();
    const record = await recordDecision(repository, flag(), {
      action: 'dismiss',
      comment: 'known timing',
      who: 'ann',
      when: '2026-01-01T00:00:00Z',
    });
    expect(isSuppressed(flag(), record)).toBe(true);
    expect(isSuppressed(flag({ amount: 99 }), record)).toBe(true);
    expect(isSuppressed(flag({ amount: 150 }), record)).toBe(false);
    expect(isSuppressed(flag({ severity: 0.8 }), record)).toBe(false);
    await expect(
      recordDecision(repository, flag(), { action: 'explain', comment: ' ', who: 'ann', when: 'x' }),
    ).rejects.toThrow('needs a comment');
  });

  it('puts the reviewer’s own cost centres first, then rank order', () => {
    const lines = [
      { id: 'A', costCentre: 'X', account: '', owner: 'o', plan: [], actual: [] },
      { id: 'B', costCentre: 'Y', account: '', owner: 'p', plan: [], actual: [] },
    ];
    const flags = [flag({ line: 'A' }), flag({ line: 'B' })];
    expect(reviewQueue(flags, lines, new Map(), NO_FILTER, ['Y']).map((f) => f.line)).toEqual(['B', 'A']);
    expect(reviewQueue(flags, lines, new Map(), { ...NO_FILTER, owner: 'o' }, []).map((f) => f.line)).toEqual(['A']);
  });
});

describe('Anomalies view', () => {
  it('signed in, the team’s decisions are read in after a scan and a decision is shared as the signed-in user', async () => {
    const scanned = scanRange(SHEET);
    const theirs = scanned.flags[0];
    const centre = scanned.lines.find((l) => l.id === theirs.line)!.costCentre;
    const reads: string[] = [];
    const { getConnector, writes } = connectorDouble({
      state: {
        status: 'online',
        baseUrl: 'https://fpa.example.com',
        user: { id: 'ana', roles: ['analyst'], costCentres: '*' },
      },
      answer: () => ({ sent: true, body: {} }),
      read: (endpoint, _params, query) => {
        reads.push(`${endpoint} ${query.costCentre}`);
        return query.costCentre === centre
          ? [
              {
                id: 'r-1',
                costCentre: centre,
                flagId: flagId(theirs),
                decision: 'dismissed',
                comment: 'known timing',
                decidedBy: 'bo',
                decidedAt: '2026-03-01T08:00:00.000Z',
              },
            ]
          : [];
      },
    });
    const repository = createMemoryRepository();
    renderAnomalies(repository, undefined, getConnector);
    fireEvent.click(await screen.findByRole('button', { name: 'Scan selection' }, { timeout: 10000 }));
    await screen.findByText(/1 dismissed and not worse/, {}, { timeout: 10000 });
    expect(reads).toContain(`listReviews ${centre}`);
    expect(latestOf(await loadReviews(repository), flagId(theirs))).toMatchObject({ who: 'bo', serverId: 'r-1' });

    const card = within(screen.getByTestId('flag-queue')).getAllByTestId('flag')[0];
    fireEvent.click(within(card).getByRole('button', { name: 'Escalate' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ endpoint: 'createReview', body: { decision: 'escalated' } });
    const mine = [...(await loadReviews(repository)).values()].find((r) => r.decisions.some((d) => d.who === 'ana'));
    expect(mine?.decisions.at(-1)).toMatchObject({ action: 'escalate', who: 'ana' });
  }, 30000);

  it('scans the selection, filters, and records decisions with who and when', async () => {
    const repository = createMemoryRepository();
    await saveIdentity(repository, { name: 'olu', role: 'owner', costCentres: ['OPS'] });
    renderAnomalies(repository);
    fireEvent.click(await screen.findByRole('button', { name: 'Scan selection' }, { timeout: 10000 }));
    await screen.findByText(/^6 lines over 12 periods: \d+ flags/, {}, { timeout: 10000 });
    // Own cost centre first.
    const first = () => within(screen.getByTestId('flag-queue')).getAllByTestId('flag')[0];
    await waitFor(() => expect(first().getAttribute('aria-label')).toMatch(/^Flag OPS-/));
    expect(within(first()).getByRole('img').getAttribute('aria-label')).toContain('actual (solid) against plan');
    // The chart's title names the line whole ("OPS-TRAVEL: actual against plan" broke at its hyphen as plain text).
    const title = within(first()).getByText(
      (_, e) => e?.tagName === 'SPAN' && /: actual against plan$/.test(e.textContent ?? ''),
    );
    expect(title.querySelector('[data-line-id]')?.textContent).toMatch(/^OPS-/);

    fireEvent.change(screen.getByRole('combobox', { name: 'Cost centre' }), { target: { value: 'MKT' } });
    const mkt = within(screen.getByTestId('flag-queue')).getAllByTestId('flag');
    expect(mkt.every((el) => /^Flag MKT-/.test(el.getAttribute('aria-label') ?? ''))).toBe(true);
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'shift' } });
    const shift = within(screen.getByTestId('flag-queue')).getAllByTestId('flag')[0];
    const name = shift.getAttribute('aria-label')!.replace(/^Flag /, '');

    // Explain without a comment is refused; with one it is stored and shown.
    fireEvent.click(within(shift).getByRole('button', { name: 'Explain' }));
    expect(within(shift).getByRole('alert').textContent).toContain('Write the explanation');
    fireEvent.change(within(shift).getByLabelText(`Comment on ${name}`), {
      target: { value: 'new campaign started in September' },
    });
    fireEvent.click(within(shift).getByRole('button', { name: 'Explain' }));
    await within(shift).findByText(/^Explained by olu at .*: new campaign started in September$/);

    // Dismiss with a reason: the flag leaves the queue and is remembered.
    fireEvent.change(within(shift).getByLabelText(`Comment on ${name}`), { target: { value: 'one-off' } });
    fireEvent.click(within(shift).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: `Flag ${name}` })).toBeNull());
    await waitFor(() => expect(screen.queryAllByLabelText(`Flag ${name}`)).toHaveLength(0));
    const reviews = await loadReviews(repository);
    const stored = [...reviews.values()].find((r) => `${r.line}` === name.split(' ')[0]);
    expect(stored?.decisions.map((d) => [d.action, d.who])).toEqual([
      ['explain', 'olu'],
      ['dismiss', 'olu'],
    ]);
    expect(stored?.decisions[1].when).toMatch(/^\d{4}-\d\d-\d\dT/);

    // Rescanning does not raise it again (it has not worsened).
    fireEvent.click(screen.getByRole('button', { name: 'Scan selection' }));
    await screen.findByText(/1 dismissed and not worse/);
    expect(reviews.has(flagId(stored!))).toBe(true);
  }, 30000);

  it('scanning with nothing selected says so, not "Select the driver table first"', async () => {
    renderPane(createMemoryRepository(), { workbook: createWorkbookDouble(), initialTab: 'anomalies' });
    fireEvent.click(await screen.findByRole('button', { name: 'Scan selection' }, { timeout: 10000 }));
    expect((await screen.findByText(/^Nothing is selected/)).textContent).toBe(
      'Nothing is selected in the test workbook: select the table first.',
    );
    expect(screen.queryByText(/driver table/)).toBeNull();
  }, 30000);

  it('writes the cards’ severity and the severity filter with the pane’s formatter (a German pane reads 0,81, not 0.81)', async () => {
    const workbook = createWorkbookDouble({ selection: SHEET });
    renderPane(createMemoryRepository(), { workbook, initialTab: 'anomalies', numberStyle: { locale: 'de-DE' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Scan selection' }, { timeout: 10000 }));
    const cards = await screen.findAllByTestId('flag', {}, { timeout: 10000 });
    for (const card of cards) expect(card.textContent).toMatch(/severity \d,\d\d(?!\d)/);
    // The badge says what its number means (it was a bare 0–1 figure, defined only in the docs).
    for (const badge of screen.getAllByTestId('severity'))
      expect(badge.getAttribute('title')).toMatch(
        /^Severity \d,\d\d on a scale of 0 to 1: how sure the engine is that this is not noise \((over 99|\d{1,2})\s%\) times how large.*\(5\s% of its annual plan/,
      );
    // The severity filter offers its thresholds written alike (was "≥ 0.5" in every locale).
    const options = within(screen.getByRole('combobox', { name: 'Severity' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Any', '≥ 0,50', '≥ 0,75']);
    // The explanations src/ writes read alike: "14.268 (29,9 %)", not the engine's en-US "14,268 (29.9%)".
    const explanations = screen.getAllByTestId('flag-explanation').map((e) => e.textContent ?? '');
    expect(explanations).toHaveLength(cards.length);
    for (const text of explanations) {
      expect(text).toMatch(/\d\.\d{3}(?!\d)/);
      expect(text).toMatch(/\d,\d\s%/);
      expect(text).not.toMatch(/\d,\d{3}(?!\d)|\d\.\d%|-\d/);
    }
  }, 30000);

  it('colours severity by its band for money at risk, and never red on money that can be released', () => {
    for (const kind of FLAG_KINDS)
      for (const severity of [0.1, 0.5, 0.82, 1]) {
        const colour = severityColour({ kind, severity });
        if (kind === 'opportunity' || kind === 'underspend') expect(colour).toBe(KIND_COLOURS[kind]);
        else expect(colour).toBe({ high: 'danger', medium: 'warning', low: 'informative' }[severityBand(severity)]);
      }
    expect(severityColour({ kind: 'overspend', severity: 0.9 })).toBe('danger');
    expect(severityColour({ kind: 'opportunity', severity: 0.9 })).toBe('success');
  });

  it('shows the opportunity card’s severity in its kind’s green, not red', async () => {
    renderAnomalies(createMemoryRepository());
    fireEvent.click(await screen.findByRole('button', { name: 'Scan selection' }, { timeout: 10000 }));
    const card = await screen.findByRole('group', { name: /^Flag IT-LIC/ }, { timeout: 10000 });
    expect(card.textContent).toContain('opportunity');
    const badge = within(card).getByTestId('severity');
    expect(badge.textContent).toMatch(/^severity 0\.[5-9]\d$/);
    expect(badge.getAttribute('data-colour')).toBe('success');
  }, 30000);

  it('says once above the cards how to read their charts, and the variance with a true minus', async () => {
    renderAnomalies(createMemoryRepository());
    fireEvent.click(await screen.findByRole('button', { name: 'Scan selection' }, { timeout: 10000 }));
    await screen.findByText(/^6 lines over 12 periods: 3 flags/, {}, { timeout: 10000 });
    const cards = await screen.findAllByTestId('flag');
    expect(cards).toHaveLength(3);
    // 12 months: too short a history for the forecast band (MIN_FORECAST_HISTORY), so every band is around plan.
    expect(screen.getAllByTestId('chart-legend').map((e) => e.textContent)).toEqual([
      'How to read the charts: solid line actual, dashed line plan, shaded the range expected around plan from the line’s earlier months; the flagged periods are tinted in the flag’s colour.',
    ]);
    for (const card of cards) {
      expect(card.textContent).not.toMatch(/solid|dashed|shaded/i);
      expect(within(card).queryByTestId('flag-band')).toBeNull();
    }
    const itLic = cards.find((c) => /^Flag IT-LIC/.test(c.getAttribute('aria-label') ?? ''))!;
    expect(itLic.textContent).toMatch(/variance −19,\d{3} \(−29\.\d% of plan\)/);
    // The table's chosen card keeps the legend above it.
    fireEvent.click(screen.getByRole('button', { name: 'Table' }));
    expect(screen.queryByTestId('chart-legend')).toBeNull();
    fireEvent.click(within(screen.getByTestId('flag-table')).getAllByRole('button')[0]);
    expect(await screen.findAllByTestId('chart-legend')).toHaveLength(1);
    expect(screen.getAllByTestId('flag')).toHaveLength(1);
  }, 30000);

  it('names both kinds of band when the cards differ, and each card then says its own', () => {
    expect(chartLegend(new Set(['forecast']))).toContain('shaded the rolling forecast’s 95% range;');
    expect(chartLegend(new Set(['plan', 'forecast']))).toContain(
      'shaded the rolling forecast’s 95% range or, where a line’s history is short, the range expected around plan from the line’s earlier months (each card says which);',
    );
    const line = { id: 'MKT-ADS', costCentre: 'MKT', account: 'Ads', owner: 'mia', plan: [1, 1, 1], actual: [1, 2, 2] };
    const series = {
      plan: line.plan,
      actual: line.actual,
      lower: [1, 1, 1],
      upper: [1, 1, 1],
      band: 'forecast' as const,
    };
    const card = (sayBand: boolean) =>
      within(
        render(
          <FlagCard
            flag={loopFlag({ periodIndex: 1, throughIndex: 2 })}
            line={line}
            periods={['Jan', 'Feb', 'Mar']}
            series={series}
            sayBand={sayBand}
            review={undefined}
            onDecide={async () => undefined}
          />,
        ).container,
      );
    expect(card(true).getByTestId('flag-band').textContent).toBe('Shaded: the rolling forecast’s 95% range.');
    expect(card(false).queryByTestId('flag-band')).toBeNull();
  });

  it('shows 40 lines × 12 months as one table row per persistent issue, each with its months', async () => {
    renderAnomalies(createMemoryRepository(), { address: 'Budget!A1:AC41', values: wideSampleSheet(40) });
    fireEvent.click(await screen.findByRole('button', { name: 'Scan selection' }, { timeout: 10000 }));
    await screen.findByText(/^40 lines over 12 periods: 40 flags/, {}, { timeout: 20000 });
    fireEvent.click(screen.getByRole('button', { name: 'Table' }));
    const rows = within(screen.getByTestId('flag-table')).getAllByTestId('flag-row');
    // One row per issue: 40 rows, not one per month (the issues span 4 to 12 months: 340 flagged months).
    expect(rows).toHaveLength(40);
    const lineOf = (row: HTMLElement) => row.querySelector('button')!.textContent;
    expect(new Set(rows.map(lineOf)).size).toBe(40);
    // Each line id drawn whole, as in the other tables (it was plain text, breakable at its hyphen).
    for (const row of rows) expect(row.querySelector('button [data-line-id]')?.textContent).toBe(lineOf(row));
    const cells = (line: string) =>
      within(rows.find((r) => lineOf(r) === line)!)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    // 20% under plan all year (an opportunity: not red), 25% over from June, a shift from September.
    expect(cells('CC01-L1').slice(1, 3)).toEqual(['Jan–Dec', expect.stringMatching(/^−[\d.]+K −2\d%$/)]);
    expect(rows.find((r) => lineOf(r) === 'CC01-L1')!.getAttribute('data-kind')).not.toMatch(/overspend|run-rate/);
    // The variance column reads alike: one decimal on the short scale in every row (−12.0K, not −12K).
    for (const row of rows) expect(within(row).getAllByRole('cell')[2].textContent).toMatch(/^[+−]\d+\.\dK [+−]\d+%$/);
    expect(cells('CC01-L2')[1]).toBe('Jun–Dec');
    expect(cells('CC01-L3')[1]).toBe('Sep–Dec');
    // A legend names the colours of the kinds in the table: the mark alone says nothing without hovering.
    const legend = screen.getByTestId('kind-legend').textContent ?? '';
    for (const kind of new Set(rows.map((r) => r.getAttribute('data-kind')))) expect(legend).toContain(kind);
    // No cards until a row is chosen; choosing one opens its card with the whole span.
    expect(screen.queryAllByTestId('flag')).toHaveLength(0);
    fireEvent.click(within(rows[0]).getByRole('button'));
    const card = await screen.findByTestId('flag');
    expect(card.textContent).toMatch(/\((\d+) periods/);
    expect(within(card).getByRole('img').getAttribute('aria-label')).toContain('marked');
  }, 40000);
});
