/**
 * Opens a view the way a user at any width does: its tab when the tab row shows it, otherwise from
 * the "More" menu (in jsdom nothing has a width, so most tabs are in the menu).
 */
import { fireEvent, screen } from '@testing-library/react';

export async function openView(name: string): Promise<void> {
  const tab = screen.queryByRole('tab', { name });
  if (tab) {
    fireEvent.click(tab);
    return;
  }
  fireEvent.click(await screen.findByTestId('more-views', {}, { timeout: 10000 }));
  fireEvent.click(await screen.findByRole('menuitem', { name }, { timeout: 10000 }));
}
