/**
 * The Cash view's payables tool (FPA.WC.PAYABLES): where the bills and the other flows are, the
 * opening cash and the floor → Plan → which bills to pay early for their discount and which on their
 * due date, written to a new sheet with the closing cash per period. The MIP runs through the cash
 * runner (the pane's worker); the numbers are the cell function's.
 */
import { useState } from 'react';
import { Button, Caption1, Spinner } from '@fluentui/react-components';
import { readPayablesInput, writePayables } from '../../cash/run-payables';
import type { CashRunner } from '../../run/cash-runner';
import { useNumbers } from '../../state/numbers';
import type { Workbook } from '../../workbook/types';
import { NoticeBar } from '../shared/Notice';
import { TextField } from '../shared/TextField';
import { CashJobNotices } from './CashJobNotices';
import { useCashFormStyles, useCashJob } from './use-cash-job';
import { TitledSection } from '../shared/TitledSection';

export interface PayablesPanelProps {
  workbook: Workbook;
  runner: CashRunner;
  /** The Cash view's opening cash, as typed. */
  openingCash: string;
}

export function PayablesPanel({ workbook, runner, openingCash }: PayablesPanelProps) {
  const styles = useCashFormStyles();
  const job = useCashJob();
  const numbers = useNumbers();
  const [bills, setBills] = useState('Bills!A1:E10');
  const [flows, setFlows] = useState('Cash!B2:M2');
  const [floor, setFloor] = useState('0');
  const [done, setDone] = useState<string | null>(null);
  const box = { className: styles.fill, input: { className: styles.fillInput } };
  const opening = numbers.parse(openingCash, { field: 'Opening cash' });
  const floorValue = numbers.parse(floor, { field: 'Floor' });
  const invalid = !opening.ok || !floorValue.ok || !bills.trim() || !flows.trim();

  const run = async () => {
    if (!opening.ok || !floorValue.ok) return;
    setDone(null);
    await job.run(async (track) => {
      const input = await readPayablesInput(
        workbook,
        { bills, flows, openingCash: opening.value, floor: floorValue.value },
        numbers.style,
      );
      const result = await track(runner.payables(input));
      const sheet = await writePayables(workbook, result);
      setDone(
        `${result.early} of ${input.invoices.length} bills paid early, saving ${numbers.format(result.saved, 'money')}. Written to the sheet "${sheet}".`,
      );
    });
  };

  return (
    <TitledSection id="payables" title="Payables" level="h3" className={styles.root}>
      <Caption1>
        Which bills to pay early for their discount, and which on their due date, keeping cash above the floor (as
        FPA.WC.PAYABLES).
      </Caption1>
      <TextField
        label="Bills"
        hint="bill, amount, due period, discount, discount by"
        required
        box={box}
        value={bills}
        onChange={setBills}
      />
      <div className={styles.fields}>
        <TextField label="Other flows" hint="one row or column" required box={box} value={flows} onChange={setFlows} />
        <TextField
          label="Floor"
          validationMessage={floorValue.ok ? undefined : floorValue.error.message}
          box={{ ...box, inputMode: 'decimal' }}
          value={floor}
          onChange={setFloor}
        />
      </div>
      <div className={styles.row}>
        <Button disabled={job.busy || invalid} onClick={() => void run()}>
          Plan payables
        </Button>
        {job.busy && (
          <>
            <Spinner size="tiny" label="Solving" />
            <Button onClick={job.cancel}>Cancel payables</Button>
          </>
        )}
      </div>
      <CashJobNotices job={job} />
      {done && <NoticeBar intent="success" text={done} testId="payables-done" />}
    </TitledSection>
  );
}
