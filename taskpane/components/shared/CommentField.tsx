/** The comment box of a review card (a flag, a proposal): labelled "Comment on <subject>" for screen readers. */
import { Field, Textarea } from '@fluentui/react-components';

export interface CommentFieldProps {
  /** What the comment is on: the flag's or the proposal's name. */
  subject: string;
  value: string;
  onChange: (value: string) => void;
  /** When a comment is needed, e.g. "Required to reject or revert." */
  hint?: string;
}

export function CommentField({ subject, value, onChange, hint }: CommentFieldProps) {
  return (
    <Field label="Comment" size="small" {...(hint ? { hint } : {})}>
      <Textarea
        size="small"
        value={value}
        onChange={(_, d) => onChange(d.value)}
        aria-label={`Comment on ${subject}`}
      />
    </Field>
  );
}
