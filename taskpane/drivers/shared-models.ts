/**
 * Driver models shared through the team server: the pane's model (its `name = expression` lines and
 * the drivers it uses) is saved on the server through the connector (offline it waits in the queue;
 * an update carries the version last seen, so a colleague's newer save comes back as a conflict to
 * resolve: keep mine or take theirs), and a colleague's saved model can be read and taken as the
 * pane's model. Whenever a save reaches the server (at once, later from the queue, or after "mine"),
 * the local model records the server's new version, so its next save goes on top of it.
 */
import type { ApiClient, Connector, SentWrite, WriteOutcome } from '../../src/connector';
import type { ConflictEntry } from '../../src/connector/queue-store';
import type { DriverModel, NewDriverModel } from '../../src/model/driver';
import type { Repository } from '../../src/store/repository';
import type { DriverRecord, ModelRecord } from '../../src/store/schema';
import { DEFAULT_MODEL_ID } from '../state/use-pane-data';

/** The server's body for the local model in `costCentre`: its expression lines and its drivers. */
export function teamModelOf(model: ModelRecord, drivers: readonly DriverRecord[], costCentre: string): NewDriverModel {
  const byId = new Map(drivers.map((d) => [d.id, d]));
  const used = model.driverIds.map((id) => byId.get(id)).filter((d): d is DriverRecord => d !== undefined);
  return {
    costCentre,
    name: model.name,
    expression: model.expressions,
    drivers: used.map((d) => ({ name: d.name, distribution: d.distribution, params: d.params })),
  };
}

/**
 * Saves the pane's model on the team server: an update of the copy it is linked to (If-Match with
 * the version last seen), else of the cost centre's model of the same name, else a new model. Once
 * sent, the local model keeps the link to the server's copy and its new version.
 * @throws CONNECTOR_CONFLICT when the server's copy changed since (the write waits in Settings)
 */
export async function shareModel(
  api: ApiClient,
  repository: Repository,
  model: ModelRecord,
  drivers: readonly DriverRecord[],
  costCentre: string,
): Promise<WriteOutcome<DriverModel>> {
  const body = teamModelOf(model, drivers, costCentre);
  let link = model.team?.costCentre === costCentre ? model.team : undefined;
  if (!link) {
    // A save queued while offline created it already: update that one instead of making a second.
    const named = await api.listModels(costCentre).then(
      (found) => found.find((m) => m.name === model.name),
      () => undefined,
    );
    if (named) link = { id: named.id, costCentre, version: named.version };
  }
  const { costCentre: _centre, ...changes } = body;
  const outcome = link ? await api.updateModel(link, changes) : await api.createModel(body);
  if (outcome.sent) {
    const saved = outcome.body;
    await repository.put('models', { ...model, team: { id: saved.id, costCentre, version: saved.version } });
  }
  return outcome;
}

/**
 * Takes a team model as the pane's model: its drivers are stored (a local driver of the same name is
 * replaced, keeping its id; a new one gets `<model id>:<name>`) and the model is linked to the
 * server's copy, so the next save updates it.
 */
export async function takeTeamModel(repository: Repository, found: DriverModel): Promise<ModelRecord> {
  const held = new Map((await repository.list('drivers')).map((d) => [d.name.toLowerCase(), d.id]));
  const drivers: DriverRecord[] = found.drivers.map((d) => ({
    id: held.get(d.name.toLowerCase()) ?? `${found.id}:${d.name}`,
    name: d.name,
    distribution: d.distribution,
    params: Object.fromEntries(
      Object.entries(d.params).filter((e): e is [string, number | number[]] => e[1] !== undefined),
    ) as Record<string, number | number[]>,
  }));
  for (const driver of drivers) await repository.put('drivers', driver);
  const model: ModelRecord = {
    id: DEFAULT_MODEL_ID,
    name: found.name,
    expressions: found.expression,
    driverIds: drivers.map((d) => d.id),
    team: { id: found.id, costCentre: found.costCentre, version: found.version },
  };
  await repository.put('models', model);
  return model;
}

/**
 * Records a save of the pane's model that reached the server (`Connector.onSent`): the local model
 * linked to the saved copy, or for a first save the unlinked model of the same name, keeps the
 * server's id and new version. Returns the model as kept, or undefined when `sent` was not a newer
 * save of it.
 */
export async function keepSentModel(repository: Repository, sent: SentWrite): Promise<ModelRecord | undefined> {
  const { endpoint } = sent.write;
  if (endpoint !== 'createModel' && endpoint !== 'updateModel') return undefined;
  const saved = sent.response.body as DriverModel;
  const model = await repository.get('models', DEFAULT_MODEL_ID);
  if (!model) return undefined;
  const linked = model.team?.id === saved.id;
  if (linked ? model.team!.version >= saved.version : model.team || model.name !== saved.name) return undefined;
  const kept: ModelRecord = { ...model, team: { id: saved.id, costCentre: saved.costCentre, version: saved.version } };
  await repository.put('models', kept);
  return kept;
}

/** Whether a conflict is a save of a driver model (the Drivers view settles those). */
export const isModelConflict = (conflict: ConflictEntry): boolean =>
  conflict.write.endpoint === 'updateModel' || conflict.write.endpoint === 'createModel';

/**
 * Settles a conflicting save of the pane's model. "mine" sends it again on top of the server's
 * version, and once sent the local model records the version it made (`sent`; offline it waits in
 * the queue); "theirs" drops it and takes the server's copy as the pane's model (read afresh, else
 * the copy the conflict holds).
 */
export async function settleModelConflict(
  connector: Connector,
  api: Pick<ApiClient, 'getModel'>,
  repository: Repository,
  conflict: ConflictEntry,
  choice: 'mine' | 'theirs',
): Promise<{ model: ModelRecord | undefined; sent: boolean }> {
  const sent: SentWrite[] = [];
  const stop = connector.onSent((s) => sent.push(s));
  try {
    await connector.resolveConflict(conflict.seq, choice);
  } finally {
    stop();
  }
  if (choice === 'theirs') {
    const held = conflict.current as DriverModel;
    const theirs = await api.getModel(held.id).catch(() => held);
    return { model: await takeTeamModel(repository, theirs), sent: false };
  }
  let kept: ModelRecord | undefined;
  for (const s of sent) kept = (await keepSentModel(repository, s)) ?? kept;
  const mine = sent.some(
    (s) => s.write.endpoint === conflict.write.endpoint && s.write.pathParams.id === conflict.write.pathParams.id,
  );
  return { model: kept ?? (await repository.get('models', DEFAULT_MODEL_ID)), sent: mine };
}
