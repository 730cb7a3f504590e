/**
 * Opens a view the way a user at any width does: its tab when the tab row shows it, otherwise from
 * the "More" menu (in jsdom nothing has a width, so most tabs are in the menu). It waits, before and
 * after, inside the testing library (where the pane's own updates are expected), until the pane has
 * opened its data and the view has read what it reads as it opens (the Help view's function list):
 * those updates land here, not outside act in the test's next step.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';

async function paneOpened(): Promise<void> {
  await waitFor(() => expect(screen.queryByText('Opening your data')).toBeNull(), { timeout: 10000 });
}

export async function openView(name: string): Promise<void> {
  await paneOpened();
  const tab = screen.queryByRole('tab', { name });
  if (tab) fireEvent.click(tab);
  else {
    fireEvent.click(await screen.findByTestId('more-views', {}, { timeout: 10000 }));
    fireEvent.click(await screen.findByRole('menuitem', { name }, { timeout: 10000 }));
  }
  await paneOpened();
}
