/**
 * The review queue's filters: cost centre, owner and kind (each "All" or one value), and the lowest
 * severity shown. The three choices are one control, fed from the scanned lines or the flag kinds.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { SelectField } from '../shared/SelectField';
import type { BudgetLine } from '../../../src/model/budget-line';
import { FLAG_KINDS } from '../../../src/model/flag';
import type { QueueFilter } from '../../review/decisions';
import { useNumbers } from '../../state/numbers';

/** The lowest severities offered, written as the cards' badges write severity ("severity 0.82"). */
const SEVERITIES = [0.5, 0.75];

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
  const numbers = useNumbers();
  const choices: { key: Choice; label: string; values: readonly string[] }[] = [
    { key: 'costCentre', label: 'Cost centre', values: distinct(lines, (l) => l.costCentre) },
    { key: 'owner', label: 'Owner', values: distinct(lines, (l) => l.owner) },
    { key: 'kind', label: 'Kind', values: FLAG_KINDS },
  ];
  return (
    <div className={styles.filters} role="group" aria-label="Filters">
      {choices.map(({ key, label, values }) => (
        <SelectField
          key={key}
          label={label}
          size="small"
          value={filter[key]}
          onChange={(v) => onChange({ ...filter, [key]: v })}
          options={[{ value: '', label: 'All' }, ...values]}
        />
      ))}
      <SelectField
        label="Severity"
        size="small"
        value={String(filter.minSeverity)}
        onChange={(v) => onChange({ ...filter, minSeverity: Number(v) })}
        options={[
          { value: '0', label: 'Any' },
          ...SEVERITIES.map((v) => ({ value: String(v), label: `≥ ${numbers.format(v, 'ratio')}` })),
        ]}
      />
    </div>
  );
}
