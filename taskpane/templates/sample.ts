/**
 * "Load sample company": the sample (src/sheets/template/sample-company.ts) fills the Budget form
 * (its hierarchy, accounts, months and first forecast month) and comes with what a form cannot hold:
 * its plan and actual amounts and its Drivers sheet. The form stays editable; its preview, with the
 * sample's amounts for the lines and months the form still has, is what Create writes. Excel
 * computes the forecasts, flags and scenario once the formulas are in.
 */
import type { Hierarchy, TemplateData, TemplateSheet, TemplateSpec } from '../../src/sheets/template';
import { dataForMonths } from '../../src/sheets/template';
import { sampleCompany, sampleDriversSheet } from '../../src/sheets/template/sample-company';
import type { Identity } from '../review/identity';

export interface LoadedSample {
  /** The form's fields as the sample fills them. */
  fields: { accounts: string; months: string; forecastFrom: string };
  hierarchy: Hierarchy;
  /** Whose cost centres the dashboard lists first: the identity when set, else the sample's owner. */
  owner: NonNullable<TemplateSpec['owner']>;
  /** The sample's Drivers sheet, written beside the template's sheets. */
  sheets: TemplateSheet[];
  /** The sample's amounts laid out for `months` (the form's, possibly edited). */
  amountsFor: (months: readonly string[]) => TemplateData;
}

export function loadSample(identity: Pick<Identity, 'name' | 'costCentres'>): LoadedSample {
  const sample = sampleCompany();
  const { spec } = sample;
  const owner = identity.costCentres.length > 0 || identity.name !== 'me' ? identity : spec.owner!;
  return {
    fields: {
      accounts: spec.accounts.join('\n'),
      months: `${spec.months[0]} to ${spec.months[spec.months.length - 1]}`,
      forecastFrom: spec.forecastFrom,
    },
    hierarchy: spec.hierarchy,
    owner: { name: owner.name, costCentres: [...owner.costCentres] },
    sheets: [sampleDriversSheet(sample)],
    amountsFor: (months) => dataForMonths(sample.data, spec.months, months),
  };
}
