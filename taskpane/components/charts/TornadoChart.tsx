/**
 * Which drivers move an output most: one horizontal bar per driver, its rank correlation with the
 * output on an axis from −1 to 1, the value printed at the bar's end, names on the left. A
 * standardised regression coefficient can pass ±1 when drivers are correlated (the scenario results'
 * second chart): the axis then widens to the largest bar, so no bar runs out of the chart.
 */
import { tokens } from '@fluentui/react-components';
import { textWidth } from '../../../src/chart';
import { useNumbers } from '../../state/numbers';
import { BottomAxis, ChartFrame, FONT, linearScale, RowName } from './ChartFrame';

export interface TornadoBar {
  label: string;
  value: number;
}

const ROW = 18;

export function TornadoChart({
  bars,
  title,
  testId,
  axisLabel = 'rank correlation with the output',
  width,
}: {
  bars: TornadoBar[];
  title: string;
  testId?: string;
  /** What the bars measure, under the axis. @default 'rank correlation with the output' */
  axisLabel?: string;
  /** The width it has, when the parent measured it (see ChartFrame). */
  width?: number;
}) {
  const { format } = useNumbers();
  if (bars.length === 0) return null;
  const nameWidth = Math.min(96, Math.max(...bars.map((b) => textWidth(b.label, FONT))) + 8);
  const description = `${title}: ${bars.map((b) => `${b.label} ${format(b.value, 'ratio')}`).join(', ')}.`;
  return (
    <ChartFrame
      title={title}
      description={description}
      width={width}
      height={bars.length * ROW + 40}
      margin={{ left: nameWidth, right: 12, top: 4, bottom: 34 }}
      testId={testId}
    >
      {(plot) => {
        const reach = Math.max(1, ...bars.map((b) => Math.abs(b.value)).filter(Number.isFinite));
        const x = linearScale(-reach, reach, plot.left, plot.right, 4);
        const zero = x.at(0);
        return (
          <>
            <BottomAxis scale={x} plot={plot} unit="ratio" label={axisLabel} options={{ decimals: 1 }} />
            {bars.map((b, i) => {
              const y = plot.top + i * ROW;
              const end = x.at(b.value);
              const negative = b.value < 0;
              const inside = Math.abs(end - zero) > 34;
              return (
                <g key={b.label}>
                  <RowName plot={plot} y={y + ROW / 2}>
                    {b.label.length > 14 ? `${b.label.slice(0, 13)}…` : b.label}
                  </RowName>
                  <rect
                    x={Math.min(zero, end)}
                    y={y + 3}
                    width={Math.max(Math.abs(end - zero), 1)}
                    height={ROW - 6}
                    fill={negative ? tokens.colorPaletteDarkOrangeBackground3 : tokens.colorBrandBackground}
                  />
                  <text
                    x={inside ? end + (negative ? 3 : -3) : end + (negative ? -3 : 3)}
                    y={y + ROW / 2 + FONT / 3}
                    fontSize={FONT}
                    textAnchor={inside === negative ? 'start' : 'end'}
                    fill={inside ? tokens.colorNeutralForegroundOnBrand : tokens.colorNeutralForeground1}
                  >
                    {format(b.value, 'ratio')}
                  </text>
                </g>
              );
            })}
            <line x1={zero} x2={zero} y1={plot.top} y2={plot.bottom} stroke={tokens.colorNeutralStroke1} />
          </>
        );
      }}
    </ChartFrame>
  );
}
