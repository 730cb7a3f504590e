/**
 * Versions: the team server's budget versions of a cost centre, newest first, each with where it
 * came from (the proposal, who approved, who applied). Any version can be written into the
 * workbook (its cost centre's sheet, refused when the sheet was edited since the last write), and
 * any two compared side by side. Needs the team server; without it the view says where to connect.
 */
import { useEffect, useMemo, useState } from 'react';
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { SelectField } from '../shared/SelectField';
import { NoticeBar, type Notice } from '../shared/Notice';
import { TextField } from '../shared/TextField';
import { apiClient, type Connector } from '../../../src/connector';
import type { BudgetVersion, VersionComparison } from '../../../src/model/version';
import { paneConnector } from '../../connector/pane-connector';
import { useConnector } from '../../connector/use-signed-in';
import { writeVersion } from '../../versions/write-version';
import { useNumbers } from '../../state/numbers';
import type { Workbook } from '../../workbook/types';
import { SaveSheetVersion } from './SaveSheetVersion';
import { VersionCompare } from './VersionCompare';
import { ViewSection } from '../shared/TitledSection';
import { KnownLineIds } from '../tables/KnownLineIds';
import { LineId } from '../tables/LineId';

export interface VersionsViewProps {
  workbook: Workbook;
  /** Cost centres to offer first (the user's own). */
  costCentres: readonly string[];
  /** The pane's connector. @default paneConnector */
  getConnector?: () => Promise<Connector>;
  /** Opens Settings (to connect). */
  onOpenSettings?: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '120px' },
  // The two versions compared are as wide as each other: side by side where both fit (450 px), one under
  // the other where not. At 320 px "Compare with" shared its row with the button, 104 px narrower than Base.
  pick: { flex: '1 1 200px', minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  item: {
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  text: { wordBreak: 'break-word' },
});

/** Newest first: fiscal year, then kind, then number (v10 after v9, not after v1). */
const newestFirst = (a: BudgetVersion, b: BudgetVersion): number =>
  b.fiscalYear - a.fiscalYear ||
  a.kind.localeCompare(b.kind) ||
  (b.number ?? 0) - (a.number ?? 0) ||
  b.name.localeCompare(a.name);

const when = (iso: string | undefined): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

/**
 * "from proposal 1a2b3c4d · approved by bob, carol · applied by alice" ("from reversal 5e6f7a8b of
 * proposal 1a2b3c4d · …" for a reversal's), from the version's lineage.
 */
export function lineageLine(version: BudgetVersion): string {
  const lineage = version.lineage ?? {};
  const parts: string[] = [];
  if (typeof lineage.proposalId === 'string')
    parts.push(
      typeof lineage.reverts === 'string'
        ? `from reversal ${lineage.proposalId.slice(0, 8)} of proposal ${lineage.reverts.slice(0, 8)}`
        : `from proposal ${lineage.proposalId.slice(0, 8)}`,
    );
  const approvers = Array.isArray(lineage.approvers)
    ? lineage.approvers.map((a) => String((a as { who?: unknown }).who ?? '')).filter(Boolean)
    : [];
  if (approvers.length) parts.push(`approved by ${approvers.join(', ')}`);
  if (typeof lineage.appliedBy === 'string') parts.push(`applied by ${lineage.appliedBy}`);
  if (typeof lineage.revertedBy === 'string') parts.push(`reverted by ${lineage.revertedBy}`);
  if (parts.length === 0 && version.createdBy) parts.push(`created by ${version.createdBy}`);
  return parts.join(' · ');
}

const message = (error: unknown): string =>
  error instanceof Error ? ('fullMessage' in error ? String(error.fullMessage) : error.message) : String(error);

