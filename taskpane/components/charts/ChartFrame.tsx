/**
 * The frame every chart of the pane is drawn in: a title above, an SVG drawn at the pane's real
 * width (so text stays 10 px and axes keep their values at 320 px and at 800 px), and axes whose
 * ticks come from src/chart (R's pretty()) with labels from the one number formatter.
 */
import type { ReactNode } from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { niceScale, type NiceScale } from '../../../src/chart';
import type { FormatOptions, Unit } from '../../../src/format';
import { useElementWidth } from '../../state/use-element-width';
import { useNumbers } from '../../state/numbers';

/** Tick and label font size, px. */
export const FONT = 10;
/** Width used before the frame is measured (and in jsdom). */
const FALLBACK_WIDTH = 288;
/** Charts stop growing here: wider is not easier to read. */
const MAX_WIDTH = 560;

const useStyles = makeStyles({
  frame: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  svg: { display: 'block', overflow: 'visible' },
});

export interface Plot {
  /** Drawing width and height, px. */
  width: number;
  height: number;
  /** The data area inside the axes. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartFrameProps {
  title: string;
  /** What the chart shows, in words, for screen readers (numbers included). */
  description: string;
  height: number;
  /** Room for the axes: left for the value labels, bottom for the category or value labels. */
  margin: { left: number; right?: number; top?: number; bottom: number };
  children: (plot: Plot) => ReactNode;
  testId?: string;
  /**
   * The width it has, when its parent measured it (the scenario results): the frame then reads no
   * layout and draws once. Measured here when left out.
   */
  width?: number;
}

export function ChartFrame({ title, description, height, margin, children, testId, width: known }: ChartFrameProps) {
  const styles = useStyles();
  const [ref, measured] = useElementWidth<HTMLDivElement>(known === undefined);
  const width = Math.min(MAX_WIDTH, Math.floor(known ?? measured) || FALLBACK_WIDTH);
  const plot: Plot = {
    width,
    height,
    left: margin.left,
    right: width - (margin.right ?? 8),
    top: margin.top ?? 8,
    bottom: height - margin.bottom,
  };
  return (
    <figure ref={ref} className={styles.frame} style={{ margin: 0 }} data-testid={testId}>
      <Caption1 as="span" className={styles.title}>
        {title}
      </Caption1>
      <svg
        className={styles.svg}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={description}
      >
        {children(plot)}
      </svg>
    </figure>
  );
}

export interface Scale extends NiceScale {
  /** Value → pixel. */
  at: (value: number) => number;
}

/** A linear scale over nice ticks, mapped onto [from, to] pixels. */
export function linearScale(min: number, max: number, from: number, to: number, count = 5): Scale {
  const nice = niceScale(min, max, count);
  const span = nice.hi - nice.lo || 1;
  return { ...nice, at: (v: number) => from + ((v - nice.lo) / span) * (to - from) };
}

/** Ticks that fit: about one per `spacing` px of axis. */
export const tickCount = (pixels: number, spacing: number) => Math.max(2, Math.min(8, Math.floor(pixels / spacing)));

interface AxisProps {
  scale: Scale;
  plot: Plot;
  unit: Unit;
  /** Axis title with the unit, e.g. "Profit (EUR)". */
  label: string;
  options?: FormatOptions;
  /** Draw faint grid lines across the plot. @default true */
  grid?: boolean;
}

/** A value axis along the bottom: ticks, compact labels, the title under them. */
export function BottomAxis({ scale, plot, unit, label, options = { compact: true }, grid = true }: AxisProps) {
  const { format } = useNumbers();
  return (
    <g data-axis="x">
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={tokens.colorNeutralStroke1} />
      {scale.ticks.map((t) => (
        <g key={t}>
          {grid && (
            <line
              x1={scale.at(t)}
              x2={scale.at(t)}
              y1={plot.top}
              y2={plot.bottom}
              stroke={tokens.colorNeutralStroke3}
              strokeDasharray="2 3"
            />
          )}
          <line
            x1={scale.at(t)}
            x2={scale.at(t)}
            y1={plot.bottom}
            y2={plot.bottom + 3}
            stroke={tokens.colorNeutralStroke1}
          />
          <text
            x={scale.at(t)}
            y={plot.bottom + 3 + FONT}
            fontSize={FONT}
            textAnchor="middle"
            fill={tokens.colorNeutralForeground2}
          >
            {format(t, unit, options)}
          </text>
        </g>
      ))}
      <text
        x={(plot.left + plot.right) / 2}
        y={plot.bottom + 6 + 2 * FONT + 2}
        fontSize={FONT}
        textAnchor="middle"
        fill={tokens.colorNeutralForeground2}
      >
        {label}
      </text>
    </g>
  );
}

/** A value axis along the left: ticks with compact labels; the title sits above the axis. */
export function LeftAxis({ scale, plot, unit, label, options = { compact: true }, grid = true }: AxisProps) {
  const { format } = useNumbers();
  return (
    <g data-axis="y">
      <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke={tokens.colorNeutralStroke1} />
      {scale.ticks.map((t) => (
        <g key={t}>
          {grid && (
            <line
              x1={plot.left}
              x2={plot.right}
              y1={scale.at(t)}
              y2={scale.at(t)}
              stroke={tokens.colorNeutralStroke3}
              strokeDasharray="2 3"
            />
          )}
          <text
            x={plot.left - 4}
            y={scale.at(t) + FONT / 3}
            fontSize={FONT}
            textAnchor="end"
            fill={tokens.colorNeutralForeground2}
          >
            {format(t, unit, options)}
          </text>
        </g>
      ))}
      <text x={2} y={plot.top - 4} fontSize={FONT} fill={tokens.colorNeutralForeground2}>
        {label}
      </text>
    </g>
  );
}
