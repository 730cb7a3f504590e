/**
 * The return–risk front: risk along the bottom, return up the side, both in points of KPI attainment
 * (src/loop/proposal-front.ts) with their axis titles; one point per candidate numbered as the list
 * numbers them (1 = least risk, left), joined in order; the chosen point filled. Clicking a point
 * chooses it. Drawn only for two or more candidates: one point has no front to read.
 */
import { tokens } from '@fluentui/react-components';
import { BottomAxis, ChartFrame, FONT, LeftAxis, linearScale, tickCount } from './ChartFrame';
import { useNumbers } from '../../state/numbers';

export interface ParetoPoint {
  /** Risk and return (KPI attainment gained) as shares, shown in points. */
  risk: number;
  gain: number;
}

export interface ParetoChartProps {
  points: ParetoPoint[];
  selected: number;
  onSelect: (i: number) => void;
}

export function ParetoChart({ points, selected, onSelect }: ParetoChartProps) {
  const { format } = useNumbers();
  if (points.length < 2) return null;
  const description = `KPI attainment gained against risk: ${points
    .map(
      (p, i) =>
        `candidate ${i + 1}: ${format(p.gain, 'points', { sign: 'always' })} of attainment, risk ${format(p.risk, 'points')}`,
    )
    .join('; ')}.`;
  return (
    <ChartFrame
      title="Candidates: return against risk"
      description={description}
      height={180}
      margin={{ left: 50, right: 14, top: 22, bottom: 32 }}
      testId="pareto-chart"
    >
      {(plot) => {
        const risks = points.map((p) => p.risk);
        const values = points.map((p) => p.gain);
        const x = linearScale(
          Math.min(...risks),
          Math.max(...risks),
          plot.left + 10,
          plot.right - 10,
          tickCount(plot.right - plot.left, 80),
        );
        const y = linearScale(Math.min(...values), Math.max(...values), plot.bottom - 10, plot.top + 10, 3);
        return (
          <>
            <LeftAxis scale={y} plot={plot} unit="points" label="↑ KPI attainment gained" />
            <BottomAxis scale={x} plot={plot} unit="points" label="risk (sd of the estimate) →" />
            <polyline
              points={points.map((p) => `${x.at(p.risk).toFixed(1)},${y.at(p.gain).toFixed(1)}`).join(' ')}
              fill="none"
              stroke={tokens.colorNeutralStroke1}
              strokeDasharray="3 2"
            />
            {points.map((p, i) => (
              <g
                key={i}
                onClick={() => onSelect(i)}
                style={{ cursor: 'pointer' }}
                data-point={i + 1}
                data-x={x.at(p.risk).toFixed(1)}
              >
                <circle
                  cx={x.at(p.risk)}
                  cy={y.at(p.gain)}
                  r={8}
                  fill={i === selected ? tokens.colorBrandBackground : tokens.colorNeutralBackground1}
                  stroke={tokens.colorBrandStroke1}
                  strokeWidth={1.5}
                />
                <text
                  x={x.at(p.risk)}
                  y={y.at(p.gain) + FONT / 3}
                  fontSize={FONT}
                  textAnchor="middle"
                  fill={i === selected ? tokens.colorNeutralForegroundOnBrand : tokens.colorNeutralForeground1}
                >
                  {i + 1}
                </text>
              </g>
            ))}
          </>
        );
      }}
    </ChartFrame>
  );
}
