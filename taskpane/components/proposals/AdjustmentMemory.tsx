/**
 * The memory of adjustments in the Proposals view: what similar past moves achieved for the chosen
 * candidate's lines (PastCases), and the moves applied so far with their outcome (AdjustmentMemory).
 */
import { Caption1 } from '@fluentui/react-components';
import { usePlainListStyles } from '../shell/plain-list';
import type { NumberFormatter } from '../../../src/format';
import { useNumbers } from '../../state/numbers';
import type { AdjustmentRecord } from '../../../src/model/kpi';
import type { PaneCitation } from '../../../src/loop/pane-memory';
import { PANE_OUTCOME_MONTHS } from '../../../src/loop/pane-memory';
import { TitledSection } from '../shared/TitledSection';
import { LineId } from '../tables/LineId';
import { LineIdText } from '../tables/LineIdText';
import { useKnownLineIds } from '../tables/KnownLineIds';

/** One line per changed line of the candidate: its citation, or that nothing similar is measured yet. */
export function PastCases({ citations }: { citations: PaneCitation[] }) {
  const styles = usePlainListStyles();
  const ids = useKnownLineIds();
  if (citations.length === 0) return null;
  return (
    <ul className={styles.list} aria-label="Similar past moves" data-testid="past-cases">
      {citations.map((c) => (
        <li key={c.line}>
          <Caption1>
            <LineId id={c.line} />: <LineIdText text={c.citation || 'no similar past move measured yet'} ids={ids} />
          </Caption1>
        </li>
      ))}
    </ul>
  );
}

/**
 * Period `t` by the label the scanned sheet gave it ("Jun"), or by its number where there is none.
 * @example periodName(5, ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun']) // "Jun"
 * @example periodName(5) // "period 6"
 */
export const periodName = (t: number, periods: readonly string[] = []): string => periods[t] ?? `period ${t + 1}`;

/** What a record's outcome says, in words, with the pane's formatter (`useNumbers()`) and the scan's period labels. */
export function outcomeText(
  record: AdjustmentRecord,
  { format }: Pick<NumberFormatter, 'format'>,
  periods: readonly string[] = [],
): string {
  const percent = (v: number) => format(v, 'percent', { decimals: 0 });
  const o = record.outcome;
  if (!o) return `outcome measured once ${periodName(record.context.period + PANE_OUTCOME_MONTHS, periods)} is booked`;
  const parts = [
    o.gapClosed === null
      ? 'no gap to close'
      : o.gapClosed >= 0
        ? `closed ${percent(Math.min(1, o.gapClosed))} of the gap`
        : `widened the gap by ${percent(-o.gapClosed)}`,
    o.passThrough === null ? '' : `${percent(o.passThrough)} of the change spent`,
    o.kpiLift === null ? '' : `KPI ${format(o.kpiLift, 'percent', { sign: 'always', decimals: 1 })} of target`,
  ].filter(Boolean);
  return `${parts.join(', ')} (measured in ${periodName(o.measuredAt, periods)})`;
}

/** The moves applied so far; `periods`: the scanned sheet's period labels, for when each was made and measured. */
export function AdjustmentMemory({
  memory,
  periods = [],
}: {
  memory: AdjustmentRecord[];
  periods?: readonly string[];
}) {
  const styles = usePlainListStyles();
  const numbers = useNumbers();
  if (memory.length === 0) return null;
  return (
    <TitledSection id="memory" title="Memory of adjustments" level="h3">
      <ul className={styles.list} data-testid="adjustment-memory">
        {memory.map((r) => (
          <li key={r.id} data-measured={r.outcome ? 'yes' : 'no'}>
            <Caption1>
              <LineId id={r.line} /> {r.context.direction}{' '}
              {numbers.format(r.after - r.before, 'money', { sign: 'always' })} in{' '}
              {periodName(r.context.period, periods)}
              {r.proposal && (
                <>
                  {' ('}
                  <LineId id={r.proposal} />)
                </>
              )}
              : {outcomeText(r, numbers, periods)}
            </Caption1>
          </li>
        ))}
      </ul>
    </TitledSection>
  );
}
