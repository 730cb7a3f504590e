/**
 * The "New budget workbook" form: cost centres (typed, or a hierarchy table read from the
 * selection), accounts, months and the first forecast month, interval columns. It only collects
 * text; src/sheets/template checks it and names what to fix.
 */
import { Button, Caption1, Checkbox, Field, Input, Textarea } from '@fluentui/react-components';
import type { Hierarchy } from '../../../src/sheets/template';
import { useLayoutStyles } from '../shared/layout-styles';

export interface TemplateDraft {
  /** One cost centre per line (or comma separated), when no hierarchy is read. */
  costCentres: string;
  accounts: string;
  /** "2025-01 to 2026-12" or a list. */
  months: string;
  forecastFrom: string;
  intervals: boolean;
}

export const EMPTY_DRAFT: TemplateDraft = {
  costCentres: '',
  accounts: '',
  months: '',
  forecastFrom: '',
  intervals: false,
};

/**
 * A list box's height in lines: every line of a short list (the sample's four accounts showed two and
 * half of "Software"), up to 8; a longer list scrolls.
 */
const rowsFor = (text: string): number => Math.min(Math.max(text.split('\n').length, 2), 8);

export interface TemplateFormProps {
  draft: TemplateDraft;
  onChange: (draft: TemplateDraft) => void;
  /** The hierarchy read from the selection, or null (typed cost centres are used). */
  hierarchy: Hierarchy | null;
  onReadHierarchy: () => void;
  onClearHierarchy: () => void;
  busy: boolean;
}

export function TemplateForm({
  draft,
  onChange,
  hierarchy,
  onReadHierarchy,
  onClearHierarchy,
  busy,
}: TemplateFormProps) {
  const layout = useLayoutStyles();
  const text = (key: 'costCentres' | 'accounts' | 'months' | 'forecastFrom') => ({
    value: draft[key],
    onChange: (_: unknown, d: { value: string }) => onChange({ ...draft, [key]: d.value }),
  });
  return (
    <div className={layout.column}>
      {hierarchy ? (
        <div className={layout.row}>
          <Caption1 data-testid="hierarchy-read">
            Hierarchy: {hierarchy.costCentres.length} cost centres
            {hierarchy.levels.length > 0 ? ` under ${hierarchy.levels.join(' → ')}` : ''}
          </Caption1>
          <Button size="small" onClick={onClearHierarchy}>
            Type cost centres instead
          </Button>
        </div>
      ) : (
        <>
          <Field label="Cost centres" hint="One per line, or separated by commas.">
            <Textarea resize="vertical" rows={rowsFor(draft.costCentres)} {...text('costCentres')} />
          </Field>
          <Button size="small" onClick={onReadHierarchy} disabled={busy}>
            Use selected hierarchy table
          </Button>
        </>
      )}
      <Field label="Accounts" hint="One per line, or separated by commas.">
        <Textarea resize="vertical" rows={rowsFor(draft.accounts)} {...text('accounts')} />
      </Field>
      <Field label="Months" hint="For example 2025-01 to 2026-12.">
        <Input {...text('months')} />
      </Field>
      <Field label="First forecast month" hint="The first month without actuals, e.g. 2025-07.">
        <Input {...text('forecastFrom')} />
      </Field>
      <Checkbox
        label="Interval columns beside the forecast"
        checked={draft.intervals}
        onChange={(_, d) => onChange({ ...draft, intervals: d.checked === true })}
      />
    </div>
  );
}
