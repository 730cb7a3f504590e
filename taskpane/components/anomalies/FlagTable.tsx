/**
 * The review queue as a compact table: one row per issue (a persistent deviation is one row with
 * its months), its kind as a coloured mark, the signed variance and its share of plan, severity.
 * Choosing a row opens that flag's card under the table, where it is decided. Rows are about 20 px,
 * so 40 lines' issues fit one screen. A legend above names the colours of the kinds in the table (the
 * mark alone said nothing without hovering).
 */
import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Flag, FlagKind } from '../../../src/model/flag';
import { flagId } from '../../../src/model/flag';
import { useNumbers } from '../../state/numbers';
import { CompactHead, type CompactColumn } from '../tables/CompactHead';
import { useCompactTableStyles } from '../tables/compact-table-styles';
import { kindAccent, spanText } from './flag-style';
import { LineId } from '../tables/LineId';

const useStyles = makeStyles({
  // Fixed columns, one line a row: a text too long for its column ends in an ellipsis.
  table: {
    tableLayout: 'fixed',
    lineHeight: '16px',
    '& th, & td': { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  },
  mark: { display: 'inline-block', width: '8px', height: '8px', borderRadius: '2px', marginRight: '4px' },
  line: { minWidth: 0, height: '16px', padding: 0, justifyContent: 'flex-start', fontSize: tokens.fontSizeBase200 },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
});

/** The kinds in the table grouped by their colour, in the order they first appear: [colour, kinds]. */
function legendOf(flags: readonly Flag[]): [string, FlagKind[]][] {
  const groups = new Map<string, FlagKind[]>();
  for (const f of flags) {
    const kinds = groups.get(kindAccent(f.kind)) ?? [];
    if (!kinds.includes(f.kind)) kinds.push(f.kind);
    groups.set(kindAccent(f.kind), kinds);
  }
  return [...groups];
}

// Variance takes the most: at 320 px a German or French pane writes "−19.213 −30 %" in full (their short
// scale abbreviates no thousands), where en-US writes "−19.2K −30%"; at 32% it ended in an ellipsis.
const COLUMNS: CompactColumn[] = [
  { label: 'Line', align: 'start', width: '29%' },
  { label: 'Months', align: 'start', width: '21%' },
  { label: 'Variance', align: 'number', width: '38%' },
  { label: 'Sev.', align: 'number', width: '12%', title: 'Severity: confidence × money at stake, 0 to 1' },
];

export interface FlagTableProps {
  flags: Flag[];
  periods: string[];
  chosen: string | null;
  onChoose: (id: string | null) => void;
}

export function FlagTable({ flags, periods, chosen, onChoose }: FlagTableProps) {
  const styles = useStyles();
  const compact = useCompactTableStyles();
  const numbers = useNumbers();
  return (
    <>
      <div className={styles.legend} data-testid="kind-legend" aria-hidden>
        {legendOf(flags).map(([colour, kinds]) => (
          <Caption1 key={colour}>
            <span className={styles.mark} style={{ backgroundColor: colour }} />
            {kinds.join(', ')}
          </Caption1>
        ))}
      </div>
      <table
        className={mergeClasses(compact.table, styles.table)}
        aria-label="Flags to review"
        data-testid="flag-table"
      >
        <CompactHead columns={COLUMNS} />
        <tbody>
          {flags.map((f) => {
            const id = flagId(f);
            const pct = Number.isFinite(f.variancePct)
              ? ` ${numbers.format(f.variancePct, 'percent', { sign: 'always', decimals: 0 })}`
              : '';
            return (
              <tr
                key={id}
                className={id === chosen ? compact.chosen : undefined}
                data-testid="flag-row"
                data-kind={f.kind}
              >
                <td title={`${f.line}: ${f.kind}`}>
                  <span className={styles.mark} style={{ backgroundColor: kindAccent(f.kind) }} aria-hidden />
                  <Button
                    appearance="transparent"
                    size="small"
                    className={styles.line}
                    aria-pressed={id === chosen}
                    aria-label={`${f.line} ${spanText(f, periods)}, ${f.kind}: open`}
                    onClick={() => onChoose(id === chosen ? null : id)}
                  >
                    <LineId id={f.line} />
                  </Button>
                </td>
                <td>{spanText(f, periods)}</td>
                <td className={compact.number} title={numbers.format(f.variance, 'money', { sign: 'always' })}>
                  {numbers.format(f.variance, 'money', { sign: 'always', compact: true, decimals: 1 })}
                  {pct}
                </td>
                <td className={compact.number}>{numbers.format(f.severity, 'ratio')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
