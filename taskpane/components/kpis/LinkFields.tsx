/**
 * The response and lag of each line linked to the KPI being edited, typed by hand or left blank: a
 * blank response is estimated from history, a blank lag is 0. One row per linked line; a problem
 * shows under the table, naming the line and the field (taskpane/review/kpi-links.ts checks them).
 */
import { Caption1, Input, makeStyles, tokens } from '@fluentui/react-components';
import { BLANK_LINK, linkField, type LinkDraft } from '../../review/kpi-links';
import { LineId } from '../tables/LineId';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingRight: tokens.spacingHorizontalXS },
    '& td': { paddingRight: tokens.spacingHorizontalXS },
  },
  input: { width: '80px' },
  narrow: { width: '48px' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface LinkFieldsProps {
  /** The linked lines, in the order they were checked. */
  lines: ReadonlyArray<string>;
  links: Readonly<Record<string, LinkDraft>>;
  /** The KPI's unit, for the column head. */
  unit: string;
  onChange: (line: string, patch: Partial<LinkDraft>) => void;
  /** The problem to show, when it belongs to one of these fields. */
  problem: { field: string; text: string } | null;
}

const PARTS = [
  { part: 'perUnit', label: 'Response of', head: 'per unit of spend', narrow: false },
  { part: 'sd', label: 'Uncertainty of', head: '± sd', narrow: false },
  { part: 'lag', label: 'Lag of', head: 'lag', narrow: true },
] as const;

export function LinkFields({ lines, links, unit, onChange, problem }: LinkFieldsProps) {
  const styles = useStyles();
  if (lines.length === 0) return null;
  const mine = problem && lines.some((l) => PARTS.some((p) => problem.field === linkField(p.part, l)));
  return (
    <div role="group" aria-labelledby="kpi-link-responses-label">
      <Caption1 id="kpi-link-responses-label">
        What each line's spend does to the KPI ({unit || 'KPI units'} per unit of spend in a period, and periods until
        it shows): blank response = estimated from history, blank lag = 0.
      </Caption1>
      <table className={styles.table} aria-label="Responses and lags">
        <thead>
          <tr>
            <th scope="col">Line</th>
            {PARTS.map((p) => (
              <th scope="col" key={p.part}>
                {p.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const draft = links[line] ?? BLANK_LINK;
            return (
              <tr key={line}>
                <th scope="row">
                  <LineId id={line} />
                </th>
                {PARTS.map((p) => (
                  <td key={p.part}>
                    <Input
                      size="small"
                      inputMode="decimal"
                      className={p.narrow ? styles.narrow : styles.input}
                      aria-label={`${p.label} ${line}`}
                      aria-invalid={problem?.field === linkField(p.part, line) || undefined}
                      placeholder={p.part === 'perUnit' ? 'estimated' : p.part === 'lag' ? '0' : ''}
                      value={draft[p.part]}
                      onChange={(_, d) => onChange(line, { [p.part]: d.value })}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {mine && (
        <Caption1 role="alert" className={styles.error}>
          {problem.text}
        </Caption1>
      )}
    </div>
  );
}
