/**
 * The chart frame draws at the width its parent gives it (the scenario results pass the panel's
 * measured width, so a chart neither reads the layout nor draws twice), and at the fallback width
 * where nothing is given and nothing can be measured (jsdom has no layout).
 */
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { BottomAxis, ChartFrame, LeftAxis, linearScale } from '../../taskpane/components/charts/ChartFrame';

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

  test('an axis in points writes its ticks at one precision from their step', () => {
    const plot = { left: 40, right: 280, top: 10, bottom: 90, width: 320, height: 100 };
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <svg>
          <LeftAxis scale={linearScale(0, 0.4, 90, 10)} plot={plot} unit="points" label="gained" />
          <BottomAxis scale={linearScale(0.11, 0.125, 40, 280, 4)} plot={plot} unit="points" label="risk" />
        </svg>
      </FluentProvider>,
    );
    const ticks = (axis: string) =>
      [...container.querySelectorAll(`[data-axis="${axis}"] g text`)].map((t) => t.textContent);
    // Each alone read "40.0 pts", "30.0 pts", …: a decimal the step of ten points does not have.
    expect(ticks('y')).toEqual(['0 pts', '10 pts', '20 pts', '30 pts', '40 pts']);
    expect(ticks('x')).toEqual(['11.0 pts', '11.5 pts', '12.0 pts', '12.5 pts']);
  });
});
