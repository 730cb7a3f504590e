/**
 * The cost-centre hierarchy of a budget template: entity → department → cost centre (any number of
 * levels above the cost centre, none included). Read from a table in one of two layouts, found by
 * the header row (any case):
 *
 * - path:   `entity | department | cost centre [| owner]` — one row per cost centre, its ancestors
 *           to the left; a blank ancestor cell repeats the one above (as exported outlines leave it);
 * - parent: `name | parent [| owner]` — one row per node; a blank parent makes a top node; the
 *           nodes without children are the cost centres, all at the same depth.
 *
 * A name is unique across the whole hierarchy (it is a SUMIFS criterion in the roll-ups), has one
 * parent, is not its own ancestor, and has no * ? ~ or leading = < > (which SUMIFS reads as
 * wildcards and comparisons). Every problem names its row, counted in the range (header = row 1).
 */
import { isBlankValue } from '../sheet-value';
import type { SheetGrid, SheetValue } from '../sheet-value';
import { optionalTextCell } from '../cells';
import { cellAt, SheetErrors } from '../errors';
import { headerRowIndex, rowsBelow } from '../headed-table';
import { TemplateErrors } from './errors';

export interface CostCentre {
  name: string;
  /** Who owns the budget ('' when not given). */
  owner: string;
  /** Ancestors, top first, one per level of `Hierarchy.levels`. */
  path: string[];
}

export interface Hierarchy {
  /** Names of the levels above the cost centre, top first (e.g. ['entity', 'department']). */
  levels: string[];
  costCentres: CostCentre[];
}

export const HIERARCHY_TABLE = 'hierarchy';
const CC_NAMES = ['cost centre', 'cost center', 'costcentre', 'costcenter', 'cc'];

/** Refuses names SUMIFS would misread. */
export function checkName(name: string, at: string): string {
  if (/[*?~]/.test(name)) throw TemplateErrors.badName(at, name, 'holds * ? or ~');
  if (/^[=<>]/.test(name)) throw TemplateErrors.badName(at, name, 'starts with = < or >');
  return name;
}

/** Every name once: a name at two places is a duplicate of the later row. */
function uniqueNames(): (name: string, at: string) => void {
  const seen = new Map<string, string>();
  return (name, at) => {
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) throw SheetErrors.duplicate(at, name, first, 'cost centre, department and entity');
    seen.set(key, at);
  };
}

const norm = (v: SheetValue): string => (isBlankValue(v) ? '' : String(v).trim().toLowerCase().replace(/\s+/g, ' '));

/**
 * A flat list of cost centres as a hierarchy without levels (the roll-up is their total).
 * @example hierarchyFromList(['MKT', 'IT']).costCentres[1] // { name: 'IT', owner: '', path: [] }
 */
export function hierarchyFromList(names: readonly string[], owners: readonly string[] = []): Hierarchy {
  const once = uniqueNames();
  const costCentres = names.map((raw, i) => {
    const at = `cost centre ${i + 1}`;
    const name = checkName(String(raw).trim(), at);
    if (name === '') throw TemplateErrors.badSpec(at, 'is blank', 'Give every cost centre a name.');
    once(name, at);
    return { name, owner: (owners[i] ?? '').trim(), path: [] };
  });
  if (costCentres.length === 0)
    throw TemplateErrors.badSpec('cost centres', 'none given', 'List at least one cost centre.');
  return { levels: [], costCentres };
}

/**
 * Reads a hierarchy table (path or parent layout, see above).
 * @throws SHEET_BAD_HEADER without a cost centre (or name/parent) column; SHEET_DUPLICATE,
 *   TEMPLATE_HIERARCHY_TWO_PARENTS, TEMPLATE_HIERARCHY_CYCLE, TEMPLATE_BAD_NAME naming the row.
 * @example readHierarchy([['entity', 'cost centre'], ['ACME', 'MKT']]).costCentres[0].path // ['ACME']
 */
export function readHierarchy(grid: SheetGrid): Hierarchy {
  const headerRow = headerRowIndex(grid, HIERARCHY_TABLE, {
    problem: 'the selection is empty',
    hint: 'Select the hierarchy with its header.',
  });
  const header = grid[headerRow].map(norm);
  const rows = rowsBelow(grid, headerRow);
  const text = (cells: readonly SheetValue[], c: number, row: number) =>
    c < 0 ? '' : optionalTextCell(cells[c], () => cellAt(HIERARCHY_TABLE, row, c + 1, header[c]));
  if (header.includes('parent')) return readParentTable(header, rows, text);
  return readPathTable(header, rows, text);
}

type Row = { cells: readonly SheetValue[]; row: number };
type Text = (cells: readonly SheetValue[], c: number, row: number) => string;

