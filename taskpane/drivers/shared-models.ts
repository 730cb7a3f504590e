/**
 * Driver models shared through the team server: the pane's model (its `name = expression` lines and
 * the drivers it uses) is saved on the server through the connector (offline it waits in the queue;
 * an update carries the version last seen, so a colleague's newer save comes back as a conflict to
 * resolve in Settings), and a colleague's saved model can be read and taken as the pane's model.
 */
import type { ApiClient, WriteOutcome } from '../../src/connector';
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
 * Takes a team model as the pane's model: its drivers are stored (ids `<model id>:<name>`) and the
 * model is linked to the server's copy, so the next save updates it.
 */
export async function takeTeamModel(repository: Repository, found: DriverModel): Promise<ModelRecord> {
  const drivers: DriverRecord[] = found.drivers.map((d) => ({
    id: `${found.id}:${d.name}`,
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
