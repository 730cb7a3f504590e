/**
 * State shared by the Anomalies and Proposals views: who the reviewer is (stored in single-user
 * mode, from sign-in when connected), and the last scan
 * of the workbook (budget lines, their flags and where their budget cells are).
 */
import { useCallback, useEffect, useState } from 'react';
import { detectFlags } from '../../src/anomaly/detect-flags';
import type { Flag } from '../../src/model/flag';
import type { NumberStyle } from '../../src/format';
import type { Repository } from '../../src/store/repository';
import type { SignedIn } from '../connector/use-signed-in';
import type { Workbook } from '../workbook/types';
import { scanBudgetSheet, ScannedSheet } from './budget-layout';
import { DEFAULT_IDENTITY, Identity, loadIdentity, saveIdentity } from './identity';
import { paneNumbers } from '../state/numbers';

export interface Scan extends ScannedSheet {
  flags: Flag[];
}

export interface ReviewState {
  /** The single-user identity (the chip's form); used only while `signedIn` is null. */
  identity: Identity;
  /** The identity the team server verified, when connected: then it, not `identity`, is who acts. */
  signedIn: SignedIn | null;
  setIdentity: (identity: Identity) => Promise<void>;
  scan: Scan | null;
  /** Reads the selection, builds the lines and runs detection. @throws Error with a message for the user */
  scanSelection: () => Promise<Scan>;
}

/**
 * Scans a range: lines from the layout, then every detector; the flags' sentences write their numbers
 * as the pane does (its locale, the true minus), not in the engine's en-US default.
 */
export function scanRange(values: Parameters<typeof scanBudgetSheet>[0], numberStyle: NumberStyle = {}): Scan {
  const sheet = scanBudgetSheet(values);
  const numbers = paneNumbers(numberStyle).style;
  return { ...sheet, flags: detectFlags(sheet.lines, undefined, { periods: sheet.periods, numbers }) };
}

const NO_STYLE: NumberStyle = {};

export function useReview(
  repository: Repository | null,
  workbook: Workbook,
  signedIn: SignedIn | null = null,
  numberStyle: NumberStyle = NO_STYLE,
): ReviewState {
  const [identity, setIdentityState] = useState<Identity>(DEFAULT_IDENTITY);
  const [scan, setScan] = useState<Scan | null>(null);
  useEffect(() => {
    if (repository) loadIdentity(repository).then(setIdentityState, () => undefined);
  }, [repository]);
  const setIdentity = useCallback(
    async (next: Identity) => {
      setIdentityState(next);
      if (repository) await saveIdentity(repository, next);
    },
    [repository],
  );
  const scanSelection = useCallback(async () => {
    const found = scanRange(await workbook.readSelection(), numberStyle);
    setScan(found);
    return found;
  }, [workbook, numberStyle]);
  return { identity, signedIn, setIdentity, scan, scanSelection };
}

/** Current time for records (the pane may read the clock; src/ may not). */
export const nowIso = (): string => new Date().toISOString();
