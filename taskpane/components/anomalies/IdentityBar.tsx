/** "Who am I": the reviewer's name, local role and owned cost centres (shared by Anomalies and Proposals). */
import { useEffect, useState } from 'react';
import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { SingleUserRole } from '../../../src/model/roles';
import { Identity, parseCostCentres } from '../../review/identity';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  small: { width: '90px' },
  wide: { flexGrow: 1, minWidth: '120px' },
});

export function IdentityBar({ identity, onChange }: { identity: Identity; onChange: (identity: Identity) => void }) {
  const styles = useStyles();
  const [name, setName] = useState(identity.name);
  const [centres, setCentres] = useState(identity.costCentres.join(', '));
  useEffect(() => {
    setName(identity.name);
    setCentres(identity.costCentres.join(', '));
  }, [identity]);
  const commit = (next: Partial<Identity>) =>
    onChange({ ...identity, name: name.trim() || 'me', costCentres: parseCostCentres(centres), ...next });
  return (
    <div className={styles.row} role="group" aria-label="Who am I">
      <Field label="I am" size="small" className={styles.small}>
        <Input size="small" value={name} onChange={(_, d) => setName(d.value)} onBlur={() => commit({})} />
      </Field>
      <Field label="Role" size="small">
        <Select size="small" value={identity.role} onChange={(_, d) => commit({ role: d.value as SingleUserRole })}>
          <option value="analyst">analyst</option>
          <option value="owner">budget owner</option>
          <option value="admin">admin</option>
        </Select>
      </Field>
      <Field label="My cost centres" size="small" className={styles.wide}>
        <Input
          size="small"
          value={centres}
          placeholder="CC1, CC2"
          onChange={(_, d) => setCentres(d.value)}
          onBlur={() => commit({})}
        />
      </Field>
    </div>
  );
}
