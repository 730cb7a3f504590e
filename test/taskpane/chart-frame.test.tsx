/**
 * The chart frame draws at the width its parent gives it (the scenario results pass the panel's
 * measured width, so a chart neither reads the layout nor draws twice), and at the fallback width
 * where nothing is given and nothing can be measured (jsdom has no layout).
 */
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ChartFrame } from '../../taskpane/components/charts/ChartFrame';

const frame = (width?: number) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <ChartFrame title="t" description="d" height={100} margin={{ left: 10, bottom: 10 }} width={width}>
        {(plot) => <rect data-testid="plot" width={plot.right - plot.left} height={1} />}
      </ChartFrame>
    </FluentProvider>,
  );

describe('ChartFrame', () => {
  test('draws at the width it is given, at most 560 px', () => {
    const { getByRole, getByTestId, unmount } = frame(400);
    expect(getByRole('img').getAttribute('width')).toBe('400');
    expect(getByTestId('plot').getAttribute('width')).toBe(String(400 - 10 - 8));
    unmount();
    expect(frame(900).getByRole('img').getAttribute('width')).toBe('560');
  });

  test('measures itself when no width is given (288 px where nothing is measured)', () => {
    expect(frame().getByRole('img').getAttribute('width')).toBe('288');
  });
});
