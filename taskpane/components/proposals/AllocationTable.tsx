/**
 * The allocation inputs per line. The table shows the essentials that fit 320 px (line, budget, the
 * range it may move in, locked); one line at a time is edited in a panel beside the table (below it
 * in a narrow pane): min, max, max change %, return per unit, priority and risk, typed as finance
 * writes them (thousands separators, %, the user's locale) and checked field by field. The panel says
 * where the defaults come from (src/loop/proposal-inputs.ts: the line's flag sets its bounds, its KPI
 * its return per unit up to the budget and above it).
 */
import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Edit16Regular } from '@fluentui/react-icons';
import type { AllocationRow } from '../../review/allocation-input';
import { lineRange, type LineRange } from '../../../src/allocation/line-bounds';
import { useNumbers, type PaneNumbers } from '../../state/numbers';
import { useElementWidth } from '../../state/use-element-width';
import { CompactHead, type CompactColumn } from '../tables/CompactHead';
import { useCompactTableStyles } from '../tables/compact-table-styles';
import { LineId } from '../tables/LineId';

const useStyles = makeStyles({
  root: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start', minWidth: 0 },
  stacked: { flexDirection: 'column' },
  table: { color: tokens.colorNeutralForeground1 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: '200px',
    boxSizing: 'border-box',
  },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  // The range may wrap between its parts ("76,800", "to 81,732"), never inside one.
  range: { whiteSpace: 'normal' },
  part: { whiteSpace: 'nowrap' },
});

type NumberField = 'min' | 'max' | 'maxChangePct' | 'rate' | 'rateAbove' | 'priority' | 'risk';
const FIELDS: { field: NumberField; label: string; hint: string }[] = [
  { field: 'min', label: 'Min', hint: 'Lowest budget' },
  { field: 'max', label: 'Max', hint: 'Highest budget; blank: none' },
  { field: 'maxChangePct', label: 'Max change %', hint: 'Largest move, ± % of budget' },
  { field: 'rate', label: 'Return/unit', hint: 'KPI attainment per unit, up to the budget' },
  { field: 'rateAbove', label: 'Return above', hint: 'Per unit above the budget (diminishing)' },
  { field: 'priority', label: 'Priority', hint: 'Weight of its return (its KPIs’ summed)' },
  { field: 'risk', label: 'Risk', hint: 'Uncertainty of the return per unit' },
];

const COLUMNS: CompactColumn[] = [
  { label: 'Line', align: 'start' },
  { label: 'Budget', align: 'number' },
  { label: 'New budget', align: 'number' },
  {
    label: (
      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>Edit</span>
    ),
  },
];

/**
 * Where the line's new budget may end, as the allocation will bound it (src/allocation lineRange: its
 * min and max within ± its change limit): "134,268", "to 144,000". It was the inputs side by side,
 * "±20% ≥ 134,268", which a budget owner had to combine (and Solver users read ≥ as a bound beside ±).
 * Amounts in full, as in the Budget column beside them; at 320 px the range wraps between its parts.
 */
function newBudget(numbers: PaneNumbers, r: AllocationRow): string[] {
  if (r.locked) return ['locked'];
  let bounds: LineRange;
  try {
    bounds = lineRange(r);
  } catch {
    return ['none: its bounds exclude each other'];
  }
  const money = (v: number) => numbers.format(v, 'money');
  if (bounds.lower === bounds.upper) return [`stays at ${money(bounds.lower)}`];
  if (!Number.isFinite(bounds.upper)) return [money(bounds.lower), 'or more'];
  return [money(bounds.lower), `to ${money(bounds.upper)}`];
}

/** The pane wider than this shows the panel beside the table. */
const SIDE_BY_SIDE = 560;

/** A value as its input box shows it in the user's locale. */
function shown(numbers: PaneNumbers, field: NumberField, v: number): string {
  if (field === 'max' && !Number.isFinite(v)) return '';
  if (field === 'maxChangePct') return numbers.toInput(Math.round(v * 1000) / 10);
  return numbers.toInput(v);
}

