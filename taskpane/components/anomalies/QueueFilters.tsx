/**
 * The review queue's filters: cost centre, owner and kind (each "All" or one value), and the lowest
 * severity shown. The three choices are one control, fed from the scanned lines or the flag kinds.
 */
import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { BudgetLine } from '../../../src/model/budget-line';
import { FLAG_KINDS } from '../../../src/model/flag';
import type { QueueFilter } from '../../review/decisions';

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
});

type Choice = 'costCentre' | 'owner' | 'kind';

const distinct = (lines: BudgetLine[], pick: (l: BudgetLine) => string) =>
  [...new Set(lines.map(pick))].filter((v) => v !== '').sort();

export interface QueueFiltersProps {
  /** The scanned lines, whose cost centres and owners are offered. */
  lines: BudgetLine[];
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
}

export function QueueFilters({ lines, filter, onChange }: QueueFiltersProps) {
  const styles = useStyles();
  const choices: { key: Choice; label: string; values: readonly string[] }[] = [
    { key: 'costCentre', label: 'Cost centre', values: distinct(lines, (l) => l.costCentre) },
    { key: 'owner', label: 'Owner', values: distinct(lines, (l) => l.owner) },
    { key: 'kind', label: 'Kind', values: FLAG_KINDS },
  ];
  return (
    <div className={styles.filters} role="group" aria-label="Filters">
      {choices.map(({ key, label, values }) => (
        <Field key={key} label={label} size="small">
          <Select size="small" value={filter[key]} onChange={(_, d) => onChange({ ...filter, [key]: d.value })}>
            <option value="">All</option>
            {values.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </Select>
        </Field>
      ))}
      <Field label="Severity" size="small">
        <Select
          size="small"
          value={String(filter.minSeverity)}
          onChange={(_, d) => onChange({ ...filter, minSeverity: Number(d.value) })}
        >
          <option value="0">Any</option>
          <option value="0.5">≥ 0.5</option>
          <option value="0.75">≥ 0.75</option>
        </Select>
      </Field>
    </div>
  );
}
