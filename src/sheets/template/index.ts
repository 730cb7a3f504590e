/**
 * Budget templates: a spec (cost centres or a hierarchy, accounts, months, first forecast month)
 * becomes a plan of sheets, tables, formulas, names and charts (buildTemplatePlan), a diff preview
 * against the workbook as it is (templateChanges), and the list of writes a workbook executes
 * (templateWrites). Actuals load into a template with readTemplateActuals. docs/sheets.md
 * describes the layouts.
 */

// What a template is made of
export { DEFAULT_SHEET_NAMES, lineId, resolveTemplate, TEMPLATE_ROLES } from './spec';
export type { PendingProposal, ResolvedTemplate, TemplateLine, TemplateRole, TemplateSpec } from './spec';
export { checkName, HIERARCHY_TABLE, hierarchyFromList, readHierarchy } from './hierarchy';
export type { CostCentre, Hierarchy } from './hierarchy';
export { addMonths, monthLabel, monthNumber, monthSequence, parseMonths, readMonths } from './months';
export { TemplateErrors } from './errors';

// The plan, the diff preview and the writes
export { buildTemplatePlan, columnValues } from './template-plan';
export { blockMinus, inBlock, isFormula, NUMBER_FORMATS, sheetFootprint, tableBlock } from './plan';
export type {
  Block,
  TemplateCell,
  TemplateChart,
  TemplateFormula,
  TemplatePlan,
  TemplateSheet,
  TemplateTable,
  TemplateValue,
} from './plan';
export { freeSheetName, templateChanges } from './diff';
export type { ExistingSheet, TemplateChanges, WorkbookState } from './diff';
export { templateWrites } from './writes';
export type { SheetWrite } from './writes';
export { dataForMonths, NO_DATA } from './data';
export type { Amount, LineForecast, TemplateData } from './data';

// Amounts in and out
export { ACTUALS_TABLE, mergeActuals, readAmountsTable, readTemplateActuals } from './actuals';
export type { TemplateActuals } from './actuals';

// Table names, for the pane and the demo
export { TABLES as AMOUNT_TABLES } from './amounts-sheet';
export { FORECAST_TABLES } from './forecast-sheet';
export { VARIANCE_TABLES } from './variance-sheet';
export { DASHBOARD_TABLES } from './dashboard-sheet';
