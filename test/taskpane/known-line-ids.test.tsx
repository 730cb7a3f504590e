/**
 * The line ids the pane knows (taskpane/components/tables/KnownLineIds.tsx) are drawn whole in the
 * messages that name them: a notice, a card's refusal, an error of src/ shown in Proposals.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { KnownLineIds } from '../../taskpane/components/tables/KnownLineIds';
import { NoticeBar } from '../../taskpane/components/shared/Notice';
import { CardProblem } from '../../taskpane/components/shared/card-action';
import { openProposals } from './open-proposals';

const idsIn = (e: Element) => [...e.querySelectorAll('[data-line-id]')].map((x) => x.textContent);

it('a notice and a refusal draw the known ids whole, nested providers adding theirs, and read as written', () => {
  const text = 'Line "MKT-DIGITAL/Travel": its bounds exclude each other; OPS-IT is fine.';
  render(
    <KnownLineIds ids={['MKT-DIGITAL/Travel']}>
      <KnownLineIds ids={['OPS-IT', '']}>
        <NoticeBar intent="error" text={text} />
        <CardProblem problem={text} />
      </KnownLineIds>
    </KnownLineIds>,
  );
  const [notice, refusal] = screen.getAllByRole('alert');
  for (const shown of [notice, refusal]) {
    expect(shown.textContent).toBe(text);
    expect(idsIn(shown)).toEqual(['MKT-DIGITAL/Travel', 'OPS-IT']);
  }
});

it('without known ids a notice is its text', () => {
  render(<NoticeBar intent="info" text="Nothing named." />);
  expect(screen.getByRole('status').innerHTML).not.toMatch(/data-line-id/);
});

it("Proposals' error naming a scanned line draws it whole", async () => {
  await openProposals();
  fireEvent.click(screen.getByRole('button', { name: 'Edit MKT-EVENTS' }));
  for (const [field, value] of [
    ['Min', '900000'],
    ['Max', '1000'],
  ]) {
    const box = await screen.findByLabelText(`${field} of MKT-EVENTS`);
    fireEvent.change(box, { target: { value } });
    fireEvent.blur(box);
  }
  fireEvent.click(screen.getByRole('button', { name: 'Find candidates' }));
  const alert = await screen.findByText(
    (_, e) => e?.getAttribute('role') === 'alert' && /^Line "MKT-EVENTS": /.test(e.textContent ?? ''),
    {},
    { timeout: 10000 },
  );
  expect(idsIn(alert)).toEqual(['MKT-EVENTS']);
}, 60000);
