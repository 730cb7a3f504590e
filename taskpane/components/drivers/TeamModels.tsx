/**
 * Team models, in the Drivers view when signed in to a team server: save the pane's model on the
 * server for a cost centre (offline the save waits in the connector's queue and goes out when the
 * server is back), list the cost centre's saved models and take one as the pane's model, and settle
 * a save that met a newer copy: both versions side by side, keep mine or take theirs.
 */
import { useCallback, useEffect, useState } from 'react';
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { SelectField } from '../shared/SelectField';
import { NoticeBar, type Notice } from '../shared/Notice';
import { isFpaError } from '../../../src/errors';
import type { Connector, ConnectorState } from '../../../src/connector';
import type { ConflictEntry } from '../../../src/connector/queue-store';
import type { DriverModel } from '../../../src/model/driver';
import type { Repository } from '../../../src/store/repository';
import type { DriverRecord, ModelRecord } from '../../../src/store/schema';
import type { SignedIn } from '../../connector/use-signed-in';
import { isModelConflict, settleModelConflict, shareModel, takeTeamModel } from '../../drivers/shared-models';
import { usePlainListStyles } from '../shell/plain-list';
import { driverNames, ModelConflict, useCodeStyles } from './ModelConflict';
import { TitledSection } from '../shared/TitledSection';
import { LineId } from '../tables/LineId';
import { LineIdText } from '../tables/LineIdText';

export interface TeamModelsProps {
  signedIn: SignedIn;
  connector: Connector;
  /** The connector's state, followed live (its conflicts are shown here). */
  state: ConnectorState;
  repository: Repository;
  model: ModelRecord;
  drivers: readonly DriverRecord[];
  /** Called after the pane's model or drivers changed in the store (reload them). */
  onChanged: () => Promise<void>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
});

const message = (error: unknown): string =>
  isFpaError(error) ? error.message : error instanceof Error ? error.message : String(error);

export function TeamModels({ signedIn, connector, state, repository, model, drivers, onChanged }: TeamModelsProps) {
  const styles = useStyles();
  const code = useCodeStyles();
  const plain = usePlainListStyles();
  const { api, user } = signedIn;
  const centres = user.costCentres === '*' ? [] : [...user.costCentres];
  const [costCentre, setCostCentre] = useState(model.team?.costCentre ?? centres[0] ?? '');
  const [found, setFound] = useState<DriverModel[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** Why the team's models are not listed (offline), shown apart from the notice of the last action. */
  const [unread, setUnread] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const conflicts = state.conflicts.filter(isModelConflict);

  const list = useCallback(async () => {
    if (!costCentre) return;
    try {
      // By name, as a user looks one up: the server pages models in creation order (a key that never moves).
      const models = await api.listModels(costCentre);
      setFound([...models].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)));
      setUnread(null);
    } catch (error) {
      setFound(null);
      setUnread(
        `The team's models of ${costCentre} cannot be read now: ${message(error)} This model still works here, and a save waits in the queue until the server is back.`,
      );
    }
  }, [api, costCentre]);
  useEffect(() => {
    void list();
  }, [list]);

  const act = async (work: () => Promise<Notice | null>) => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (error) {
      setNotice({ intent: 'error', text: message(error) });
    } finally {
      setBusy(false);
      await list();
    }
  };

  const save = () =>
    act(async () => {
      try {
        const outcome = await shareModel(api, repository, model, drivers, costCentre);
        await onChanged();
        return outcome.sent
          ? {
              intent: 'success',
              text: `Saved ${model.name} on the team server: version ${outcome.body.version} of ${costCentre}.`,
            }
          : {
              intent: 'warning',
              text: `The team server cannot be reached: the save of ${model.name} waits in the queue and is sent when it is back (Settings › Team server).`,
            };
      } catch (error) {
        if (isFpaError(error) && error.code === 'CONNECTOR_CONFLICT')
          return {
            intent: 'warning',
            text: `${model.name} changed on the team server since you last saved or took it: choose which version to keep below.`,
          };
        throw error;
      }
    });

  const take = (chosen: DriverModel) =>
    act(async () => {
      await takeTeamModel(repository, chosen);
      await onChanged();
      return {
        intent: 'success',
        text: `${chosen.name} (version ${chosen.version}, ${chosen.costCentre}) is now this pane's model; the next save updates it.`,
      };
    });

  const settle = (conflict: ConflictEntry, choice: 'mine' | 'theirs') =>
    act(async () => {
      const { model: kept, sent } = await settleModelConflict(connector, api, repository, conflict, choice);
      await onChanged();
      if (choice === 'theirs')
        return { intent: 'success', text: `Took the team server's ${kept?.name ?? 'model'}: your change was dropped.` };
      if (connector.getState().conflicts.some((c) => c.write.pathParams.id === conflict.write.pathParams.id))
        return { intent: 'warning', text: 'The server changed again meanwhile: choose again below.' };
      return sent && kept?.team
        ? { intent: 'success', text: `Your version is saved on top: version ${kept.team.version} on the team server.` }
        : {
            intent: 'warning',
            text: 'The team server cannot be reached: your version waits in the queue and goes on top when it is back.',
          };
    });

  const linked = model.team;
  return (
    <TitledSection id="team-models" title="Team models" level="h3" className={styles.root}>
      <Caption1 data-testid="model-link">
        <LineIdText
          text={
            linked
              ? `This model is version ${linked.version} of ${linked.costCentre}'s "${model.name}" on ${signedIn.server}.`
              : `Not saved on ${signedIn.server} yet.`
          }
          ids={linked ? [linked.costCentre] : []}
        />
      </Caption1>
      {notice && <NoticeBar {...notice} ids={[...(notice.ids ?? []), costCentre]} />}
      {conflicts.map((conflict) => (
        <ModelConflict
          key={conflict.seq}
          conflict={conflict}
          busy={busy}
          onSettle={(choice) => void settle(conflict, choice)}
        />
      ))}
      <div className={styles.row}>
        {centres.length > 0 && (
          <SelectField label="Cost centre" value={costCentre} onChange={setCostCentre} options={centres} />
        )}
        <Button
          appearance="primary"
          disabled={busy || !costCentre || model.expressions.trim() === ''}
          onClick={() => void save()}
        >
          Save to team server
        </Button>
        <Button disabled={busy || !costCentre} onClick={() => void list()}>
          Refresh models
        </Button>
      </div>
      {unread && (
        <Caption1 data-testid="team-models-unread">
          <LineIdText text={unread} ids={[costCentre]} />
        </Caption1>
      )}
      {found?.length === 0 && (
        <Caption1>
          No model saved for <LineId id={costCentre} /> yet.
        </Caption1>
      )}
      {found && found.length > 0 && (
        <ul className={plain.list} aria-label="Team models">
          {found.map((m) => (
            <li key={m.id} className={styles.item}>
              <Body1 block>
                {m.name} · version {m.version}
                {(m as { createdBy?: string }).createdBy ? ` · by ${(m as { createdBy?: string }).createdBy}` : ''}
              </Body1>
              <pre className={code.code}>{m.expression}</pre>
              <Caption1>Drivers: {driverNames(m.drivers)}</Caption1>
              <div className={styles.row}>
                <Button size="small" disabled={busy} onClick={() => void take(m)} aria-label={`Use ${m.name}`}>
                  {linked?.id === m.id ? 'Use the server’s copy' : 'Use this model'}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </TitledSection>
  );
}
