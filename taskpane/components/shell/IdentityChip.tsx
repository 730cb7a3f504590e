/**
 * Who the reviewer is, as a chip in the header: initials, name and role. Opening it edits the
 * single-user identity (name, role, owned cost centres), shared by Anomalies and Proposals. When the
 * team server signs the user in (issue 15), pass `signedIn` and the chip shows that identity,
 * read-only: the server decides who you are.
 */
import { useEffect, useState } from 'react';
import {
  Button,
  Caption1,
  Field,
  Input,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SingleUserRole } from '../../../src/model/roles';
import { Identity, parseCostCentres } from '../../review/identity';

const ROLE_LABEL: Record<string, string> = { analyst: 'analyst', owner: 'budget owner', admin: 'admin' };

const useStyles = makeStyles({
  chip: {
    minWidth: 0,
    maxWidth: '150px',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusCircular,
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  initials: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '20px',
    height: '20px',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, width: '240px' },
});

/** "Mia Lopez" → "ML", "me" → "M". */
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0].toUpperCase())
    .join('') || '?';

export interface IdentityChipProps {
  identity: Identity;
  onChange: (identity: Identity) => void;
  /** Set when the identity comes from sign-in: shown, not edited. */
  signedIn?: { server: string };
}

export function IdentityChip({ identity, onChange, signedIn }: IdentityChipProps) {
  const styles = useStyles();
  const [name, setName] = useState(identity.name);
  const [centres, setCentres] = useState(identity.costCentres.join(', '));
  useEffect(() => {
    setName(identity.name);
    setCentres(identity.costCentres.join(', '));
  }, [identity]);
  const commit = (next: Partial<Identity>) =>
    onChange({ ...identity, name: name.trim() || 'me', costCentres: parseCostCentres(centres), ...next });
  const role = ROLE_LABEL[identity.role] ?? identity.role;
  return (
    <Popover positioning="below-end">
      <PopoverTrigger disableButtonEnhancement>
        <Button
          className={styles.chip}
          appearance="subtle"
          size="small"
          aria-label={`You: ${identity.name}, ${role}. Change`}
          data-testid="identity-chip"
          icon={
            <span className={styles.initials} aria-hidden>
              {initials(identity.name)}
            </span>
          }
        >
          <span className={styles.text}>
            {identity.name} · {role}
          </span>
        </Button>
      </PopoverTrigger>
      <PopoverSurface aria-label="Who am I">
        {signedIn ? (
          <div className={styles.form}>
            <Caption1>
              Signed in to {signedIn.server} as {identity.name} ({role}
              {identity.costCentres.length ? `; ${identity.costCentres.join(', ')}` : ''}).
            </Caption1>
          </div>
        ) : (
          <div className={styles.form} role="group" aria-label="Who am I">
            <Field label="I am" size="small">
              <Input size="small" value={name} onChange={(_, d) => setName(d.value)} onBlur={() => commit({})} />
            </Field>
            <Field label="Role" size="small">
              <Select
                size="small"
                value={identity.role}
                onChange={(_, d) => commit({ role: d.value as SingleUserRole })}
              >
                <option value="analyst">analyst</option>
                <option value="owner">budget owner</option>
                <option value="admin">admin</option>
              </Select>
            </Field>
            <Field label="My cost centres" size="small" hint="Shown first in the review queue; e.g. MKT, IT">
              <Input
                size="small"
                value={centres}
                placeholder="CC1, CC2"
                onChange={(_, d) => setCentres(d.value)}
                onBlur={() => commit({})}
              />
            </Field>
            <Caption1>Working alone: roles are yours to set. With a team server, sign-in decides them.</Caption1>
          </div>
        )}
      </PopoverSurface>
    </Popover>
  );
}
