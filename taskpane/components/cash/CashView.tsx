/**
 * The Cash view: where the plan's ranges are (flows or trials, instruments, credit line, shocks),
 * the opening and minimum cash and, for trials, the risk limit → Run → a summary here and a new
 * sheet with the schedule, the buffer, the risk per period with its chart, and the stress tests
 * (taskpane/cash/run-cash.ts); below it, the payables tool (PayablesPanel.tsx). The numbers are the core's (src/cash), as the cell functions give them;
 * they are computed off the pane's thread by the cash runner (the pane's worker), with progress and
 * Cancel.
 */
import { useState } from 'react';
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
} from '@fluentui/react-components';
import type { RiskMeasure } from '../../../src/cash/scenario-types';
import type { JobProgress } from '../../../src/jobs/protocol';
import type { CashForm, CashOutcome, WrittenCash } from '../../cash/run-cash';
import { readCashJob, writeCash } from '../../cash/run-cash';
import type { CashRunner } from '../../run/cash-runner';
import { useNumbers } from '../../state/numbers';
import { PayablesPanel } from './PayablesPanel';
import { useCashFormStyles, useCashJob } from './use-cash-job';
import type { Workbook } from '../../workbook/types';

export interface CashViewProps {
  workbook: Workbook;
  /** Where the plan is computed: the pane's worker, or this thread where none can start. */
  runner: CashRunner;
}

type Text = Record<
  'flows' | 'instruments' | 'creditLine' | 'shocks' | 'opening' | 'minimum' | 'alpha' | 'limit',
  string
>;

const START: Text = {
  flows: 'Cash!B2:M2',
  instruments: 'Cash!A5:C8',
  creditLine: '',
  shocks: '',
  opening: '0',
  minimum: '0',
  alpha: '0.05',
  limit: '0',
};

export function CashView({ workbook, runner }: CashViewProps) {
  const styles = useCashFormStyles();
  const job = useCashJob();
  const numbers = useNumbers();
  const [text, setText] = useState<Text>(START);
  const [measure, setMeasure] = useState<RiskMeasure>('cvar');
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [done, setDone] = useState<{ outcome: CashOutcome; written: WrittenCash } | null>(null);
  const box = { className: styles.fill, input: { className: styles.fillInput } };
  const set = (key: keyof Text) => (_: unknown, d: { value: string }) => setText((t) => ({ ...t, [key]: d.value }));
  const parsed = {
    opening: numbers.parse(text.opening, { field: 'Opening cash' }),
    minimum: numbers.parse(text.minimum, { field: 'Minimum cash' }),
    alpha: numbers.parse(text.alpha, { field: 'Alpha' }),
    limit: numbers.parse(text.limit, { field: 'Limit' }),
  };
  const message = (key: keyof typeof parsed): string | undefined => {
    const p = parsed[key];
    if (!p.ok) return p.error.message;
    if (key === 'alpha' && !(p.value > 0 && p.value < 1)) return 'Alpha is a probability between 0 and 1, e.g. 0.05.';
    if (key === 'limit' && p.value < 0) return 'The limit is an amount of zero or more.';
    return undefined;
  };
  const invalid =
    (Object.keys(parsed) as (keyof typeof parsed)[]).some((k) => message(k)) ||
    !text.flows.trim() ||
    !text.instruments.trim();

  const run = async () => {
    if (invalid) return;
    const value = (k: keyof typeof parsed): number => (parsed[k] as { value: number }).value;
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
    <section className={styles.root} aria-labelledby="cash-title">
      <Subtitle2 as="h2" id="cash-title">
        Cash plan
      </Subtitle2>
      <Caption1>
        One row of net flows gives the best plan; one row per trial (e.g. from FPA.CASH.FORECAST) gives one plan that
        holds across them, with the buffer and the risk per period.
      </Caption1>
      <Field label="Flows or trials" hint="Address, e.g. Cash!B2:M2 or Trials!A1:M500" required>
        <Input {...box} value={text.flows} onChange={set('flows')} />
      </Field>
      <Field label="Instruments" hint="name, term, rate (…)" required>
        <Input {...box} value={text.instruments} onChange={set('instruments')} />
      </Field>
      <div className={styles.fields}>
        <Field label="Opening cash" validationMessage={message('opening')}>
          <Input {...box} value={text.opening} inputMode="decimal" onChange={set('opening')} />
        </Field>
        <Field label="Minimum cash" validationMessage={message('minimum')}>
          <Input {...box} value={text.minimum} inputMode="decimal" onChange={set('minimum')} />
        </Field>
      </div>
      <Field label="Credit line (optional)" hint="limit, rate, fee, repay by">
        <Input {...box} value={text.creditLine} onChange={set('creditLine')} />
      </Field>
      <Field label="Shocks (optional)" hint="scenario, shock, value, period: a stress test">
        <Input {...box} value={text.shocks} onChange={set('shocks')} />
      </Field>
      <div className={styles.fields}>
        <Field label="Risk of a shortfall">
          <Select className={styles.fill} value={measure} onChange={(_, d) => setMeasure(d.value as RiskMeasure)}>
            <option value="cvar">CVaR</option>
            <option value="chance">Chance</option>
          </Select>
        </Field>
        <Field label="Alpha" validationMessage={message('alpha')}>
          <Input {...box} value={text.alpha} inputMode="decimal" onChange={set('alpha')} />
        </Field>
        <Field label="Limit" validationMessage={message('limit')}>
          <Input {...box} value={text.limit} inputMode="decimal" onChange={set('limit')} />
        </Field>
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
      {job.cancelled && (
        <MessageBar intent="info" data-testid="cash-cancelled">
          <MessageBarBody>Cancelled: nothing was written.</MessageBarBody>
        </MessageBar>
      )}
      {job.problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{job.problem}</MessageBarBody>
        </MessageBar>
      )}
      {done?.outcome.rateWarnings.map((warning) => (
        <MessageBar key={warning} intent="warning" data-testid="cash-rate-warning">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}
      {done && (
        <MessageBar intent="success" data-testid="cash-done">
          <MessageBarBody>
            {done.outcome.trials > 1
              ? `Expected wealth ${numbers.format(done.outcome.objective, 'money')} over ${done.outcome.trials} trials; ${measure === 'cvar' ? 'CVaR' : 'chance of a shortfall'} ${numbers.format(done.outcome.riskAchieved ?? 0, measure === 'cvar' ? 'money' : 'percent')}; first period at risk: ${done.outcome.firstPossibleBreach ?? 'none'}.`
              : `Closing cash less debt ${numbers.format(done.outcome.objective, 'money')}.`}{' '}
            Written to the sheet "{done.written.sheet}".
          </MessageBarBody>
        </MessageBar>
      )}
      <PayablesPanel workbook={workbook} runner={runner} openingCash={text.opening} />
    </section>
  );
}
