/** Results of one run: statistics and percentiles per output, the histogram and the tornado chart. */
import { Caption1, Select, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { RunOutcome } from '../../results/types';
import { HistogramSvg } from '../shared/HistogramSvg';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { padding: '2px 4px', textAlign: 'right', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& th:first-child': { textAlign: 'left' },
  },
  wrap: { overflowX: 'auto' },
});

export const formatNumber = (v: number) =>
  Number.isFinite(v) ? v.toLocaleString('en-US', { maximumSignificantDigits: 5 }) : String(v);

export function Tornado({ outcome, output }: { outcome: RunOutcome; output: string }) {
  const sens = outcome.result.sensitivity?.[output];
  if (!sens?.length) return <Caption1>No sensitivity data.</Caption1>;
  const rowH = 18;
  const W = 280;
  const mid = W / 2 + 30;
  const half = W - mid - 4;
  return (
    <svg
      viewBox={`0 0 ${W} ${sens.length * rowH + 4}`}
      width="100%"
      role="img"
      aria-label={`Tornado: rank correlation of each driver with ${output}: ${sens.map((s) => `${s.driver} ${s.spearman.toFixed(2)}`).join(', ')}`}
      style={{ maxWidth: 420 }}
    >
      {sens.map((s, i) => {
        const w = Math.abs(s.spearman) * half;
        return (
          <g key={s.driver}>
            <text x={4} y={i * rowH + 13} fontSize="10" fill={tokens.colorNeutralForeground1}>
              {s.driver.slice(0, 14)}
            </text>
            <rect
              x={s.spearman < 0 ? mid - w : mid}
              y={i * rowH + 3}
              width={Math.max(w, 1)}
              height={rowH - 6}
              fill={s.spearman < 0 ? tokens.colorPaletteRedBackground3 : tokens.colorBrandBackground}
            />
            <text
              x={s.spearman < 0 ? mid + 3 : mid - 3}
              y={i * rowH + 13}
              fontSize="9"
              textAnchor={s.spearman < 0 ? 'start' : 'end'}
              fill={tokens.colorNeutralForeground2}
            >
              {s.spearman.toFixed(2)}
            </text>
          </g>
        );
      })}
      <line x1={mid} x2={mid} y1={0} y2={sens.length * rowH + 4} stroke={tokens.colorNeutralStroke1} />
    </svg>
  );
}

export function ResultsPanel({ outcome }: { outcome: RunOutcome }) {
  const styles = useStyles();
  const outputs = Object.keys(outcome.result.outputs);
  const [output, setOutput] = useState(outputs[outputs.length - 1]);
  // The pane shows P5/P50/P95 (all percentiles go to the workbook) so the table fits 320 px.
  const all = Object.keys(outcome.result.outputs[outputs[0]].percentiles);
  const keys = all.some((k) => ['5', '50', '95'].includes(k)) ? all.filter((k) => ['5', '50', '95'].includes(k)) : all;
  const s = outcome.result.outputs[output];
  return (
    <div data-testid="results">
      <div className={styles.wrap}>
        <table className={styles.table} aria-label="Statistics per output">
          <thead>
            <tr>
              <th scope="col">Output</th>
              <th scope="col">Mean</th>
              <th scope="col">Std dev</th>
              {keys.map((k) => (
                <th key={k} scope="col">
                  P{k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {outputs.map((o) => (
              <tr key={o}>
                <th scope="row">{o}</th>
                <td>{formatNumber(outcome.result.outputs[o].mean)}</td>
                <td>{formatNumber(outcome.result.outputs[o].sd)}</td>
                {keys.map((k) => (
                  <td key={k}>{formatNumber(outcome.result.outputs[o].percentiles[k])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Caption1 block>
        {outcome.iterations.toLocaleString('en-US')} trials, seed {outcome.seed},{' '}
        {(outcome.elapsedMs / 1000).toFixed(1)} s. Min {formatNumber(s.min)}, max {formatNumber(s.max)}.
      </Caption1>
      {outcome.result.warnings?.map((w) => (
        <Caption1 block key={w} role="note">
          {w}
        </Caption1>
      ))}
      {outputs.length > 1 && (
        <Field label="Chart output">
          <Select value={output} onChange={(_, d) => setOutput(d.value)}>
            {outputs.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </Select>
        </Field>
      )}
      <HistogramSvg
        histogram={outcome.histograms[output]}
        label={`Histogram of ${output}`}
        format={formatNumber}
        markers={keys
          .filter((k) => ['5', '50', '95'].includes(k))
          .map((k) => ({ label: `P${k}`, value: s.percentiles[k] }))}
      />
      <Tornado outcome={outcome} output={output} />
    </div>
  );
}
