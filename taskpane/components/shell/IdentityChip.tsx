/**
 * Who the reviewer is, as a chip in the header: initials, name and role. Opening it edits the
 * single-user identity (name, role, owned cost centres), shared by Anomalies and Proposals: the role
 * dropdown exists only there, labelled as single-user mode. When the team server signed the user
 * in, pass `signedIn`: the chip shows that identity (user, every role, cost centres) read-only; the
 * server decided who you are.
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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SelectField } from '../shared/SelectField';
import type { Role, SingleUserRole } from '../../../src/model/roles';
import type { SignedIn } from '../../connector/use-signed-in';
import { Identity, parseCostCentres } from '../../review/identity';
import { LineIdText } from '../tables/LineIdText';

const ROLE_LABEL: Record<string, string> = { analyst: 'analyst', owner: 'budget owner', admin: 'admin' };

/** Team roles as the chip names them. */
const TEAM_ROLE_LABEL: Record<Role, string> = {
  admin: 'admin',
  approver: 'approver',
  controller: 'finance controller',
  cfo: 'CFO',
  budget_owner: 'budget owner',
  analyst: 'analyst',
  viewer: 'viewer',
};

/** "CC1, CC2", or "every cost centre" for "*". */
const centresText = (centres: readonly string[] | '*') =>
  centres === '*' ? 'every cost centre' : centres.length ? centres.join(', ') : 'no cost centre';

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
  signedIn?: SignedIn | null;
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
  const shown = signedIn ? signedIn.user.id : identity.name;
  const role = signedIn
    ? signedIn.user.roles.map((r) => TEAM_ROLE_LABEL[r]).join(', ')
    : (ROLE_LABEL[identity.role] ?? identity.role);
  return (
    <Popover positioning="below-end">
      <PopoverTrigger disableButtonEnhancement>
        <Button
          className={styles.chip}
          appearance="subtle"
          size="small"
          aria-label={
            signedIn ? `Signed in as ${shown}, ${role}. Details` : `You: ${shown}, ${role} (single-user mode). Change`
          }
          data-testid="identity-chip"
          data-mode={signedIn ? 'signed-in' : 'single-user'}
          icon={
            <span className={styles.initials} aria-hidden>
              {initials(shown)}
            </span>
          }
        >
          <span className={styles.text}>
            {shown} · {role}
          </span>
        </Button>
      </PopoverTrigger>
      <PopoverSurface aria-label="Who am I">
        {signedIn ? (
          <div className={styles.form} data-testid="signed-in">
            <Caption1>
              <LineIdText
                text={`Signed in to ${signedIn.server} as ${shown}: ${role}; ${centresText(signedIn.user.costCentres)}.`}
                ids={signedIn.user.costCentres === '*' ? [] : signedIn.user.costCentres}
              />
            </Caption1>
            <Caption1>The server decides who you are and what you may do; approvals follow its chain.</Caption1>
          </div>
        ) : (
          <div className={styles.form} role="group" aria-label="Who am I">
            <Field label="I am" size="small">
              <Input size="small" value={name} onChange={(_, d) => setName(d.value)} onBlur={() => commit({})} />
            </Field>
            <SelectField<SingleUserRole>
              label="Role (single-user mode)"
              size="small"
              value={identity.role}
              onChange={(role) => commit({ role })}
              options={['analyst', { value: 'owner', label: 'budget owner' }, 'admin']}
            />
            <Field label="My cost centres" size="small" hint="Shown first in the review queue; e.g. MKT, IT">
              <Input
                size="small"
                value={centres}
                placeholder="CC1, CC2"
                onChange={(_, d) => setCentres(d.value)}
                onBlur={() => commit({})}
              />
            </Field>
            <Caption1>
              Single-user mode: roles are yours to set, and an approval made here is recorded as self-approved. With a
              team server, sign-in decides them.
            </Caption1>
          </div>
        )}
      </PopoverSurface>
    </Popover>
  );
}
