/**
 * A budget line over its periods: the expected band (shaded), plan (dashed), actual (solid), the
 * flagged span highlighted, period labels along the bottom (thinned so they never collide) and
 * amounts up the side.
 */
import { tokens } from '@fluentui/react-components';
import { textWidth, thinLabels } from '../../../src/chart';
import type { FlagChartSeries } from '../../../src/anomaly/flag-chart-series';
import { AxisLine, ChartFrame, FONT, LeftAxis, linearScale } from './ChartFrame';

export interface PeriodChartProps {
  title: string;
  description: string;
  periods: string[];
  series: FlagChartSeries;
  /** The flagged span, 0-based, inclusive. */
  span: [number, number];
  /** Colour of the flagged span (the flag's kind). */
  accent: string;
  height?: number;
}

const finite = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

export function PeriodChart({ title, description, periods, series, span, accent, height = 130 }: PeriodChartProps) {
  const n = series.plan.length;
  const all = [...series.plan, ...series.actual, ...series.lower, ...series.upper].filter(finite);
  if (n === 0 || all.length === 0) return null;
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      margin={{ left: 40, right: 8, top: 8, bottom: 18 }}
    >
      {(plot) => {
        const slot = (plot.right - plot.left) / Math.max(1, n);
        const x = (t: number) => plot.left + (t + 0.5) * slot;
        const y = linearScale(Math.min(...all), Math.max(...all), plot.bottom, plot.top, 3);
        const path = (values: (number | null)[]) =>
          values
            .map((v, t) =>
              finite(v)
                ? `${t === 0 || !finite(values[t - 1]) ? 'M' : 'L'}${x(t).toFixed(1)},${y.at(v).toFixed(1)}`
                : '',
            )
            .join(' ');
        const covered = series.upper.flatMap((v, t) => (finite(v) && finite(series.lower[t]) ? [t] : []));
        const half = covered.length === 1 ? slot / 3 : 0;
        const band = [
          ...covered.map(
            (t, k) => `${(x(t) - (k === 0 ? half : 0)).toFixed(1)},${y.at(series.upper[t] as number).toFixed(1)}`,
          ),
          ...(half
            ? [`${(x(covered[0]) + half).toFixed(1)},${y.at(series.upper[covered[0]] as number).toFixed(1)}`]
            : []),
          ...(half
            ? [`${(x(covered[0]) + half).toFixed(1)},${y.at(series.lower[covered[0]] as number).toFixed(1)}`]
            : []),
          ...[...covered]
            .reverse()
            .map(
              (t, k) =>
                `${(x(t) - (k === covered.length - 1 ? half : 0)).toFixed(1)},${y.at(series.lower[t] as number).toFixed(1)}`,
            ),
        ];
        const widest = Math.max(...periods.map((p) => textWidth(p, FONT)));
        const labelled = thinLabels(n, slot, widest);
        const [from, through] = span;
        return (
          <>
            <rect
              x={plot.left + from * slot}
              y={plot.top}
              width={(through - from + 1) * slot}
              height={plot.bottom - plot.top}
              fill={accent}
              opacity={0.14}
              data-span={`${from}-${through}`}
            />
            <LeftAxis scale={y} plot={plot} unit="money" label="" />
            {covered.length > 0 && (
              <polygon points={band.join(' ')} fill={tokens.colorBrandBackground2} stroke="none" />
            )}
            <path
              d={path(series.plan)}
              fill="none"
              stroke={tokens.colorNeutralForeground3}
              strokeDasharray="4 3"
              strokeWidth={1.2}
            />
            <path d={path(series.actual)} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={1.6} />
            {series.actual.map((v, t) =>
              finite(v) && t >= from && t <= through ? (
                <circle key={t} cx={x(t)} cy={y.at(v)} r={2.5} fill={accent} stroke="none" />
              ) : null,
            )}
            <AxisLine plot={plot} edge="bottom" />
            {labelled.map((t) => (
              <text
                key={t}
                x={x(t)}
                y={plot.bottom + FONT + 3}
                fontSize={FONT}
                textAnchor="middle"
                fill={t >= from && t <= through ? tokens.colorNeutralForeground1 : tokens.colorNeutralForeground3}
                data-period={periods[t]}
              >
                {periods[t]}
              </text>
            ))}
          </>
        );
      }}
    </ChartFrame>
  );
}
