/**
 * The pane's views by id, each with the one word it is called by: its tab's label and its heading
 * (an h2, see ViewSection) both read it here, so the two cannot drift apart. Navigation order and
 * what each view renders are in views.tsx.
 */
export const VIEW_NAMES = {
  drivers: 'Drivers',
  scenarios: 'Scenarios',
  anomalies: 'Anomalies',
  proposals: 'Proposals',
  budget: 'Budget',
  cash: 'Cash',
  versions: 'Versions',
  settings: 'Settings',
  help: 'Help',
} as const;

/** A view's stable id (used in `?tab=` and the tab's DOM id). */
export type ViewId = keyof typeof VIEW_NAMES;
