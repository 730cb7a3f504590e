/**
 * Help › "Typing numbers" in the pane's locale: the examples are written by the pane's formatter,
 * negatives included (shown with the true minus, typed with either sign or in brackets).
 */
import { render, screen } from '@testing-library/react';
import { HelpView } from '../../taskpane/components/help/HelpView';
import { NumbersProvider } from '../../taskpane/state/numbers';

test.each([
  ['en-US', '1,234.5', '(1,200)', '−1,200'],
  ['de-DE', '1.234,5', '(1.200)', '−1.200'],
])('%s: how to type a number, and how a negative is shown', async (locale, number, bracketed, negative) => {
  render(
    <NumbersProvider style={{ locale }}>
      <HelpView loadCatalogue={async () => []} />
    </NumbersProvider>,
  );
  const text = (await screen.findByText(/^Numbers are read and shown as in/)).textContent ?? '';
  expect(text).toContain(`type ${number}`);
  expect(text).toContain(`a negative in brackets ${bracketed}`);
  expect(text).toContain(
    `The pane shows a negative with a minus sign, ${negative}; typing it with the keyboard's - is the same.`,
  );
});