function readPathTable(header: string[], rows: Row[], text: Text): Hierarchy {
  const cc = header.findIndex((h) => CC_NAMES.includes(h));
  if (cc < 0)
    throw SheetErrors.badHeader(
      HIERARCHY_TABLE,
      'no "cost centre" column (or "name" and "parent") in the header row',
      'Head the columns entity | department | cost centre | owner, or name | parent | owner.',
    );
  const owner = header.indexOf('owner');
  const levelColumns = header.flatMap((h, c) => (c < cc && h !== '' && c !== owner ? [c] : []));
  const once = uniqueNames();
  const parentOf = new Map<string, { parent: string; at: string }>();
  let above: string[] = levelColumns.map(() => '');
  const costCentres = rows.map(({ cells, row }) => {
    const at = `${HIERARCHY_TABLE} row ${row}`;
    const path = levelColumns.map((c, k) => text(cells, c, row) || above[k]);
    path.forEach((name, k) => {
      if (name === '')
        throw TemplateErrors.badSpec(`${at}`, `the ${header[levelColumns[k]]} is blank`, 'Fill in the name.');
    });
    above = path;
    const name = text(cells, cc, row);
    if (name === '') throw TemplateErrors.badSpec(at, 'the cost centre is blank', 'Fill in its name.');
    const chain = [...path, name];
    chain.forEach((node, k) => {
      checkName(node, at);
      const parent = k === 0 ? '' : chain[k - 1];
      const known = parentOf.get(node.toLowerCase());
      if (known && known.parent !== parent)
        throw TemplateErrors.twoParents(at, node, parent || '(top)', known.parent || '(top)', known.at);
      if (!known) {
        once(node, at);
        parentOf.set(node.toLowerCase(), { parent, at });
      } else if (k === chain.length - 1) once(node, at); // the same cost centre listed twice
    });
    return { name, owner: text(cells, owner, row), path };
  });
  if (costCentres.length === 0) throw TemplateErrors.badSpec(HIERARCHY_TABLE, 'no cost centres', 'Add rows.');
  return { levels: levelColumns.map((c) => header[c]), costCentres };
}

function readParentTable(header: string[], rows: Row[], text: Text): Hierarchy {
  const nameColumn = header.findIndex((h) => h === 'name' || h === 'node' || CC_NAMES.includes(h));
  const parentColumn = header.indexOf('parent');
  if (nameColumn < 0)
    throw SheetErrors.badHeader(HIERARCHY_TABLE, 'no "name" column beside "parent"', 'Head the columns name | parent.');
  const owner = header.indexOf('owner');
  const once = uniqueNames();
  const nodes = new Map<string, { name: string; parent: string; owner: string; at: string }>();
  for (const { cells, row } of rows) {
    const at = `${HIERARCHY_TABLE} row ${row}`;
    const name = checkName(text(cells, nameColumn, row), at);
    const parent = checkName(text(cells, parentColumn, row), at);
    if (name === '') throw TemplateErrors.badSpec(at, 'the name is blank', 'Fill in the name.');
    const known = nodes.get(name.toLowerCase());
    if (known && known.parent.toLowerCase() !== parent.toLowerCase())
      throw TemplateErrors.twoParents(at, name, parent || '(top)', known.parent || '(top)', known.at);
    once(name, at);
    nodes.set(name.toLowerCase(), { name, parent, owner: text(cells, owner, row), at });
  }
  for (const node of [...nodes.values()])
    if (node.parent && !nodes.has(node.parent.toLowerCase()))
      nodes.set(node.parent.toLowerCase(), { name: node.parent, parent: '', owner: '', at: node.at });
  const ancestors = (node: { name: string; at: string }): string[] => {
    const chain = [node.name];
    for (let p = nodes.get(node.name.toLowerCase())!.parent; p; p = nodes.get(p.toLowerCase())!.parent) {
      const up = nodes.get(p.toLowerCase())!;
      if (chain.some((n) => n.toLowerCase() === p.toLowerCase()))
        throw TemplateErrors.cycle(node.at, [...chain, up.name]);
      chain.push(up.name);
    }
    return chain.slice(1).reverse();
  };
  const parents = new Set([...nodes.values()].map((n) => n.parent.toLowerCase()).filter((p) => p !== ''));
  const leaves = [...nodes.values()].filter((n) => !parents.has(n.name.toLowerCase()));
  // A cycle has no leaf on it: walk every node so one is still reported.
  for (const node of nodes.values()) ancestors(node);
  const costCentres = leaves.map((leaf) => ({ name: leaf.name, owner: leaf.owner, path: ancestors(leaf) }));
  if (costCentres.length === 0) throw TemplateErrors.badSpec(HIERARCHY_TABLE, 'no cost centres', 'Add rows.');
  const depth = costCentres[0].path.length;
  const uneven = costCentres.find((c) => c.path.length !== depth);
  if (uneven)
    throw TemplateErrors.badSpec(
      nodes.get(uneven.name.toLowerCase())!.at,
      `cost centre "${uneven.name}" is ${uneven.path.length} level(s) below the top, "${costCentres[0].name}" ${depth}`,
      'Put every cost centre at the same depth (entity → department → cost centre).',
    );
  const levels = depth === 2 ? ['entity', 'department'] : depth === 1 ? ['entity'] : pathLevels(depth);
  return { levels, costCentres };
}

const pathLevels = (depth: number): string[] => Array.from({ length: depth }, (_, i) => `level ${i + 1}`);
