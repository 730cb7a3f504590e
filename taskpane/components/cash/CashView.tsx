/**
 * The Cash view: where the plan's ranges are (flows or trials, instruments, credit line, shocks),
 * the opening and minimum cash and, for trials, the risk limit → Run → a summary here and a new
 * sheet with the schedule, the buffer, the risk per period with its chart, and the stress tests
 * (taskpane/cash/run-cash.ts); below it, the payables tool (PayablesPanel.tsx). The numbers are the core's (src/cash), as the cell functions give them;
 * they are computed off the pane's thread by the cash runner (the pane's worker), with progress and
 * Cancel.
 */
import { useState } from 'react';
import { Button, Caption1, Spinner } from '@fluentui/react-components';
import { SelectField } from '../shared/SelectField';
import type { RiskMeasure } from '../../../src/cash/scenario-types';
import type { NumberFormatter } from '../../../src/format';
import type { JobProgress } from '../../../src/jobs/protocol';
import type { CashForm, CashOutcome, WrittenCash } from '../../cash/run-cash';
import { CREDIT_LINE_LABEL, readCashJob, writeCash } from '../../cash/run-cash';
import type { CashRunner } from '../../run/cash-runner';
import { useNumbers, type PaneNumbers } from '../../state/numbers';
import { NoticeBar } from '../shared/Notice';
import { TextField } from '../shared/TextField';
import { CashJobNotices } from './CashJobNotices';
import { PayablesPanel } from './PayablesPanel';
import { useCashFormStyles, useCashJob } from './use-cash-job';
import type { Workbook } from '../../workbook/types';
import { ViewSection } from '../shared/TitledSection';

export interface CashViewProps {
  workbook: Workbook;
  /** Where the plan is computed: the pane's worker, or this thread where none can start. */
  runner: CashRunner;
}

type Amount = 'opening' | 'minimum' | 'alpha' | 'limit';
type Box = 'flows' | 'instruments' | 'creditLine' | 'shocks' | Amount;
type Text = Record<Box, string>;

const AMOUNTS: readonly Amount[] = ['opening', 'minimum', 'alpha', 'limit'];
const isAmount = (key: Box): key is Amount => (AMOUNTS as readonly Box[]).includes(key);

/**
 * What a plan over trials achieved, in the words of the form: closing cash less debt (their mean),
 * the risk as the measure chosen, and the first period where cash may fall under the minimum.
 * @example "Expected closing cash less debt 1,005 (mean of 30 trials); average shortfall of the worst
 *   trials (CVaR) 0.00; cash under the minimum in 5% of trials or more: in no period."
 */
export function trialsOutcomeText(
  outcome: Pick<CashOutcome, 'objective' | 'trials' | 'riskAchieved' | 'firstPossibleBreach'>,
  measure: RiskMeasure,
  { format }: Pick<NumberFormatter, 'format'>,
): string {
  const risk =
    measure === 'cvar'
      ? `average shortfall of the worst trials (CVaR) ${format(outcome.riskAchieved ?? 0, 'money')}`
      : `chance of a shortfall over the limit ${format(outcome.riskAchieved ?? 0, 'percent')}`;
  const breach = outcome.firstPossibleBreach === null ? 'in no period' : `from period ${outcome.firstPossibleBreach}`;
  return `Expected closing cash less debt ${format(outcome.objective, 'money')} (mean of ${format(outcome.trials, 'count')} trials); ${risk}; cash under the minimum in ${format(0.05, 'percent')} of trials or more: ${breach}.`;
}

/** Each box's label and hint; an amount's label also names it in the parser's messages. */
const FIELDS: Record<Box, { label: string; hint?: string; required?: boolean }> = {
  flows: { label: 'Flows or trials', hint: 'Address, e.g. Cash!B2:M2 or Trials!A1:M500', required: true },
  instruments: {
    label: 'Instruments',
    hint: 'name, term in periods, rate per period (then min, max, lot…)',
    required: true,
  },
  creditLine: { label: `${CREDIT_LINE_LABEL} (optional)`, hint: 'limit, rate per period, fee, repay by' },
  shocks: { label: 'Shocks (optional)', hint: 'scenario, shock, value, period: a stress test' },
  opening: { label: 'Opening cash' },
  minimum: { label: 'Minimum cash' },
  alpha: { label: 'Alpha' },
  limit: { label: 'Limit' },
};

/**
 * Alpha and the limit in a budget owner's words, for the risk measure chosen (docs/cash.md, "Optimising
 * across scenarios": CVaR_α(shortfall) ≤ limit, or P(shortfall > limit) ≤ α); examples in the pane's locale.
 */
function riskHints(measure: RiskMeasure, numbers: PaneNumbers): Record<'alpha' | 'limit', string> {
  const [share, decimal] = [numbers.format(ALPHA, 'percent'), numbers.toInput(ALPHA)];
  return measure === 'cvar'
    ? { alpha: `Share of worst trials, e.g. ${share} (or ${decimal})`, limit: 'Their average shortfall, at most' }
    : {
        alpha: `Largest chance of a shortfall over the limit, e.g. ${share} (or ${decimal})`,
        limit: 'A shortfall up to this does not count',
      };
}

