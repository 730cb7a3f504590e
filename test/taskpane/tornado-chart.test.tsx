/**
 * The tornado chart keeps every bar inside its plot: rank correlations sit on the −1…1 axis, and a
 * standardised regression coefficient beyond ±1 (correlated drivers: 1.92 and 1.80 on the layout
 * test's model) widens the axis instead of running off the chart and out of a 320 px pane.
 */
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { TornadoChart, type TornadoBar } from '../../taskpane/components/charts/TornadoChart';

const WIDTH = 288;

function draw(bars: TornadoBar[]) {
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <TornadoChart title="What moves profit" bars={bars} width={WIDTH} />
    </FluentProvider>,
  );
  const svg = container.querySelector('svg')!;
  const rects = [...svg.querySelectorAll('rect')].map((r) => ({
    left: Number(r.getAttribute('x')),
    right: Number(r.getAttribute('x')) + Number(r.getAttribute('width')),
  }));
  const ticks = [...svg.querySelectorAll('[data-axis="x"] text')].map((t) => t.textContent);
  return { rects, ticks };
}

describe('TornadoChart', () => {
  test('bars beyond ±1 stay inside the chart; the axis reaches them', () => {
    const { rects, ticks } = draw([
      { label: 'cost', value: -0.94 },
      { label: 'volume', value: 1.92 },
      { label: 'price', value: 1.8 },
    ]);
    expect(rects).toHaveLength(3);
    for (const r of rects) {
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThanOrEqual(WIDTH);
    }
    expect(ticks).toContain('2.0');
    expect(ticks).toContain('−2.0');
  });

  test('rank correlations keep the −1…1 axis', () => {
    const { ticks } = draw([
      { label: 'cost', value: 0.94 },
      { label: 'volume', value: 0.63 },
    ]);
    // The tick labels, then the axis title.
    expect(ticks).toEqual(['−1.0', '−0.5', '0.0', '0.5', '1.0', 'rank correlation with the output']);
  });
});
