/**
 * A distribution as a histogram: value axis with units along the bottom, share of trials up the
 * side, and marker lines (P5, P50, P95…) whose labels are placed so they never collide: no label
 * touches another label or another marker's line (src/chart's layoutMarkerLabels; a third row and
 * more are added above the plot when the markers are close).
 */
import { tokens } from '@fluentui/react-components';
import { layoutMarkerLabels, textWidth } from '../../../src/chart';
import type { Unit } from '../../../src/format';
import type { Histogram } from '../../../src/stats/histogram';
import { useNumbers } from '../../state/numbers';
import { BottomAxis, ChartFrame, FONT, LeftAxis, linearScale, tickCount } from './ChartFrame';

export interface Marker {
  label: string;
  value: number;
}

export interface HistogramChartProps {
  histogram: Histogram;
  title: string;
  /** The quantity along the axis, with its unit (e.g. "profit, EUR"). */
  axisLabel: string;
  unit: Unit;
  markers?: Marker[];
  height?: number;
  testId?: string;
  /** The width it has, when the parent measured it (see ChartFrame). */
  width?: number;
}

const ROW = FONT + 3;
/** Label rows kept above the plot even when fewer are used (charts side by side keep one height). */
const MIN_ROWS = 2;
const LEFT = 34;
const RIGHT = 10;
/** Least space between a label and another label or another marker's line, px. */
const GAP = 6;

export function HistogramChart({
  histogram,
  title,
  axisLabel,
  unit,
  markers = [],
  height = 170,
  testId,
  width,
}: HistogramChartProps) {
  const { formatAll } = useNumbers();
  const { edges, counts } = histogram;
  if (counts.length === 0) return null;
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  const shares = counts.map((c) => c / total);
  // The markers are read side by side: one precision for all of them, chosen from their range.
  const values = formatAll(
    markers.map((m) => m.value),
    unit,
  );
  const labels = markers.map((m, i) => `${m.label} ${values[i]}`);
  const [from, to] = formatAll([edges[0], edges[edges.length - 1]], unit);
  const description = `${title}: ${labels.join(', ')}; from ${from} to ${to}.`;
  const scaleFor = (left: number, right: number) =>
    linearScale(edges[0], edges[edges.length - 1], left, right, tickCount(right - left, 70));
  // The labels may use the whole drawing's width (over the left axis' labels, which sit lower).
  const place = (width: number) => {
    const x = scaleFor(LEFT, width - RIGHT);
    return layoutMarkerLabels(
      markers.map((m, i) => ({ at: x.at(m.value), width: textWidth(labels[i], FONT) })),
      0,
      width,
      GAP,
    );
  };
  return (
    <ChartFrame
      title={title}
      description={description}
      width={width}
      height={height}
      margin={{ left: LEFT, right: RIGHT, top: MIN_ROWS * ROW + 6, bottom: 30 }}
      extraTop={(w) => Math.max(0, place(w).rows - MIN_ROWS) * ROW}
      testId={testId}
    >
      {(plot) => {
        const x = scaleFor(plot.left, plot.right);
        const y = linearScale(0, Math.max(...shares), plot.bottom, plot.top, 3);
        const { placed, rows } = place(plot.width);
        const used = Math.max(rows, MIN_ROWS);
        const labelY = (row: number) => plot.top - (used - 1 - row) * ROW - 4;
        return (
          <>
            <LeftAxis scale={y} plot={plot} unit="percent" label="" options={{ decimals: 0 }} />
            {shares.map((s, i) => {
              const x0 = x.at(edges[i]);
              const x1 = x.at(edges[i + 1]);
              return (
                <rect
                  key={i}
                  x={x0 + 0.5}
                  y={y.at(s)}
                  width={Math.max(x1 - x0 - 1, 1)}
                  height={Math.max(plot.bottom - y.at(s), 0)}
                  fill={tokens.colorBrandBackground}
                />
              );
            })}
            <BottomAxis scale={x} plot={plot} unit={unit} label={axisLabel} grid={false} />
            {/* Every marker line first, then every label over them with a halo of the background. A
                line runs down from under its own label through the rows below it, where the layout
                keeps every other label off it. */}
            {markers.map((m, i) => (
              <line
                key={m.label}
                data-marker-line={m.label}
                x1={x.at(m.value)}
                x2={x.at(m.value)}
                y1={labelY(placed[i].row) + 3}
                y2={plot.bottom}
                stroke={tokens.colorNeutralForeground2}
                strokeDasharray="3 2"
              />
            ))}
            {markers.map((m, i) => (
              <text
                key={m.label}
                data-marker={m.label}
                x={placed[i].x}
                y={labelY(placed[i].row)}
                fontSize={FONT}
                textAnchor="middle"
                fill={tokens.colorNeutralForeground1}
                stroke={tokens.colorNeutralBackground1}
                strokeWidth={3}
                paintOrder="stroke"
                data-label-row={placed[i].row}
              >
                {labels[i]}
              </text>
            ))}
          </>
        );
      }}
    </ChartFrame>
  );
}
