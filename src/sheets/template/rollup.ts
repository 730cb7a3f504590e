/**
 * Roll-ups: one row per node of the hierarchy (entity, department, cost centre), in outline order,
 * then the total. Every amount is a formula over the sheet's lines table — SUMIFS on the node's
 * level column, SUM for the total — so subtotals follow every edit and every new line.
 */
import type { FormatName, TemplateCell, TemplateTable, TemplateValue } from './plan';
import { formulaCell, num } from './data';
import { column, thisRow } from './formulas';
import type { ResolvedTemplate } from './spec';

export interface RollupNode {
  /** The level's column in the lines table ("entity", "department", "cost centre"), or "total". */
  level: string;
  name: string;
  parent: string;
  /** Indices of the lines under this node. */
  lines: number[];
}

/** Nodes in outline order: each top node, what is under it (depth first), …, then the total. */
export function rollupNodes(t: ResolvedTemplate): RollupNode[] {
  const nodes: RollupNode[] = [];
  const visit = (depth: number, prefix: string[], parent: string) => {
    const centres = t.costCentres.filter((cc) => prefix.every((p, k) => cc.path[k] === p));
    if (depth === t.levels.length) {
      for (const cc of centres)
        nodes.push({ level: 'cost centre', name: cc.name, parent, lines: linesOf(t, (l) => l.costCentre === cc.name) });
      return;
    }
    const names = [...new Set(centres.map((cc) => cc.path[depth]))];
    for (const name of names) {
      const path = [...prefix, name];
      nodes.push({
        level: t.levels[depth],
        name,
        parent,
        lines: linesOf(t, (l) => path.every((p, k) => l.path[k] === p)),
      });
      visit(depth + 1, path, name);
    }
  };
  visit(0, [], '');
  nodes.push({ level: 'total', name: 'Total', parent: '', lines: t.lines.map((_, i) => i) });
  return nodes;
}

const linesOf = (t: ResolvedTemplate, keep: (l: ResolvedTemplate['lines'][number]) => boolean): number[] =>
  t.lines.flatMap((l, i) => (keep(l) ? [i] : []));

export interface RollupColumn {
  header: string;
  format: FormatName;
  width: number;
  /** A formula on the roll-up's own row (ratios); without it the column sums the lines' column of the same header. */
  derived?: {
    formula: (table: string) => string;
    result: (value: (header: string) => number) => TemplateValue;
  };
}

export interface RollupOptions {
  name: string;
  /** The lines table summed. */
  source: string;
  row: number;
  caption: string;
  columns: RollupColumn[];
  /** The lines' values per column (results), when the plan carries results. */
  lineValues: Map<string, TemplateValue[]> | null;
  /** Which nodes get a row. @default every node */
  keep?: (node: RollupNode) => boolean;
}

/** The roll-up table of a lines table (level | name | parent | columns…). */
export function rollupTable(t: ResolvedTemplate, o: RollupOptions): TemplateTable {
  const rows = rollupNodes(t)
    .filter(o.keep ?? (() => true))
    .map((node) => {
      const sums = new Map<string, number>();
      const sum = (header: string) => {
        if (!sums.has(header))
          sums.set(
            header,
            node.lines.reduce((s, i) => s + num(o.lineValues?.get(header)?.[i]), 0),
          );
        return sums.get(header)!;
      };
      const cells: TemplateCell[] = o.columns.map((c) => {
        const formula = c.derived
          ? c.derived.formula(o.name)
          : node.level === 'total'
            ? `SUM(${column(o.source, c.header)})`
            : `SUMIFS(${column(o.source, c.header)},${column(o.source, node.level)},${thisRow(o.name, 'name')})`;
        return formulaCell(`=${formula}`, o.lineValues !== null, () =>
          c.derived ? c.derived.result(sum) : sum(c.header),
        );
      });
      return [node.level, node.name, node.parent, ...cells];
    });
  return {
    name: o.name,
    row: o.row,
    column: 0,
    caption: o.caption,
    columns: [
      { header: 'level', format: 'text', width: 12 },
      { header: 'name', format: 'text', width: 16 },
      { header: 'parent', format: 'text', width: 14 },
      ...o.columns.map(({ header, format, width }) => ({ header, format, width })),
    ],
    rows,
  };
}

/** `=IF(b=0,"",a/b)` over two columns of the roll-up's row, with its result. */
export function ratioColumn(header: string, a: string, b: string): RollupColumn {
  return {
    header,
    format: 'percent',
    width: 11,
    derived: {
      formula: (table) => `IF(${thisRow(table, b)}=0,"",${thisRow(table, a)}/${thisRow(table, b)})`,
      result: (v) => (v(b) === 0 ? '' : v(a) / v(b)),
    },
  };
}

/** A difference `a − b` of two roll-up columns. */
export function differenceColumn(header: string, a: string, b: string): RollupColumn {
  return {
    header,
    format: 'amount',
    width: 12,
    derived: { formula: (table) => `${thisRow(table, a)}-${thisRow(table, b)}`, result: (v) => v(a) - v(b) },
  };
}