/** What the user typed, read in the locale; an error message when it is not a number the field takes. */
function read(
  numbers: PaneNumbers,
  field: NumberField,
  label: string,
  text: string,
): { value: number } | { error: string } {
  if (field === 'max' && text.trim() === '') return { value: Infinity };
  const parsed = numbers.parse(text, { field: label, percent: field === 'maxChangePct' ? 'points' : 'share' });
  if (!parsed.ok) return { error: parsed.error.message };
  if (field !== 'rate' && field !== 'rateAbove' && parsed.value < 0) return { error: `${label} must be 0 or more.` };
  return { value: parsed.value };
}

function LinePanel({
  row,
  onChange,
  onClose,
}: {
  row: AllocationRow;
  onChange: (patch: Partial<AllocationRow>) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const numbers = useNumbers();
  const [errors, setErrors] = useState<Partial<Record<NumberField, string>>>({});
  // Opened from a row's Edit button, the panel takes the focus: it is drawn after the whole table (below
  // it at 320 px), so the keyboard would otherwise tab through every other row's Edit first.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <section
      ref={panel}
      tabIndex={-1}
      className={styles.panel}
      aria-label={`Edit ${row.id}`}
      data-testid="allocation-panel"
    >
      <Subtitle2 as="h3">
        <LineId id={row.id} />
      </Subtitle2>
      <Caption1>
        <LineId id={row.costCentre} /> · budget {numbers.format(row.current, 'money')}
      </Caption1>
      <Caption1 data-testid="allocation-reason">{row.reason}</Caption1>
      <Checkbox
        checked={row.locked}
        onChange={(_, d) => onChange({ locked: d.checked === true })}
        label="Locked (keeps its budget)"
      />
      <div className={styles.fields}>
        {FIELDS.map((f) => (
          <Field
            key={`${row.id}-${f.field}`}
            label={f.label}
            size="small"
            hint={errors[f.field] ? undefined : f.hint}
            validationMessage={errors[f.field]}
          >
            <Input
              size="small"
              inputMode="decimal"
              defaultValue={shown(numbers, f.field, row[f.field])}
              aria-label={`${f.label} of ${row.id}`}
              onBlur={(e) => {
                const result = read(numbers, f.field, f.label, e.currentTarget.value);
                if ('error' in result) setErrors({ ...errors, [f.field]: result.error });
                else {
                  setErrors({ ...errors, [f.field]: undefined });
                  onChange({ [f.field]: result.value } as Partial<AllocationRow>);
                }
              }}
            />
          </Field>
        ))}
      </div>
      <Button size="small" onClick={onClose}>
        Done
      </Button>
    </section>
  );
}

export function AllocationTable({
  rows,
  onChange,
}: {
  rows: AllocationRow[];
  onChange: (rows: AllocationRow[]) => void;
}) {
  const styles = useStyles();
  const compact = useCompactTableStyles();
  const numbers = useNumbers();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const [editing, setEditing] = useState<string | null>(null);
  const set = (id: string, patch: Partial<AllocationRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const row = rows.find((r) => r.id === editing);
  // Done gives the focus back to the row's Edit button (the panel it was in is gone).
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const close = (id: string) => {
    setEditing(null);
    editButtons.current.get(id)?.focus();
  };
  return (
    <div ref={ref} className={mergeClasses(styles.root, width < SIDE_BY_SIDE && styles.stacked)}>
      <table className={mergeClasses(compact.table, styles.table)} aria-label="Allocation inputs">
        <CompactHead columns={COLUMNS} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.id === editing ? compact.chosen : undefined}>
              <td>
                <LineId id={r.id} />
              </td>
              <td className={compact.number}>{numbers.format(r.current, 'money')}</td>
              <td className={mergeClasses(compact.number, styles.range)}>
                {newBudget(numbers, r).map((part, i) => (
                  <span key={part}>
                    {i > 0 && ' '}
                    <span className={styles.part}>{part}</span>
                  </span>
                ))}
              </td>
              <td>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<Edit16Regular />}
                  aria-label={`Edit ${r.id}`}
                  ref={(button: HTMLButtonElement | null) => {
                    if (button) editButtons.current.set(r.id, button);
                    else editButtons.current.delete(r.id);
                  }}
                  aria-pressed={r.id === editing}
                  onClick={() => setEditing(r.id === editing ? null : r.id)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {row && (
        <LinePanel key={row.id} row={row} onChange={(patch) => set(row.id, patch)} onClose={() => close(row.id)} />
      )}
    </div>
  );
}