export function VersionsView({
  workbook,
  costCentres,
  getConnector = paneConnector,
  onOpenSettings,
}: VersionsViewProps) {
  const styles = useStyles();
  const numbers = useNumbers();
  const { connector, state } = useConnector(getConnector);
  const api = useMemo(() => (connector ? apiClient(connector) : null), [connector]);
  const [costCentre, setCostCentre] = useState(costCentres[0] ?? '');
  const [versions, setVersions] = useState<BudgetVersion[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pair, setPair] = useState<{ base: string; other: string }>({ base: '', other: '' });
  const [comparison, setComparison] = useState<VersionComparison | null>(null);

  const connected = state !== null && state.status !== 'disconnected';
  const run = async (work: (api: ReturnType<typeof apiClient>) => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await work(apiClient(await getConnector()));
    } catch (error) {
      setNotice({ intent: 'error', text: message(error) });
    } finally {
      setBusy(false);
    }
  };

  const load = (centre: string) =>
    run(async (api) => {
      const found = [...(await api.listVersions(centre.trim()))].sort(newestFirst);
      setVersions(found);
      setComparison(null);
      setPair({ base: found[1]?.id ?? found[0]?.id ?? '', other: found[0]?.id ?? '' });
    });
  // The user's own cost centre's versions, as soon as the connection is there.
  const own = costCentres[0] ?? '';
  useEffect(() => {
    const centre = costCentre.trim() || own;
    if (!costCentre.trim() && own) setCostCentre(own);
    if (connected && centre && versions === null) void load(centre);
  }, [connected, own]);

  const name = (id: string) => versions?.find((v) => v.id === id)?.name ?? id.slice(0, 8);

  if (!connected)
    return (
      <ViewSection view="versions" className={styles.root}>
        <NoticeBar
          intent="info"
          text="Budget versions live on the team server: applying an approved proposal there makes a new one. Connect in Settings › Team server to see them."
        />
        {onOpenSettings && (
          <div className={styles.row}>
            <Button onClick={onOpenSettings}>Open Settings</Button>
          </div>
        )}
        {notice && <NoticeBar {...notice} />}
      </ViewSection>
    );

  // The cost centre asked for and the versions' are named in the view's messages: drawn whole.
  const centres = [costCentre.trim(), ...(versions ?? []).map((v) => v.costCentre)];
  return (
    <ViewSection view="versions" className={styles.root}>
      <KnownLineIds ids={centres}>
        <div className={styles.row}>
          <TextField label="Cost centre" className={styles.grow} value={costCentre} onChange={setCostCentre} />
          <Button disabled={busy || !costCentre.trim()} onClick={() => void load(costCentre)}>
            Show versions
          </Button>
        </div>
        {notice && <NoticeBar {...notice} />}
        {versions && versions.length === 0 && (
          <Body1>
            No versions of <LineId id={costCentre.trim()} /> yet. Applying an approved proposal makes the next one.
          </Body1>
        )}
        {versions && versions.length > 0 && (
          <ul className={styles.list} aria-label="Versions" data-testid="version-list">
            {versions.map((v) => (
              <li key={v.id} className={styles.item} data-testid="version">
                <Body1 className={styles.text}>
                  <strong>{v.name}</strong> · {v.kind} {v.fiscalYear} · {when(v.createdAt)}
                </Body1>
                {lineageLine(v) && <Caption1 className={styles.text}>{lineageLine(v)}</Caption1>}
                <div className={styles.row}>
                  <Button
                    size="small"
                    disabled={busy}
                    aria-label={`Write ${v.name} to the workbook`}
                    onClick={() =>
                      void run(async (api) => {
                        const done = await writeVersion(workbook, api, v.id, numbers.style);
                        setNotice({
                          intent: 'success',
                          text: `Wrote ${v.name} into ${done.sheet}!${done.address}${done.replaced ? ` (it held ${done.replaced})` : ''}.`,
                        });
                      })
                    }
                  >
                    Write to workbook
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {versions && versions.length > 0 && api && (
          <>
            <Subtitle2 as="h3">Save the sheet as a new version</Subtitle2>
            <Caption1>
              Edit the amounts in the sheet a version was written to, then save them as a new version made from it.
            </Caption1>
            <SaveSheetVersion
              workbook={workbook}
              api={api}
              costCentre={costCentre.trim()}
              versions={versions}
              onSaved={() => void load(costCentre)}
            />
          </>
        )}
        {versions && versions.length > 1 && (
          <>
            <Subtitle2 as="h3">Compare</Subtitle2>
            <div className={styles.row}>
              {(['base', 'other'] as const).map((side) => (
                <SelectField
                  key={side}
                  label={side === 'base' ? 'Base' : 'Compare with'}
                  className={styles.pick}
                  value={pair[side]}
                  onChange={(id) => setPair({ ...pair, [side]: id })}
                  options={versions.map((v) => ({ value: v.id, label: `${v.name} (${v.kind} ${v.fiscalYear})` }))}
                />
              ))}
              <Button
                disabled={busy || !pair.base || !pair.other}
                onClick={() => void run(async (api) => setComparison(await api.compareVersions(pair.base, pair.other)))}
              >
                Compare
              </Button>
            </div>
            {comparison && (
              <VersionCompare
                comparison={comparison}
                baseName={name(comparison.base)}
                otherName={name(comparison.other)}
              />
            )}
          </>
        )}
      </KnownLineIds>
    </ViewSection>
  );
}
