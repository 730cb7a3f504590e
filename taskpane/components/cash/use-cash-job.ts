/**
 * The state both Cash tools share while a job runs on the cash runner: busy, the problem to show
 * (the catalogue's full message), whether the user cancelled (CASH_CANCELLED is not a problem), and
 * Cancel. Also the form styles both use, so the two forms look and shrink alike.
 */
import { useRef, useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { isFpaError } from '../../../src/errors';
import type { CashRunHandle } from '../../run/cash-runner';

export const useCashFormStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(110px, 1fr))',
    gap: tokens.spacingHorizontalS,
    // Each field at its own height from the top: a stretched field without a hint pushed its box
    // down beside one with a hint (CVaR's list beside Alpha, Floor beside Other flows at 320 px).
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  fillInput: { width: '100%', minWidth: 0 },
  /** Inputs shrink with the pane: an input's intrinsic width (20 characters) must not widen the row. */
  fill: { width: '100%', minWidth: 0, boxSizing: 'border-box' },
});

export interface CashJobState {
  busy: boolean;
  problem: string | null;
  cancelled: boolean;
  /** Runs `work`; `track` registers the job's handle so that Cancel reaches it. */
  run(work: (track: <T>(handle: CashRunHandle<T>) => Promise<T>) => Promise<void>): Promise<void>;
  cancel(): void;
}

export function useCashJob(): CashJobState {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const current = useRef<{ cancel(): void } | null>(null);
  const run: CashJobState['run'] = async (work) => {
    setBusy(true);
    setProblem(null);
    setCancelled(false);
    try {
      await work((handle) => {
        current.current = handle;
        return handle.done;
      });
    } catch (e) {
      if (isFpaError(e) && e.code === 'CASH_CANCELLED') setCancelled(true);
      else setProblem(isFpaError(e) ? e.fullMessage : e instanceof Error ? e.message : String(e));
    } finally {
      current.current = null;
      setBusy(false);
    }
  };
  return { busy, problem, cancelled, run, cancel: () => current.current?.cancel() };
}
