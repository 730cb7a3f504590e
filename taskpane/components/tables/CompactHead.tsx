/**
 * The heading row of a compact table (compact-table-styles): one column heading per column, aligned
 * as its cells ('number' right, 'start' left, none: the table's own rule), with an optional hover
 * title and width (a colgroup, for tables laid out fixed).
 */
import type { ReactNode } from 'react';
import { useCompactTableStyles } from './compact-table-styles';

export interface CompactColumn {
  label: ReactNode;
  align?: 'start' | 'number';
  /** Shown on hover over the heading. */
  title?: string;
  /** The column's width, e.g. '34%'; given for one column, a colgroup is drawn. */
  width?: string;
}

export function CompactHead({ columns }: { columns: readonly CompactColumn[] }) {
  const styles = useCompactTableStyles();
  return (
    <>
      {columns.some((c) => c.width !== undefined) && (
        <colgroup>
          {columns.map((c, i) => (
            <col key={i} style={{ width: c.width }} />
          ))}
        </colgroup>
      )}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={c.align ? styles[c.align] : undefined} title={c.title}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}
