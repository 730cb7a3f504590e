/** A small histogram in plain SVG with optional marker lines (e.g. P5/P50/P95). */
import { tokens } from '@fluentui/react-components';
import type { Histogram } from '../../../src/stats/histogram';

export interface Marker {
  label: string;
  value: number;
}

export interface HistogramSvgProps {
  histogram: Histogram;
  markers?: Marker[];
  /** Accessible description of the chart. */
  label: string;
  format?: (v: number) => string;
}

const W = 280;
const H = 110;
const PAD = 14;

export function HistogramSvg({ histogram, markers = [], label, format = (v) => v.toPrecision(4) }: HistogramSvgProps) {
  const { edges, counts } = histogram;
  if (counts.length === 0) return null;
  const lo = edges[0];
  const hi = edges[edges.length - 1];
  const span = hi - lo || 1;
  const top = Math.max(...counts);
  const x = (v: number) => PAD + ((v - lo) / span) * (W - 2 * PAD);
  const barW = (W - 2 * PAD) / counts.length;
  return (
    <svg viewBox={`0 0 ${W} ${H + 16}`} width="100%" role="img" aria-label={label} style={{ maxWidth: W * 1.4 }}>
      {counts.map((c, i) => {
        const h = (c / top) * (H - PAD);
        return (
          <rect
            key={i}
            x={PAD + i * barW}
            y={H - h}
            width={Math.max(barW - 1, 1)}
            height={h}
            fill={tokens.colorBrandBackground}
          />
        );
      })}
      <line x1={PAD} x2={W - PAD} y1={H} y2={H} stroke={tokens.colorNeutralStroke1} />
      {markers.map((m, i) => (
        <g key={m.label}>
          <line
            x1={x(m.value)}
            x2={x(m.value)}
            y1={PAD - 4}
            y2={H}
            stroke={tokens.colorPaletteRedBorder2}
            strokeDasharray="3 2"
          />
          <text
            x={x(m.value)}
            y={i % 2 === 0 ? 9 : H + 13}
            fontSize="9"
            textAnchor="middle"
            fill={tokens.colorNeutralForeground1}
          >
            {`${m.label} ${format(m.value)}`}
          </text>
        </g>
      ))}
    </svg>
  );
}
