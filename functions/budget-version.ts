/**
 * FPA.BUDGET.VERSION: a stored budget version read from the team server into the sheet, as an
 * account × period grid. A thin adapter: the connection is the pane's (src/connector), the name
 * lookup and the grid are src/model's and src/sheets'. Offline it returns #N/A saying to connect.
 */
import { apiClient, ConnectorErrors, sharedConnector, type Connector } from '../src/connector';
import { isFpaError } from '../src/errors';
import { ModelErrors } from '../src/model/errors';
import { findVersion, isVersionId, type BudgetVersion } from '../src/model/version';
import { versionGrid, versionGridCells } from '../src/sheets/version-sheet';
import { optionalString, safelyAsync } from './adapter';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's metadata generator requires the
   TypeScript types of custom functions to match their JSDoc types (any for scalars that may be text or numbers). */

const FUNCTION = 'FPA.BUDGET.VERSION';

/** A text argument that may arrive as a number (a cost centre 4100 typed into a cell). */
const text = (value: unknown, field: string): string =>
  optionalString(typeof value === 'number' ? String(value) : value, field, '');

async function connected(): Promise<Connector> {
  const shared = sharedConnector();
  if (!shared) throw ConnectorErrors.needsServer(FUNCTION, 'the add-in is not connected to one');
  const connector = await shared;
  const { status } = connector.getState();
  if (status === 'disconnected') throw ConnectorErrors.needsServer(FUNCTION, 'the add-in is not connected to one');
  if (status === 'error') throw ConnectorErrors.needsServer(FUNCTION, 'the server refused the sign-in');
  return connector;
}

/** Reads through the connector; no answer from the server becomes #N/A saying so (not the queue's hint). */
async function read<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isFpaError(error) && error.code === 'CONNECTOR_OFFLINE')
      throw ConnectorErrors.needsServer(FUNCTION, `the server cannot be reached (${error.message})`);
    throw error;
  }
}

async function resolve(connector: Connector, wanted: string, costCentre: string): Promise<BudgetVersion> {
  const api = apiClient(connector);
  if (isVersionId(wanted)) {
    const version = await read(() => api.getVersion(wanted.trim())).catch((error: unknown) => {
      const status = isFpaError(error) ? (error.data as { status?: number } | undefined)?.status : undefined;
      throw status === 404 ? ModelErrors.versionNotFound(wanted.trim(), 'on the server', []) : error;
    });
    if (costCentre && version.costCentre !== costCentre)
      throw ModelErrors.versionNotFound(
        wanted.trim(),
        `in cost centre ${costCentre} (it is ${version.costCentre}'s)`,
        [],
      );
    return version;
  }
  if (!costCentre) throw ModelErrors.versionNeedsCostCentre(wanted);
  const found = findVersion(await read(() => api.listVersions(costCentre)), wanted, costCentre);
  return read(() => api.getVersion(found.id));
}

/**
 * A budget version from the team server: the amounts of each account (rows) in each period
 * (columns), as stored when the version was made. Versions never change, so the result stays the same.
 * @customfunction BUDGET.VERSION
 * @helpurl https://localhost:3000/help/budget-version.html
 * @param {any} name_or_id The version's name ("v2"; "2026 budget v2" when several years or kinds use it) or its id.
 * @param {any} [cost_centre] The cost centre whose version it is (needed with a name; checked with an id).
 * @returns {Promise<any[][]>} A header row (account, then each period YYYY-MM), then one row per account; blank where the version has no amount.
 */
export function budgetVersion(name_or_id: any, cost_centre?: any): Promise<any[][]> {
  return safelyAsync(async () => {
    const wanted = text(name_or_id, 'name_or_id');
    if (wanted === '') throw ModelErrors.versionNeedsName();
    const costCentre = text(cost_centre, 'cost_centre');
    const version = await resolve(await connected(), wanted, costCentre);
    return versionGridCells(versionGrid(version.lines ?? []));
  });
}
