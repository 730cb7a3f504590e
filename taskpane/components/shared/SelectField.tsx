/**
 * A labelled drop-down: Fluent's Field around a Select of fixed choices. The one markup behind the
 * views' pickers (an output, a cost centre, a distribution, a role…), so that each states only its
 * label, choices and value.
 */
import { Field, Select, makeStyles, mergeClasses } from '@fluentui/react-components';

// A Field lays its control out as a grid item, whose minimum width is its content's: a list sized to its
// longest choice ("Latin hypercube (fewer trials for the same precision)", 425 px) pushed a 320 px pane
// sideways. The list may shrink to the field; the choice shown is then cut short, the open list shows it whole.
const useStyles = makeStyles({ shrinks: { minWidth: 0, maxWidth: '100%' } });

/** A choice: a value shown as itself, or a value and what the list shows for it. */
export type SelectOption<V extends string> = V | { value: V; label: string };

export interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: readonly SelectOption<V>[];
  /** What to fix, under the list; undefined when the value is fine. */
  validationMessage?: string;
  /** @default 'medium' */
  size?: 'small' | 'medium';
  /** The field's class (e.g. one that lets it grow in a row). */
  className?: string;
  /** The list's own class (e.g. one that makes it fill the field). */
  selectClassName?: string;
}

export function SelectField<V extends string>({
  value,
  onChange,
  options,
  size,
  selectClassName,
  ...field
}: SelectFieldProps<V>) {
  const styles = useStyles();
  return (
    <Field {...field} size={size}>
      <Select
        className={mergeClasses(styles.shrinks, selectClassName)}
        size={size}
        value={value}
        onChange={(_, d) => onChange(d.value as V)}
      >
        {options.map((o) => {
          const { value: v, label } = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={v} value={v}>
              {label}
            </option>
          );
        })}
      </Select>
    </Field>
  );
}
