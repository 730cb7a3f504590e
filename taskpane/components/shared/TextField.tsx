/**
 * A labelled text box: Fluent's Field around an Input whose value is a string the view keeps. The
 * one markup behind the views' address, amount and name boxes, so that each states only its label,
 * hint, value and what to fix.
 */
import { Field, Input, type InputProps } from '@fluentui/react-components';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** What to type, under the box. */
  hint?: string;
  required?: boolean;
  /** What to fix, under the box (the field is then marked invalid); undefined when the value is fine. */
  validationMessage?: string;
  /** @default 'medium' */
  size?: 'small' | 'medium';
  /** The field's class (e.g. one that lets it grow in a row). */
  className?: string;
  /** Anything else the box takes: inputMode, placeholder, type, its class or width, onBlur. */
  box?: Omit<InputProps, 'value' | 'onChange' | 'size'>;
}

export function TextField({ value, onChange, size, box, ...field }: TextFieldProps) {
  return (
    <Field {...field} size={size}>
      <Input {...box} size={size} value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
