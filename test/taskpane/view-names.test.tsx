/** Every view's heading is the word on its tab: both read shell/view-names, so they cannot drift. */
import { screen, within } from '@testing-library/react';
import { VIEWS } from '../../taskpane/components/shell/views';
import { VIEW_NAMES } from '../../taskpane/components/shell/view-names';
import { renderPane } from './render-pane';

test('every view has a name, and the tab row lists them all', () => {
  expect(VIEWS.map((v) => v.id).sort()).toEqual(Object.keys(VIEW_NAMES).sort());
  for (const v of VIEWS) expect(v.label).toBe(VIEW_NAMES[v.id]);
});

test.each(VIEWS.map((v) => [v.id]))("the %s view's h2 says what its tab says", async (id) => {
  renderPane(undefined, { initialTab: id });
  const panel = document.getElementById(`panel-${id}`);
  expect(panel).not.toBeNull();
  const heading = await within(panel!).findByRole('heading', { level: 2 }, { timeout: 10000 });
  const tab = screen.getByRole('tab', { selected: true });
  expect(tab.id).toBe(`tab-${id}`);
  expect(tab.textContent).not.toBe('');
  expect(heading.textContent).toBe(tab.textContent);
  // The view is one region named by that heading, as a screen reader lists it.
  expect(within(panel!).getByRole('region', { name: tab.textContent! })).toBeTruthy();
});
