/** Shared by the template tests: a refusal catcher and a small spec. */
import { fpaErrorOf } from '../../fpa-error-of';
import { readHierarchy } from '../../../src/sheets/template/hierarchy';
import { monthSequence } from '../../../src/sheets/template/months';
import type { TemplateSpec } from '../../../src/sheets/template/spec';

/** The refusal (an FpaError) that `f` throws. */
export const refusal = fpaErrorOf;

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

/** smallSpec with these rows of entity, department and cost centre (blank: as the row above). */
export function specWithCostCentres(rows: string[][]): TemplateSpec {
  return smallSpec({ hierarchy: readHierarchy([['entity', 'department', 'cost centre'], ...rows]) });
}

/** smallSpec with these rows after its cost centres S1, S2 (Sales) and O1 (Ops), for re-runs that add lines. */
export function specWithMoreCostCentres(rows: string[][]): TemplateSpec {
  return specWithCostCentres([['ACME', 'Sales', 'S1'], ['', '', 'S2'], ['', 'Ops', 'O1'], ...rows]);
}

/** smallSpec without the Ops department (its cost centre O1 dropped), for re-runs that remove lines. */
export function salesOnlySpec(): TemplateSpec {
  return specWithCostCentres([
    ['ACME', 'Sales', 'S1'],
    ['', '', 'S2'],
  ]);
}