/** The alpha a form starts with: the worst 5% of trials. */
const ALPHA = 0.05;

const START: Text = {
  flows: 'Cash!B2:M2',
  instruments: 'Cash!A5:C8',
  creditLine: '',
  shocks: '',
  opening: '0',
  minimum: '0',
  alpha: '', // in the pane's locale: see CashView
  limit: '0',
};

export function CashView({ workbook, runner }: CashViewProps) {
  const styles = useCashFormStyles();
  const job = useCashJob();
  const numbers = useNumbers();
  // "5%" in every locale: "0.05" was refused as it stood in a German pane (its decimal mark is a comma).
  const [text, setText] = useState<Text>(() => ({ ...START, alpha: numbers.format(ALPHA, 'percent') }));
  const [measure, setMeasure] = useState<RiskMeasure>('cvar');
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [done, setDone] = useState<{ outcome: CashOutcome; written: WrittenCash } | null>(null);
  const box = { className: styles.fill, input: { className: styles.fillInput } };
  const decimal = { ...box, inputMode: 'decimal' as const };
  const set = (key: Box) => (value: string) => setText((t) => ({ ...t, [key]: value }));
  const parse = (key: Amount) => numbers.parse(text[key], { field: FIELDS[key].label });
  const parsed = Object.fromEntries(AMOUNTS.map((key) => [key, parse(key)])) as Record<
    Amount,
    ReturnType<typeof parse>
  >;
  const message = (key: Box): string | undefined => {
    if (!isAmount(key)) return undefined;
    const p = parsed[key];
    if (!p.ok) return p.error.message;
    if (key === 'alpha' && !(p.value > 0 && p.value < 1))
      return `Alpha is a share between 0 and 1, e.g. ${numbers.format(ALPHA, 'percent')} or ${numbers.toInput(ALPHA)}.`;
    if (key === 'limit' && p.value < 0) return 'The limit is an amount of zero or more.';
    return undefined;
  };
  const invalid = AMOUNTS.some((k) => message(k)) || !text.flows.trim() || !text.instruments.trim();

  const field = (key: Box) => (
    <TextField
      {...FIELDS[key]}
      {...(key === 'alpha' || key === 'limit' ? { hint: riskHints(measure, numbers)[key] } : {})}
      validationMessage={message(key)}
      box={isAmount(key) ? decimal : box}
      value={text[key]}
      onChange={set(key)}
    />
  );

  const run = async () => {
    if (invalid) return;
    const value = (k: Amount): number => (parsed[k] as { value: number }).value;
    const form: CashForm = {
      flows: text.flows,
      instruments: text.instruments,
      creditLine: text.creditLine,
      shocks: text.shocks,
      openingCash: value('opening'),
      minCash: value('minimum'),
      measure,
      alpha: value('alpha'),
      limit: value('limit'),
    };
    setDone(null);
    setProgress(null);
    await job.run(async (track) => {
      const { job: payload, rateWarnings } = await readCashJob(workbook, form, numbers.style);
      const outcome: CashOutcome = { ...(await track(runner.start(payload, setProgress))), rateWarnings };
      const written = await writeCash(workbook, outcome);
      setDone({ outcome, written });
    });
  };

  return (
    <ViewSection view="cash" className={styles.root}>
      <Caption1>
        One row of net flows gives the best plan; one row per trial (e.g. from FPA.CASH.FORECAST) gives one plan that
        holds across them, with the buffer and the risk per period.
      </Caption1>
      {field('flows')}
      {field('instruments')}
      <div className={styles.fields}>
        {field('opening')}
        {field('minimum')}
      </div>
      {field('creditLine')}
      {field('shocks')}
      <div className={styles.fields}>
        <SelectField<RiskMeasure>
          label="Risk of a shortfall"
          selectClassName={styles.fill}
          value={measure}
          onChange={setMeasure}
          options={[
            { value: 'cvar', label: 'CVaR' },
            { value: 'chance', label: 'Chance' },
          ]}
        />
        {field('alpha')}
        {field('limit')}
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={job.busy || invalid} onClick={() => void run()}>
          Run and write to a sheet
        </Button>
        {job.busy && (
          <>
            <Spinner
              size="tiny"
              label={progress ? `Solving: step ${progress.done} of ${progress.total}` : 'Solving'}
              data-testid="cash-progress"
            />
            <Button onClick={job.cancel}>Cancel</Button>
          </>
        )}
      </div>
      <CashJobNotices job={job} cancelledTestId="cash-cancelled" />
      {done?.outcome.rateWarnings.map((warning) => (
        <NoticeBar key={warning} intent="warning" text={warning} testId="cash-rate-warning" />
      ))}
      {done && (
        <NoticeBar intent="success" testId="cash-done">
          {done.outcome.trials > 1
            ? trialsOutcomeText(done.outcome, measure, numbers)
            : `Closing cash less debt ${numbers.format(done.outcome.objective, 'money')}.`}{' '}
          Written to the sheet "{done.written.sheet}".
        </NoticeBar>
      )}
      <PayablesPanel workbook={workbook} runner={runner} openingCash={text.opening} />
    </ViewSection>
  );
}
