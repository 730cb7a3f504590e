/**
 * The histogram's marker labels stay readable where a marker line from the upper label row runs
 * down through the lower row (P5's line through "P50 42,189" at 320 px): every line is drawn first,
 * then every label over them with a halo in the background colour.
 */
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { HistogramChart } from '../../taskpane/components/charts/HistogramChart';

it('paints the marker labels after every marker line, each with a background halo', () => {
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <HistogramChart
        histogram={{ edges: [20000, 30000, 40000, 50000, 60000], counts: [5, 40, 45, 10] }}
        title="Distribution of profit"
        axisLabel="profit"
        unit="number"
        width={288}
        markers={[
          { label: 'P5', value: 34963 },
          { label: 'P50', value: 42189 },
          { label: 'P95', value: 52348 },
        ]}
      />
    </FluentProvider>,
  );
  const marks = [...container.querySelectorAll('[data-marker-line], [data-marker]')];
  const kinds = marks.map((e) => (e.hasAttribute('data-marker-line') ? 'line' : 'label'));
  expect(kinds).toEqual(['line', 'line', 'line', 'label', 'label', 'label']);
  // The three labels do not fit one row at 288 px: one of them sits in the lower row, under another's line.
  const rows = marks.filter((e) => e.hasAttribute('data-marker')).map((e) => e.getAttribute('data-label-row'));
  expect(new Set(rows).size).toBe(2);
  for (const label of marks.filter((e) => e.hasAttribute('data-marker'))) {
    expect(label.getAttribute('paint-order')).toBe('stroke');
    expect(label.getAttribute('stroke')).toMatch(/colorNeutralBackground1/);
  }
});
