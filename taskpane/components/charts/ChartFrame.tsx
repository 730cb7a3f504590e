/**
 * The frame every chart of the pane is drawn in: a title above, an SVG drawn at the pane's real
 * width (so text stays 10 px and axes keep their values at 320 px and at 800 px), and axes whose
 * ticks come from src/chart (R's pretty()) with labels from the one number formatter.
 */
import type { ReactNode } from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { niceScale, type NiceScale } from '../../../src/chart';
import { tickDecimals, type FormatOptions, type Unit } from '../../../src/format';
import { useElementWidth } from '../../state/use-element-width';
import { useNumbers } from '../../state/numbers';
import { useKnownLineIds } from '../tables/KnownLineIds';
import { LineIdText } from '../tables/LineIdText';

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
  /**
   * Room added above the plot (and to the height) once the width is known: rows of labels that need
   * more than `margin.top` at this width (the histogram's marker labels).
   */
  extraTop?: (width: number) => number;
}

export function ChartFrame({
  title,
  description,
  height: baseHeight,
  margin,
  children,
  testId,
  width: known,
  extraTop,
}: ChartFrameProps) {
  const styles = useStyles();
  // A line's chart is titled by its id ("MKT-DIGITAL/Travel: actual against plan"): drawn whole.
  const lineIds = useKnownLineIds();
  const [ref, measured] = useElementWidth<HTMLDivElement>(known === undefined);
  const width = Math.min(MAX_WIDTH, Math.floor(known ?? measured) || FALLBACK_WIDTH);
  const extra = extraTop?.(width) ?? 0;
  const height = baseHeight + extra;
  const plot: Plot = {
    width,
    height,
    left: margin.left,
    right: width - (margin.right ?? 8),
    top: (margin.top ?? 8) + extra,
    bottom: height - margin.bottom,
  };
  return (
    <figure ref={ref} className={styles.frame} style={{ margin: 0 }} data-testid={testId}>
      <Caption1 as="span" className={styles.title}>
        <LineIdText text={title} ids={lineIds} />
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

/** The axis line along the plot's bottom edge (x) or its left edge (y). */
export function AxisLine({ plot, edge }: { plot: Plot; edge: 'bottom' | 'left' }) {
  const [x2, y1] = edge === 'bottom' ? [plot.right, plot.bottom] : [plot.left, plot.top];
  return <line x1={plot.left} x2={x2} y1={y1} y2={plot.bottom} stroke={tokens.colorNeutralStroke1} />;
}

/** A faint dashed grid line across the plot at one tick. */
function GridLine(at: { x1: number; x2: number; y1: number; y2: number }) {
  return <line {...at} stroke={tokens.colorNeutralStroke3} strokeDasharray="2 3" />;
}

/** An axis's text (a tick label or its title), in the axes' size and colour. */
function AxisText({ children, ...at }: { x: number; y: number; textAnchor?: 'middle' | 'end'; children: ReactNode }) {
  return (
    <text {...at} fontSize={FONT} fill={tokens.colorNeutralForeground2}>
      {children}
    </text>
  );
}

/**
 * A value axis on the plot's bottom edge (ticks, compact labels, the title under them) or on its left
 * edge (compact labels; the title above the axis).
 */
function ValueAxis({
  edge,
  scale,
  plot,
  unit,
  label,
  options = { compact: true },
  grid = true,
}: AxisProps & { edge: 'bottom' | 'left' }) {
  const { format } = useNumbers();
  const bottom = edge === 'bottom';
  // Points take no short scale: the ticks share the decimals of their step ("40 pts" … "0 pts", where
  // each alone read "40.0 pts"; "11.5 pts" where the step is half a point).
  const decimals = unit === 'points' ? tickDecimals(scale.ticks, unit) : undefined;
  const labels = scale.ticks.map((t) => format(t, unit, decimals === undefined ? options : { ...options, decimals }));
  return (
    <g data-axis={bottom ? 'x' : 'y'}>
      <AxisLine plot={plot} edge={edge} />
      {scale.ticks.map((t, i) => {
        const at = scale.at(t);
        return (
          <g key={t}>
            {grid &&
              (bottom ? (
                <GridLine x1={at} x2={at} y1={plot.top} y2={plot.bottom} />
              ) : (
                <GridLine x1={plot.left} x2={plot.right} y1={at} y2={at} />
              ))}
            {bottom && (
              <line x1={at} x2={at} y1={plot.bottom} y2={plot.bottom + 3} stroke={tokens.colorNeutralStroke1} />
            )}
            {bottom ? (
              <AxisText x={at} y={plot.bottom + 3 + FONT} textAnchor="middle">
                {labels[i]}
              </AxisText>
            ) : (
              <AxisText x={plot.left - 4} y={at + FONT / 3} textAnchor="end">
                {labels[i]}
              </AxisText>
            )}
          </g>
        );
      })}
      {bottom ? (
        <AxisText x={(plot.left + plot.right) / 2} y={plot.bottom + 6 + 2 * FONT + 2} textAnchor="middle">
          {label}
        </AxisText>
      ) : (
        <AxisText x={2} y={plot.top - 4}>
          {label}
        </AxisText>
      )}
    </g>
  );
}

/** A row's name at its middle `y`, ending just left of the plot (a tornado's drivers, a range chart's rows). */
export function RowName({ plot, y, children }: { plot: Plot; y: number; children: ReactNode }) {
  return (
    <text x={plot.left - 6} y={y + FONT / 3} fontSize={FONT} textAnchor="end" fill={tokens.colorNeutralForeground1}>
      {children}
    </text>
  );
}

/** A value axis along the bottom: ticks, compact labels, the title under them. */
export const BottomAxis = (props: AxisProps) => <ValueAxis edge="bottom" {...props} />;

/** A value axis along the left: ticks with compact labels; the title sits above the axis. */
export const LeftAxis = (props: AxisProps) => <ValueAxis edge="left" {...props} />;
