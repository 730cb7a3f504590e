/**
 * The line ids the pane knows (the scanned budget's lines and cost centres, the user's cost centres), so
 * that a message naming one draws it whole (LineIdText) without each caller listing them: an error
 * from src/ ("Line "MKT-DIGITAL/Travel": …"), a refusal under a card, a notice of moves that landed
 * from the queue. Nested providers add to the ids of the ones around them.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';

const KnownLineIdsContext = createContext<readonly string[]>([]);

/** The ids known here: every provider's around the caller. */
export const useKnownLineIds = (): readonly string[] => useContext(KnownLineIdsContext);

export function KnownLineIds({ ids, children }: { ids: readonly string[]; children: ReactNode }) {
  const outer = useKnownLineIds();
  const key = [...outer, ...ids].join('\u0000');
  const all = useMemo(() => [...new Set([...outer, ...ids].filter((id) => id !== ''))], [key]);
  return <KnownLineIdsContext.Provider value={all}>{children}</KnownLineIdsContext.Provider>;
}
