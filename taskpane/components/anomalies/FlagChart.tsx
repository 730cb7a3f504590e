/** A flag's small chart in plain SVG: expected band (shaded), plan (dashed), actual (solid), the flagged period ringed. */
import { tokens } from '@fluentui/react-components';
import type { FlagChartSeries } from '../../../src/anomaly/flag-chart-series';

const W = 280;
const H = 90;
const PAD = 8;

export function FlagChart({ series, period, label }: { series: FlagChartSeries; period: number; label: string }) {
  const n = series.plan.length;
  const all = [...series.plan, ...series.actual, ...series.lower, ...series.upper].filter(
    (v): v is number => v !== null && Number.isFinite(v),
  );
  if (n === 0 || all.length === 0) return null;
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = hi - lo || 1;
  const x = (t: number) => PAD + (n === 1 ? 0.5 : t / (n - 1)) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - ((v - lo) / span) * (H - 2 * PAD);
  const path = (values: (number | null)[]) =>
    values
      .map((v, t) =>
        v === null ? '' : `${t === 0 || values[t - 1] === null ? 'M' : 'L'}${x(t).toFixed(1)},${y(v).toFixed(1)}`,
      )
      .join(' ');
  // A band over one period only is drawn a few pixels wide so it stays visible.
  const covered = series.upper.flatMap((v, t) => (v !== null && series.lower[t] !== null ? [t] : []));
  const half = covered.length === 1 ? 3 : 0;
  const band = [
    ...covered.map((t, k) => `${(x(t) - (k === 0 ? half : 0)).toFixed(1)},${y(series.upper[t] as number).toFixed(1)}`),
    ...(half
      ? [
          `${(x(covered[0]) + half).toFixed(1)},${y(series.upper[covered[0]] as number).toFixed(1)}`,
          `${(x(covered[0]) + half).toFixed(1)},${y(series.lower[covered[0]] as number).toFixed(1)}`,
        ]
      : []),
    ...[...covered]
      .reverse()
      .map(
        (t, k) =>
          `${(x(t) - (k === covered.length - 1 ? half : 0)).toFixed(1)},${y(series.lower[t] as number).toFixed(1)}`,
      ),
  ];
  const flagged = series.actual[period];
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={label}
      style={{ maxWidth: W * 1.4, display: 'block' }}
    >
      <polygon points={band.join(' ')} fill={tokens.colorBrandBackground2} stroke="none" />
      <path
        d={path(series.plan)}
        fill="none"
        stroke={tokens.colorNeutralForeground3}
        strokeDasharray="4 3"
        strokeWidth={1.2}
      />
      <path d={path(series.actual)} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={1.6} />
      {flagged !== null && flagged !== undefined && (
        <circle
          cx={x(period)}
          cy={y(flagged)}
          r={4}
          fill="none"
          stroke={tokens.colorPaletteRedBorder2}
          strokeWidth={2}
        />
      )}
    </svg>
  );
}
