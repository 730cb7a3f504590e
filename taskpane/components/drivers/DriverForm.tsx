/**
 * Create or edit one driver: name, distribution, its parameters with plain-language hints, the
 * engine's validation message next to the field at fault, and a live preview with P5/P50/P95.
 */
import { useMemo, useState } from 'react';
import { Button, Field, Input, makeStyles, tokens, Caption1 } from '@fluentui/react-components';
import { SelectField } from '../shared/SelectField';
import {
  DISTRIBUTION_NAMES,
  DISTRIBUTION_PARAMETERS,
  canonicalFamily,
} from '../../../src/scenario/distributions/catalogue';
import type { DriverRecord } from '../../../src/store/schema';
import { checkDriver, DriverDraft, PARAMETER_HINTS } from '../../drivers/validate-driver';
import { distributionPreview } from '../../../src/scenario/distribution-preview';
import { HistogramChart } from '../charts/HistogramChart';
import { useNumbers } from '../../state/numbers';

export interface DriverFormProps {
  /** The driver being edited; undefined to create one. */
  initial?: DriverRecord;
  /** Names of the other drivers (must differ). */
  otherNames: string[];
  onSave: (driver: Omit<DriverRecord, 'id'>) => void;
  onCancel: () => void;
}

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

function toDraft(d?: DriverRecord): DriverDraft {
  if (!d) return { name: '', distribution: 'normal', params: {} };
  return {
    name: d.name,
    distribution: canonicalFamily(d.distribution) ?? d.distribution,
    params: Object.fromEntries(
      Object.entries(d.params).map(([k, v]) => [k, Array.isArray(v) ? v.join(';') : String(v)]),
    ),
  };
}

/** State: the draft, whether the user has tried to save, and the engine's verdict on it. */
function useDriverForm(props: DriverFormProps) {
  const [draft, setDraft] = useState<DriverDraft>(() => toDraft(props.initial));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const numbers = useNumbers();
  const check = useMemo(
    () =>
      checkDriver(draft, props.otherNames, (text) => {
        const parsed = numbers.parse(text, { field: 'Parameter' });
        return parsed.ok ? parsed.value : null;
      }),
    [draft, props.otherNames, numbers],
  );
  const preview = useMemo(
    () => (check.distribution ? distributionPreview(check.distribution) : null),
    [check.distribution],
  );
  const family = canonicalFamily(draft.distribution) ?? 'normal';
  const shown = (field: string) => (submitted || touched[field] ? check.errors[field] : undefined);
  const save = () => {
    setSubmitted(true);
    if (Object.keys(check.errors).length === 0 && check.distribution)
      props.onSave({ name: draft.name.trim(), distribution: family, params: check.params });
  };
  return { draft, setDraft, setTouched, check, preview, family, shown, save };
}

export function DriverForm(props: DriverFormProps) {
  const styles = useStyles();
  const { draft, setDraft, setTouched, check, preview, family, shown, save } = useDriverForm(props);
  const touch = (field: string) => setTouched((t) => ({ ...t, [field]: true }));
  return (
    <form
      className={styles.form}
      aria-label={props.initial ? `Edit driver ${props.initial.name}` : 'New driver'}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Field label="Name" hint="Used in model expressions, e.g. price" validationMessage={shown('name')} required>
        <Input
          value={draft.name}
          onChange={(_, d) => setDraft({ ...draft, name: d.value })}
          onBlur={() => touch('name')}
        />
      </Field>
      <SelectField
        label="Distribution"
        validationMessage={shown('distribution')}
        value={family}
        onChange={(distribution) => setDraft({ ...draft, distribution })}
        options={DISTRIBUTION_NAMES}
      />
      {DISTRIBUTION_PARAMETERS[family].map((p) => (
        <Field key={p} label={p} hint={PARAMETER_HINTS[p]} validationMessage={shown(p)}>
          <Input
            inputMode={p === 'values' || p === 'probabilities' ? 'text' : 'decimal'}
            value={draft.params[p] ?? ''}
            onChange={(_, d) => setDraft({ ...draft, params: { ...draft.params, [p]: d.value } })}
            onBlur={() => touch(p)}
          />
        </Field>
      ))}
      {shown('form') && <Caption1 role="alert">{shown('form')}</Caption1>}
      {preview && (
        <HistogramChart
          histogram={preview.histogram}
          title={`Preview of ${draft.name || 'the driver'}`}
          axisLabel={draft.name || 'value'}
          unit="number"
          height={150}
          markers={[
            { label: 'P5', value: preview.p5 },
            { label: 'P50', value: preview.p50 },
            { label: 'P95', value: preview.p95 },
          ]}
        />
      )}
      {!check.distribution && <Caption1>The preview appears when the parameters are valid.</Caption1>}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          Save driver
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
