/**
 * Types into a form the way a user fills it: each value into the field its label names, in order.
 * `exact: false` finds a field by a part of its label (e.g. "Alpha" for "Alpha (tail probability)").
 */
import { fireEvent, screen } from '@testing-library/react';

export function fillForm(fields: Record<string, string>, options: { exact?: boolean } = {}): void {
  for (const [label, value] of Object.entries(fields))
    fireEvent.change(screen.getByLabelText(label, options), { target: { value } });
}
