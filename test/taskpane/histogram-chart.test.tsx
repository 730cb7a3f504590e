/**
 * The histogram's marker labels as drawn: every line first, then every label over them with a
 * background halo, and no label on another label or on another marker's line (which runs down from
 * just under its own label), at pane widths from 320 px and with P5, P50 and P95 close together.
 */
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { HistogramChart } from '../../taskpane/components/charts/HistogramChart';
import { textWidth } from '../../src/chart';

const draw = (width: number, values: number[]) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <HistogramChart
        histogram={{ edges: [20000, 30000, 40000, 50000, 60000], counts: [5, 40, 45, 10] }}
        title="Distribution of profit"
        axisLabel="profit"
        unit="number"
        width={width}
        markers={['P5', 'P50', 'P95'].map((label, i) => ({ label, value: values[i] }))}
      />
    </FluentProvider>,
  ).container;

const num = (e: Element, name: string) => Number(e.getAttribute(name));

it('paints the marker labels after every marker line, each with a background halo', () => {
  const container = draw(288, [34963, 42189, 52348]);
  const marks = [...container.querySelectorAll('[data-marker-line], [data-marker]')];
  const kinds = marks.map((e) => (e.hasAttribute('data-marker-line') ? 'line' : 'label'));
  expect(kinds).toEqual(['line', 'line', 'line', 'label', 'label', 'label']);
  for (const label of marks.filter((e) => e.hasAttribute('data-marker'))) {
    expect(label.getAttribute('paint-order')).toBe('stroke');
    expect(label.getAttribute('stroke')).toMatch(/colorNeutralBackground1/);
  }
});

it("keeps every label off the other labels and the other markers' lines, with the rows inside the drawing", () => {
  // 288 px is the pane at 320; P5, P50 and P95 from far apart to a few hundred apart (pane11's 155/183/212 px).
  for (const width of [288, 330, 418, 560])
    for (const spread of [8000, 4000, 2500, 1500, 600, 100, 0]) {
      const container = draw(width, [40000 - spread, 40000 + spread * 0.2, 40000 + spread * 1.2]);
      const svg = container.querySelector('svg') as SVGSVGElement;
      const lines = [...container.querySelectorAll('[data-marker-line]')];
      const labels = [...container.querySelectorAll('[data-marker]')].map((e) => {
        const w = textWidth(e.textContent ?? '', 10);
        return {
          name: e.getAttribute('data-marker'),
          left: num(e, 'x') - w / 2,
          right: num(e, 'x') + w / 2,
          y: num(e, 'y'),
        };
      });
      for (const a of labels) {
        // A label's band: its ascenders 8 px above the baseline to its descenders 3 px below.
        const [top, bottom] = [a.y - 8, a.y + 3];
        expect(top).toBeGreaterThanOrEqual(0);
        expect(a.left).toBeGreaterThanOrEqual(-1e-9);
        expect(a.right).toBeLessThanOrEqual(num(svg, 'width') + 1e-9);
        for (const b of labels) if (b !== a && b.y === a.y) expect(a.right <= b.left || b.right <= a.left).toBe(true);
        for (const line of lines) {
          if (line.getAttribute('data-marker-line') === a.name) continue;
          const x = num(line, 'x1');
          const crosses = num(line, 'y1') < bottom && num(line, 'y2') > top && x > a.left && x < a.right;
          expect(
            crosses ? `${a.name} on ${line.getAttribute('data-marker-line')}'s line at ${width}/${spread}` : '',
          ).toBe('');
        }
      }
    }
});
