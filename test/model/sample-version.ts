/** A new budget version as the pane and the tests send it, for the model, server and pane tests. */
import type { VersionLine } from '../../src/model/budget-line';
import type { NewBudgetVersion } from '../../src/model/version';

/** The budget of CC1 for 2026 named `name` with `lines`; `over` changes any other field. */
export const newVersion = (
  name: string,
  lines: VersionLine[],
  over: Partial<NewBudgetVersion> = {},
): NewBudgetVersion => ({ costCentre: 'CC1', fiscalYear: 2026, kind: 'budget', name, lines, ...over });
