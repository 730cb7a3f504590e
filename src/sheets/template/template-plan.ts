/**
 * The whole template: Plan, Actuals, Forecast, Variance and Dashboard sheets from a spec and the
 * amounts to put in (and, for the demo workbook, the engines' results).
 */
import { amountsSheet } from './amounts-sheet';
import type { TemplateData } from './data';
import { NO_DATA } from './data';
import { dashboardSheet } from './dashboard-sheet';
import { forecastSheet } from './forecast-sheet';
import type { TemplatePlan, TemplateTable, TemplateValue } from './plan';
import { isFormula } from './plan';
import type { TemplateSpec } from './spec';
import { resolveTemplate } from './spec';
import { varianceSheet } from './variance-sheet';

/** A table's values per column header (formula results, or the values written). */
export function columnValues(table: TemplateTable): Map<string, TemplateValue[]> {
  return new Map(
    table.columns.map((c, k) => [
      c.header,
      table.rows.map((r) => {
        const cell = r[k];
        return isFormula(cell) ? (cell.result ?? null) : cell;
      }),
    ]),
  );
}

/**
 * Lays out every sheet of the template.
 * @throws the spec's errors (resolveTemplate) before anything is laid out.
 */
export function buildTemplatePlan(spec: TemplateSpec, data: TemplateData = NO_DATA): TemplatePlan {
  const t = resolveTemplate(spec);
  const variance = varianceSheet(t, data);
  const values = data.forecast ? columnValues(variance.tables[0]) : null;
  return {
    template: t,
    sheets: [
      amountsSheet(t, 'plan', data),
      amountsSheet(t, 'actuals', data),
      forecastSheet(t, data),
      variance,
      dashboardSheet(t, data, values),
    ],
  };
}
