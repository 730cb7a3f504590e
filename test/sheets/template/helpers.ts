/** Shared by the template tests: a refusal catcher and a small spec. */
import { FpaError } from '../../../src/errors';
import { readHierarchy } from '../../../src/sheets/template/hierarchy';
import { monthSequence } from '../../../src/sheets/template/months';
import type { TemplateSpec } from '../../../src/sheets/template/spec';

export function refusal(f: () => unknown): FpaError {
  try {
    f();
  } catch (e) {
    if (e instanceof FpaError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** ACME → Sales (S1, S2), Ops (O1); two accounts; 24 months from 2025-01; forecast from 2025-07. */
export function smallSpec(extra: Partial<TemplateSpec> = {}): TemplateSpec {
  return {
    hierarchy: readHierarchy([
      ['entity', 'department', 'cost centre', 'owner'],
      ['ACME', 'Sales', 'S1', 'ann'],
      ['', '', 'S2', 'bob'],
      ['', 'Ops', 'O1', 'cy'],
    ]),
    accounts: ['Travel', 'Salaries'],
    months: monthSequence('2025-01', 24),
    forecastFrom: '2025-07',
    ...extra,
  };
}

/** smallSpec without the Ops department (its cost centre O1 dropped), for re-runs that remove lines. */
export function salesOnlySpec(): TemplateSpec {
  return smallSpec({
    hierarchy: readHierarchy([
      ['entity', 'department', 'cost centre'],
      ['ACME', 'Sales', 'S1'],
      ['', '', 'S2'],
    ]),
  });
}
