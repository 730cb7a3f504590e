/** The editable allocation inputs per line: min, max, locked, max change %, return per unit, priority, risk. */
import { Checkbox, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { AllocationRow } from '../../review/allocation-input';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1 },
  cell: { padding: '2px', whiteSpace: 'nowrap' },
  input: { width: '62px', minWidth: '0' },
});

type NumberField = 'min' | 'max' | 'maxChangePct' | 'rate' | 'priority' | 'risk';
const COLUMNS: { field: NumberField; label: string }[] = [
  { field: 'min', label: 'Min' },
  { field: 'max', label: 'Max' },
  { field: 'maxChangePct', label: 'Max change %' },
  { field: 'rate', label: 'Return/unit' },
  { field: 'priority', label: 'Priority' },
  { field: 'risk', label: 'Risk' },
];

const shown = (field: NumberField, v: number) =>
  field === 'max' && !Number.isFinite(v)
    ? ''
    : field === 'maxChangePct'
      ? String(Math.round(v * 1000) / 10)
      : String(v);

export function AllocationTable({
  rows,
  onChange,
}: {
  rows: AllocationRow[];
  onChange: (rows: AllocationRow[]) => void;
}) {
  const styles = useStyles();
  const set = (i: number, patch: Partial<AllocationRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const parse = (field: NumberField, text: string): number | null => {
    if (field === 'max' && text.trim() === '') return Infinity;
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v)) return null;
    return field === 'maxChangePct' ? v / 100 : v;
  };
  return (
    <div className={styles.wrap}>
      <table className={styles.table} aria-label="Allocation inputs">
        <thead>
          <tr>
            <th className={styles.cell}>Line</th>
            <th className={styles.cell}>Budget</th>
            <th className={styles.cell}>Locked</th>
            {COLUMNS.map((c) => (
              <th key={c.field} className={styles.cell}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id}>
              <td className={styles.cell}>{r.id}</td>
              <td className={styles.cell}>{r.current.toLocaleString('en-US')}</td>
              <td className={styles.cell}>
                <Checkbox
                  checked={r.locked}
                  onChange={(_, d) => set(i, { locked: d.checked === true })}
                  aria-label={`Lock ${r.id}`}
                />
              </td>
              {COLUMNS.map((c) => (
                <td key={c.field} className={styles.cell}>
                  <Input
                    size="small"
                    className={styles.input}
                    defaultValue={shown(c.field, r[c.field])}
                    aria-label={`${c.label} of ${r.id}`}
                    onBlur={(e) => {
                      const v = parse(c.field, e.currentTarget.value);
                      if (v !== null) set(i, { [c.field]: v } as Partial<AllocationRow>);
                    }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
