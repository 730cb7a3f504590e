/**
 * "Load sample company": the sample (src/sheets/template/sample-company.ts) as a template with its
 * plan and actuals filled in and its Drivers sheet, previewed like any template. Excel computes the
 * forecasts, flags and scenario once the formulas are in.
 */
import { sampleCompany, sampleDriversSheet } from '../../src/sheets/template/sample-company';
import type { Identity } from '../review/identity';
import type { Workbook } from '../workbook/types';
import type { TemplatePreview } from './budget-workbook';
import { previewTemplate } from './budget-workbook';

export function previewSample(
  workbook: Workbook,
  identity: Pick<Identity, 'name' | 'costCentres'>,
): Promise<TemplatePreview> {
  const sample = sampleCompany();
  const owner = identity.costCentres.length > 0 || identity.name !== 'me' ? identity : sample.spec.owner!;
  return previewTemplate(
    workbook,
    { ...sample.spec, owner: { name: owner.name, costCentres: [...owner.costCentres] } },
    sample.data,
    [sampleDriversSheet(sample)],
  );
}
