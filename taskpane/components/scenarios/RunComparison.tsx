/**
 * Saved runs side by side: each run's percentiles for one output, and the difference from the first.
 * Runs with the same name are told apart by when they finished, their trials and seed, and a
 * number (#1, #2…) in the table.
 */
import { useState } from 'react';
import { Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { RunSummaryRecord } from '../../../src/store/schema';
import { useNumbers } from '../../state/numbers';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { padding: '2px 4px', textAlign: 'right', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  },
  wrap: { overflowX: 'auto' },
});

export function RunComparison({ runs }: { runs: RunSummaryRecord[] }) {
  const styles = useStyles();
  const { format } = useNumbers();
  const [chosen, setChosen] = useState<string[]>([]);
  const label = (r: RunSummaryRecord) => {
    const same = runs.filter((x) => x.scenarioName === r.scenarioName);
    return same.length > 1 ? `${r.scenarioName} #${same.indexOf(r) + 1}` : r.scenarioName;
  };
  if (runs.length < 2) return <Caption1>Save two or more runs to compare them.</Caption1>;
  const picked = runs.filter((r) => chosen.includes(r.id));
  const outputs = picked.length ? Object.keys(picked[0].outputs).filter((o) => picked.every((r) => r.outputs[o])) : [];
  return (
    <div>
      {runs.map((r) => (
        <Checkbox
          key={r.id}
          label={`${label(r)}: ${r.finishedAt.slice(0, 16).replace('T', ' ')}, ${format(r.iterations, 'count')} trials, seed ${r.seed}`}
          checked={chosen.includes(r.id)}
          onChange={(_, d) => setChosen((c) => (d.checked ? [...c, r.id] : c.filter((x) => x !== r.id)))}
        />
      ))}
      {picked.length >= 2 && outputs.length === 0 && <Caption1>These runs share no output.</Caption1>}
      {picked.length >= 2 &&
        outputs.map((o) => {
          const keys = ['mean', ...Object.keys(picked[0].outputs[o].percentiles).map((k) => `P${k}`)];
          const value = (r: RunSummaryRecord, k: string) =>
            k === 'mean' ? r.outputs[o].mean : r.outputs[o].percentiles[k.slice(1)];
          return (
            <div className={styles.wrap} key={o}>
              <table className={styles.table} aria-label={`Comparison of ${o}`}>
                <caption>{o}</caption>
                <thead>
                  <tr>
                    <th scope="col">Run</th>
                    {keys.map((k) => (
                      <th scope="col" key={k}>
                        {k}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {picked.map((r, i) => (
                    <tr key={r.id}>
                      <th scope="row">{label(r)}</th>
                      {keys.map((k) => {
                        const v = value(r, k);
                        const d = v - value(picked[0], k);
                        return (
                          <td key={k}>
                            {format(v, 'number')}
                            {i > 0 && (
                              <>
                                <br />
                                <Caption1>{format(d, 'number', { sign: 'always' })}</Caption1>
                              </>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
    </div>
  );
}
