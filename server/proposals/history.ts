/**
 * A proposal's history (the model's ProposalStep list, src/model/proposal.ts) as the database keeps
 * it: a jsonb array that only grows, each step stamped with the database's clock.
 */

/**
 * The SQL appending one step to the proposal's `history`: its action, from, to, who, role and
 * comment are the parameters `$first` to `$first + 5`; `when` is now().
 */
export const historyStep = (first: number): string =>
  `history = history || jsonb_build_array(jsonb_build_object('action', $${first}::text, 'from', $${first + 1}::text,
     'to', $${first + 2}::text, 'who', $${first + 3}::text, 'role', $${first + 4}::text, 'when', now(), 'comment', $${first + 5}::text))`;
