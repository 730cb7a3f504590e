/**
 * Anomalies: select the plan/actual table → Scan; a queue of flags (own cost centres first),
 * filterable by cost centre, owner, kind and severity; accept / explain / dismiss / escalate each,
 * stored with who and when. A dismissed flag comes back only if it worsens. Signed in to a team
 * server, each decision is also shared (through the connector's offline queue) and the team's
 * decisions on the scanned flags are read in after each scan, so everyone sees the same queue.
 */
import { Fragment, useEffect, useMemo, useState } from 'react';
import { Body1, Button, Caption1, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { Checkmark16Regular } from '@fluentui/react-icons';
import { NoticeBar } from '../shared/Notice';
import { isFpaError } from '../../../src/errors';
import { flagChartSeries, type FlagChartSeries } from '../../../src/anomaly/flag-chart-series';
import type { BudgetLine } from '../../../src/model/budget-line';
import { flagId } from '../../../src/model/flag';
import type { ReviewAction } from '../../../src/model/review';
import type { Repository } from '../../../src/store/repository';
import { loadReviews, NO_FILTER, QueueFilter, recordDecision, ReviewRecord, reviewQueue } from '../../review/decisions';
import { pullDecisions, shareDecision } from '../../review/shared-reviews';
import { nowIso, ReviewState } from '../../review/use-review';
import { FlagCard } from './FlagCard';
import { FlagTable } from './FlagTable';
import { chartLegend } from './flag-style';
import { QueueFilters } from './QueueFilters';
import { usePlainListStyles } from '../shell/plain-list';
import { ViewSection } from '../shared/TitledSection';
import { useLayoutStyles } from '../shared/layout-styles';

const MODES = [
  ['cards', 'Cards'],
  ['table', 'Table'],
] as const;

/** Flags shown at first; "Show more" adds as many again. */
const PAGE = 8;

const useStyles = makeStyles({
  modes: { display: 'flex', gap: tokens.spacingHorizontalXS },
});

export interface AnomaliesViewProps {
  repository: Repository;
  review: ReviewState;
}

export function AnomaliesView({ repository, review }: AnomaliesViewProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const plain = usePlainListStyles();
  const { scan, identity, signedIn } = review;
  const [reviews, setReviews] = useState<Map<string, ReviewRecord>>(new Map());
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [mode, setMode] = useState<'cards' | 'table'>('cards');
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    loadReviews(repository).then(setReviews, (e: unknown) => setProblem(String(e)));
  }, [repository]);

  const lines = scan?.lines ?? [];
  const queue = useMemo(
    () => (scan ? reviewQueue(scan.flags, scan.lines, reviews, filter, identity.costCentres) : []),
    [scan, reviews, filter, identity.costCentres],
  );
  const hidden = scan ? scan.flags.length - reviewQueue(scan.flags, scan.lines, reviews, NO_FILTER, []).length : 0;
  // Each chart's series once per scan (a forecast band is a fit), kept while decisions and filters change.
  const seriesOf = useMemo(() => {
    const known = new Map<string, FlagChartSeries>();
    return (line: BudgetLine, period: number): FlagChartSeries => {
      const key = `${line.id}\u0000${period}`;
      let found = known.get(key);
      if (!found) known.set(key, (found = flagChartSeries(line, period)));
      return found;
    };
  }, [scan]);
  // The cards on screen: the first `limit` of the queue, or the one chosen in the table.
  const cards = useMemo(
    () =>
      (mode === 'cards' ? queue.slice(0, limit) : queue.filter((f) => flagId(f) === chosen)).flatMap((flag) => {
        const line = lines.find((l) => l.id === flag.line);
        return line ? [{ flag, line, series: seriesOf(line, flag.periodIndex) }] : [];
      }),
    [mode, queue, limit, chosen, lines, seriesOf],
  );
  const bands = new Set(cards.map((c) => c.series.band));

  const runScan = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await review.scanSelection();
    } catch (e) {
      setProblem(isFpaError(e) ? e.fullMessage : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  // The team's decisions on these flags, read in after each scan (and when signing in).
  useEffect(() => {
    if (!scan || !signedIn) return;
    let live = true;
    pullDecisions(signedIn.api, repository, scan.flags, scan.lines).then(
      (merged) => live && setReviews(merged),
      (e: unknown) => live && setProblem(`The team's decisions could not be read: ${isFpaError(e) ? e.message : e}`),
    );
    return () => {
      live = false;
    };
  }, [scan, signedIn, repository]);
  const decide = (flag: (typeof queue)[number]) => async (action: ReviewAction, comment: string) => {
    const who = signedIn ? signedIn.user.id : identity.name;
    const record = await recordDecision(repository, flag, { action, comment, who, when: nowIso() });
    setReviews((old) => new Map(old).set(record.id, record));
    const costCentre = lines.find((l) => l.id === flag.line)?.costCentre;
    if (signedIn && costCentre) await shareDecision(signedIn.api, flag, costCentre, { action, comment });
  };
  const card = ({ flag, line, series }: (typeof cards)[number]) => (
    <FlagCard
      flag={flag}
      line={line}
      periods={scan?.periods ?? []}
      series={series}
      sayBand={bands.size > 1}
      review={reviews.get(flagId(flag))}
      onDecide={decide(flag)}
    />
  );

  return (
    <ViewSection view="anomalies" className={layout.column}>
      <Caption1>
        Select the plan/actual table (id, cost centre, account, owner, budget, "plan …" and "actual …" columns, one
        header row), then scan.
      </Caption1>
      <Button appearance="primary" onClick={runScan} disabled={busy}>
        {busy ? 'Scanning…' : 'Scan selection'}
      </Button>
      {problem && <NoticeBar intent="error" text={problem} />}
      {scan && (
        <>
          <Body1 aria-live="polite">
            {scan.lines.length} lines over {scan.periods.length} periods: {scan.flags.length} flags
            {hidden > 0 ? `, ${hidden} dismissed and not worse` : ''}.
          </Body1>
          {scan.problems.map((p) => (
            <Caption1 key={p}>{p}</Caption1>
          ))}
          <QueueFilters lines={lines} filter={filter} onChange={setFilter} />
          {queue.length === 0 && <Body1>No flags to review with these filters.</Body1>}
          <div className={styles.modes} role="group" aria-label="Show flags as">
            {MODES.map(([id, label]) => (
              // The chosen one filled and ticked: a checked toggle's grey (1.2:1 against the other's) did not say which.
              <ToggleButton
                key={id}
                size="small"
                checked={mode === id}
                appearance={mode === id ? 'primary' : 'secondary'}
                icon={mode === id ? <Checkmark16Regular /> : undefined}
                onClick={() => setMode(id)}
              >
                {label}
              </ToggleButton>
            ))}
          </div>
          {mode === 'table' && queue.length > 0 && (
            <FlagTable flags={queue} periods={scan.periods} chosen={chosen} onChoose={setChosen} />
          )}
          {cards.length > 0 && <Caption1 data-testid="chart-legend">{chartLegend(bands)}</Caption1>}
          {mode === 'table' && cards.map((c) => <Fragment key={flagId(c.flag)}>{card(c)}</Fragment>)}
          {mode === 'cards' && (
            <ul className={plain.list} aria-label="Flags to review" data-testid="flag-queue">
              {cards.map((c) => (
                <li key={flagId(c.flag)}>{card(c)}</li>
              ))}
            </ul>
          )}
          {mode === 'cards' && queue.length > limit && (
            <Button onClick={() => setLimit(limit + PAGE)}>Show more ({queue.length - limit} left)</Button>
          )}
        </>
      )}
    </ViewSection>
  );
}
