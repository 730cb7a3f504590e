/**
 * What a Cash tool's job left to say: the problem (an alert with the catalogue's full message) or
 * that the user cancelled it and nothing was written. The Cash plan and Payables forms show it alike.
 */
import { NoticeBar } from '../shared/Notice';
import type { CashJobState } from './use-cash-job';

export interface CashJobNoticesProps {
  job: Pick<CashJobState, 'problem' | 'cancelled'>;
  /** The cancelled notice's data-testid, where a test waits for it. */
  cancelledTestId?: string;
}

export function CashJobNotices({ job, cancelledTestId }: CashJobNoticesProps) {
  return (
    <>
      {job.problem && <NoticeBar intent="error" text={job.problem} />}
      {job.cancelled && <NoticeBar intent="info" text="Cancelled: nothing was written." testId={cancelledTestId} />}
    </>
  );
}
