/** The Pareto front in plain SVG: risk across, return up; one numbered point per candidate, the chosen one filled. */
import { tokens } from '@fluentui/react-components';
import type { ParetoCandidate } from '../../../src/allocation/types';

const W = 280;
const H = 130;
const PAD = 22;

export function ParetoChart({
  candidates,
  selected,
  onSelect,
}: {
  candidates: ParetoCandidate[];
  selected: number;
  onSelect: (i: number) => void;
}) {
  if (candidates.length === 0) return null;
  const risks = candidates.map((c) => c.risk);
  const returns = candidates.map((c) => c.weightedReturn);
  const [r0, r1] = [Math.min(...risks), Math.max(...risks)];
  const [v0, v1] = [Math.min(...returns), Math.max(...returns)];
  const x = (r: number) => PAD + 12 + (r1 > r0 ? (r - r0) / (r1 - r0) : 0.5) * (W - 2 * PAD - 20);
  const y = (v: number) => H - PAD - 10 - (v1 > v0 ? (v - v0) / (v1 - v0) : 0.5) * (H - 2 * PAD - 14);
  const order = candidates.map((_, i) => i).sort((a, b) => risks[a] - risks[b]);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label="Pareto front: return against risk, one point per candidate"
      style={{ maxWidth: W * 1.4, display: 'block' }}
    >
      <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} stroke={tokens.colorNeutralStroke1} />
      <line x1={PAD} x2={PAD} y1={PAD / 2} y2={H - PAD} stroke={tokens.colorNeutralStroke1} />
      <text x={W / 2} y={H - 6} fontSize="10" textAnchor="middle" fill={tokens.colorNeutralForeground2}>
        risk →
      </text>
      <text
        x={10}
        y={H / 2}
        fontSize="10"
        textAnchor="middle"
        fill={tokens.colorNeutralForeground2}
        transform={`rotate(-90 10 ${H / 2})`}
      >
        return →
      </text>
      <polyline
        points={order.map((i) => `${x(risks[i]).toFixed(1)},${y(returns[i]).toFixed(1)}`).join(' ')}
        fill="none"
        stroke={tokens.colorNeutralStroke1}
        strokeDasharray="3 2"
      />
      {candidates.map((c, i) => (
        <g key={i} onClick={() => onSelect(i)} style={{ cursor: 'pointer' }}>
          <circle
            cx={x(c.risk)}
            cy={y(c.weightedReturn)}
            r={7}
            fill={i === selected ? tokens.colorBrandBackground : tokens.colorNeutralBackground1}
            stroke={tokens.colorBrandStroke1}
            strokeWidth={1.5}
          />
          <text
            x={x(c.risk)}
            y={y(c.weightedReturn) + 3}
            fontSize="9"
            textAnchor="middle"
            fill={i === selected ? tokens.colorNeutralForegroundOnBrand : tokens.colorNeutralForeground1}
          >
            {i + 1}
          </text>
        </g>
      ))}
    </svg>
  );
}
