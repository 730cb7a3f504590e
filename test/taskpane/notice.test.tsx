/** NoticeBar: warnings and errors are alerts, success and info are status messages, in every view. */
import { render, screen } from '@testing-library/react';
import { NoticeBar, type NoticeIntent } from '../../taskpane/components/shared/Notice';

test.each<[NoticeIntent, string]>([
  ['error', 'alert'],
  ['warning', 'alert'],
  ['success', 'status'],
  ['info', 'status'],
])('a %s notice has the role %s and shows its text', (intent, role) => {
  render(<NoticeBar intent={intent} text={`a ${intent} message`} />);
  expect(screen.getByRole(role).textContent).toBe(`a ${intent} message`);
});

test('a notice with parts shows its children, and carries its test id', () => {
  render(
    <NoticeBar intent="success" testId="cash-done">
      Closing cash <strong>1,200</strong>.
    </NoticeBar>,
  );
  const notice = screen.getByTestId('cash-done');
  expect(notice.getAttribute('role')).toBe('status');
  expect(notice.textContent).toBe('Closing cash 1,200.');
});
