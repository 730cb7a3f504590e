/**
 * Results of one run: the statistics a risk reader wants (mean, spread, P5/P50/P95, VaR and CVaR)
 * with one column per output, the histogram with its axes and the tornado chart. The table is
 * transposed (a row per statistic) so that it fits 320 px; when the outputs do not fit side by side
 * it shows the output chosen for the charts.
 *
 * The panel is drawn in parts, one per frame (the statistics first, then the histogram, then each
 * tornado): drawing all at once was one 16–25 ms task on the pane's thread, and on a loaded machine
 * such a task is stretched well past 50 ms. The charts are given the panel's measured width, so each
 * draws once instead of measuring itself and drawing again.
 */
import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SelectField } from '../shared/SelectField';
import { NoticeBar } from '../shared/Notice';
import { startTransition, useEffect, useState } from 'react';
import type { NumberFormatter } from '../../../src/format';
import type { OutputStatistics } from '../../../src/scenario/statistics';
import type { RunOutcome } from '../../results/types';
import { useElementWidth } from '../../state/use-element-width';
import { useNumbers } from '../../state/numbers';
import { HistogramChart } from '../charts/HistogramChart';
import { TornadoChart } from '../charts/TornadoChart';
import { CompactHead } from '../tables/CompactHead';
import { useCompactTableStyles } from '../tables/compact-table-styles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // Values right-aligned; the statistics' names (the first column) left, in regular weight.
  table: {
    '& th, & td': { textAlign: 'right' },
    '& th:first-child': { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  },
});

/** Pixels a column of values needs (e.g. "-1,234,567"), and the row label column. */
const COLUMN = 88;
const LABEL_COLUMN = 92;

/** The statistics rows: label, help text, value. */
function statisticRows(
  s: OutputStatistics,
  keys: string[],
  level: string | undefined,
  format: NumberFormatter['format'],
): { label: string; title: string; value: number }[] {
  // Shares in the pane's locale ("VaR 95 %" in German, as the caption under the table writes it).
  const share = (pct: number) => format(pct / 100, 'percent');
  const rows = [
    { label: 'Mean', title: 'Average over the trials', value: s.mean },
    { label: 'Std dev', title: 'Sample standard deviation', value: s.sd },
    ...keys.map((k) => ({
      label: `P${k}`,
      title: `${share(Number(k))} of trials are at or below this`,
      value: s.percentiles[k],
    })),
  ];
  if (level) {
    const worst = share(100 - Number(level));
    rows.push(
      {
        label: `VaR ${share(Number(level))}`,
        title: `Value at risk: how far below the mean the worst ${worst} of trials start`,
        value: s[`var${Number(level)}`] as number,
      },
      {
        label: `CVaR ${share(Number(level))}`,
        title: `Conditional VaR: how far below the mean the worst ${worst} of trials are on average`,
        value: s[`cvar${Number(level)}`] as number,
      },
    );
  }
  rows.push(
    { label: 'Min', title: 'Lowest trial', value: s.min },
    { label: 'Max', title: 'Highest trial', value: s.max },
  );
  return rows;
}

/** Charts drawn after the statistics, one per frame. */
const CHARTS = 3;

/**
 * How many of `parts` are drawn: none at first, one more in each later frame (a timer after the
 * frame, so each part is its own task and the one before it is painted first). Each part renders as
 * a transition, which React may cut into slices of a few milliseconds.
 */
function useDrawnParts(parts: number): number {
  const [drawn, setDrawn] = useState(0);
  useEffect(() => {
    if (drawn >= parts) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(
      () => (timer = setTimeout(() => startTransition(() => setDrawn((n) => n + 1)), 0)),
    );
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drawn, parts]);
  return drawn;
}

export function ResultsPanel({ outcome }: { outcome: RunOutcome }) {
  const styles = useStyles();
  const compact = useCompactTableStyles();
  const { format } = useNumbers();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const outputs = Object.keys(outcome.result.outputs);
  const [output, setOutput] = useState(outputs[outputs.length - 1]);
  // The pane shows P5/P50/P95 (all percentiles go to the workbook).
  const all = Object.keys(outcome.result.outputs[outputs[0]].percentiles);
  const keys = all.some((k) => ['5', '50', '95'].includes(k)) ? all.filter((k) => ['5', '50', '95'].includes(k)) : all;
  const level = Object.keys(outcome.result.outputs[outputs[0]])
    .find((k) => /^var\d+(\.\d+)?$/.test(k))
    ?.slice(3);
  const s = outcome.result.outputs[output];
  const fits = Math.max(1, Math.floor(((width || 288) - LABEL_COLUMN) / COLUMN));
  const columns = outputs.length <= fits ? outputs : [output];
  const rows = columns.map((o) => statisticRows(outcome.result.outputs[o], keys, level, format));
  const drawn = useDrawnParts(CHARTS);
  // The charts span the panel: its width, once measured (0 in jsdom: they measure themselves).
  const chartWidth = width || undefined;
  const sensitivity = outcome.result.sensitivity?.[output];
  return (
    <div ref={ref} className={styles.root} data-testid="results" data-drawn={drawn >= CHARTS}>
      {outputs.length > 1 && <SelectField label="Output" value={output} onChange={setOutput} options={outputs} />}
      <table className={mergeClasses(compact.table, styles.table)} aria-label="Statistics per output">
        <CompactHead columns={[{ label: 'Statistic' }, ...columns.map((o) => ({ label: o }))]} />
        <tbody>
          {rows[0].map((r, i) => (
            <tr key={r.label}>
              <th scope="row" title={r.title}>
                {r.label}
              </th>
              {columns.map((o, c) => (
                <td key={o}>{format(rows[c][i].value, 'number')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Caption1 block>
        {format(outcome.iterations, 'count')} trials, seed {outcome.seed}, {format(outcome.elapsedMs, 'duration')}.
        {level && ` VaR and CVaR at ${format(Number(level) / 100, 'percent')}: distance below the mean.`}
      </Caption1>
      {/* What the run changed of what was asked (a repaired correlation matrix): a warning, not a caption. */}
      {outcome.result.warnings?.map((w) => (
        <NoticeBar key={w} intent="warning" text={w} testId="run-warning" />
      ))}
      {drawn >= 1 && (
        <HistogramChart
          histogram={outcome.histograms[output]}
          title={`Distribution of ${output}`}
          axisLabel={output}
          unit="number"
          testId="results-histogram"
          width={chartWidth}
          markers={keys
            .filter((k) => ['5', '50', '95'].includes(k))
            .map((k) => ({ label: `P${k}`, value: s.percentiles[k] }))}
        />
      )}
      {!sensitivity?.length ? (
        <Caption1>No sensitivity data.</Caption1>
      ) : (
        <>
          {drawn >= 2 && (
            <TornadoChart
              title={`What moves ${output}`}
              testId="results-tornado"
              width={chartWidth}
              bars={sensitivity.map((x) => ({ label: x.driver, value: x.spearman }))}
            />
          )}
          {/* The regression coefficient holds the other drivers fixed: a driver correlated with another
              is not credited with its effect (same driver order as above). */}
          {drawn >= 3 && (
            <TornadoChart
              title={`What moves ${output}, other drivers held fixed`}
              testId="results-tornado-src"
              width={chartWidth}
              axisLabel="standardised regression coefficient"
              bars={sensitivity.map((x) => ({ label: x.driver, value: x.src }))}
            />
          )}
        </>
      )}
    </div>
  );
}
