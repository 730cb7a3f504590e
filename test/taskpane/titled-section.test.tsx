/** TitledSection: the heading names the region, at the level asked for (h2 a view, h3 a panel); busy marks it aria-busy. */
import { render, screen } from '@testing-library/react';
import { TitledSection } from '../../taskpane/components/shared/TitledSection';

test.each([
  [undefined, 2],
  ['h3' as const, 3],
])('level %s: a region named by its heading, the heading at level %i', (level, expected) => {
  render(
    <TitledSection id="cash" title="Cash plan" level={level} className="root">
      <p>inside</p>
    </TitledSection>,
  );
  const region = screen.getByRole('region', { name: 'Cash plan' });
  expect(region.className).toBe('root');
  expect(region.textContent).toBe('Cash planinside');
  const heading = screen.getByRole('heading', { name: 'Cash plan', level: expected });
  expect(heading.id).toBe('cash-title');
});

test('busy while it reads what it shows: aria-busy, and no attribute once read', () => {
  const { rerender } = render(<TitledSection id="proposals" title="Proposals" busy />);
  expect(screen.getByRole('region', { name: 'Proposals' }).getAttribute('aria-busy')).toBe('true');
  rerender(<TitledSection id="proposals" title="Proposals" busy={false} />);
  expect(screen.getByRole('region', { name: 'Proposals' }).getAttribute('aria-busy')).toBeNull();
});
