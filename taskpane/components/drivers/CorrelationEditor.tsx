/**
 * Rank correlations between drivers, edited as the upper triangle of a matrix (mirrored below). The
 * engine's check runs on every edit; a matrix that is not positive definite shows the nearest valid
 * one (Higham 2002) that a run would use. Give it a `key` that changes with the names and the saved
 * value, so its draft starts again from them.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Button, Caption1, Input, makeStyles, tokens } from '@fluentui/react-components';
import { NoticeBar } from '../shared/Notice';
import { isFpaError } from '../../../src/errors';
import { useNumbers } from '../../state/numbers';
import {
  checkCorrelationMatrix,
  nearestCorrelation,
  REPAIRED_DECIMALS,
} from '../../../src/scenario/nearest-correlation';

export interface CorrelationValue {
  names: string[];
  matrix: number[][];
}

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: { padding: '2px', textAlign: 'center' },
  input: { width: '56px', minWidth: '56px' },
});

/** A names × names table: a header row and a header column of names; `cell` draws each `<td>`. */
function MatrixTable({
  names,
  label,
  cell,
}: {
  names: string[];
  label: string;
  cell: (i: number, j: number) => ReactNode;
}) {
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label={label}>
      <thead>
        <tr>
          <td />
          {names.map((n) => (
            <th key={n} scope="col" className={styles.cell}>
              {n}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {names.map((a, i) => (
          <tr key={a}>
            <th scope="row" className={styles.cell}>
              {a}
            </th>
            {names.map((_, j) => cell(i, j))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function square(names: string[], given?: CorrelationValue): number[][] {
  return names.map((a, i) =>
    names.map((b, j) => {
      if (i === j) return 1;
      const gi = given?.names.indexOf(a) ?? -1;
      const gj = given?.names.indexOf(b) ?? -1;
      return gi >= 0 && gj >= 0 ? given!.matrix[gi][gj] : 0;
    }),
  );
}

export function CorrelationEditor({
  names,
  value,
  onSave,
}: {
  names: string[];
  value?: CorrelationValue;
  onSave: (v: CorrelationValue | undefined) => void;
}) {
  const styles = useStyles();
  const numbers = useNumbers();
  const { format } = numbers;
  /** An entry as typed in the user's locale ("0.5", "0,5" in de-DE, "-0.3"); NaN when not a number. */
  const entry = (c: string) => {
    const parsed = numbers.parse(c, { field: 'Correlation', percent: 'reject' });
    return parsed.ok ? parsed.value : NaN;
  };
  // The saved entries as typed in this locale ("0,9" in German: String(0.9) read as "not a number" there).
  const [text, setText] = useState<string[][]>(() => square(names, value).map((r) => r.map((v) => numbers.toInput(v))));
  const matrix = text.map((r) => r.map((c) => (c.trim() === '' ? NaN : entry(c))));
  const verdict = useMemo(() => {
    try {
      checkCorrelationMatrix(matrix, names);
      const repair = nearestCorrelation(matrix);
      return { ok: true, repair };
    } catch (error) {
      return { ok: false, message: isFpaError(error) ? error.message : String(error) };
    }
  }, [JSON.stringify(matrix), names]);
  if (names.length < 2) return <Caption1>Add two or more drivers to correlate them.</Caption1>;
  const set = (i: number, j: number, v: string) =>
    setText((t) => t.map((r, a) => r.map((c, b) => ((a === i && b === j) || (a === j && b === i) ? v : c))));
  const allZero = matrix.every((r, i) => r.every((v, j) => i === j || v === 0));
  return (
    <div>
      <div className={styles.wrap}>
        <MatrixTable
          names={names}
          label="Rank correlation matrix"
          cell={(i, j) => (
            <td key={names[j]} className={styles.cell}>
              {j > i ? (
                <Input
                  className={styles.input}
                  size="small"
                  aria-label={`Correlation ${names[i]} × ${names[j]}`}
                  value={text[i][j]}
                  onChange={(_, d) => set(i, j, d.value)}
                />
              ) : (
                <span>
                  {i === j ? '1' : Number.isFinite(matrix[i][j]) ? format(matrix[i][j], 'number') : text[i][j]}
                </span>
              )}
            </td>
          )}
        />
      </div>
      {!verdict.ok && <Caption1 role="alert">{verdict.message}</Caption1>}
      {verdict.ok && verdict.repair?.repaired && (
        <div>
          {/* A warning bar, as the run's own warning about the same repair in Scenarios. */}
          <NoticeBar intent="warning" testId="correlation-repaired">
            Not a valid correlation matrix (not positive definite). A run uses the nearest valid one; largest change{' '}
            {format(verdict.repair.maxChange, 'ratio', { decimals: REPAIRED_DECIMALS })} (changed entries in bold):
          </NoticeBar>
          <MatrixTable
            names={names}
            label="Repaired matrix"
            cell={(i, j) => {
              const value = verdict.repair!.matrix[i][j];
              const changed = Math.abs(value - matrix[i][j]) > 0.5 * 10 ** -REPAIRED_DECIMALS;
              const shown = format(value, 'ratio', { decimals: REPAIRED_DECIMALS });
              return (
                <td
                  key={names[j]}
                  className={styles.cell}
                  style={{ textAlign: 'right' }}
                  data-changed={changed ? 'yes' : undefined}
                >
                  {changed ? <strong>{shown}</strong> : shown}
                </td>
              );
            }}
          />
        </div>
      )}
      <Button disabled={!verdict.ok} onClick={() => onSave(allZero ? undefined : { names, matrix })}>
        Save correlations
      </Button>
    </div>
  );
}
