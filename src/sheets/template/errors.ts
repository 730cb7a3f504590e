/**
 * Error catalogue of the budget templates (codes prefixed TEMPLATE_). Every entry names the row or
 * the cell to fix, counted as the user sees it, and nothing is written when one is raised.
 */
import { defineError } from '../../errors';

export const TemplateErrors = {
  /** A month that is not YYYY-MM, or a list of months with a gap, a repeat or a step back. */
  badMonths: defineError('TEMPLATE_BAD_MONTHS', 'input', (at: string, problem: string) => ({
    message: `${at}: ${problem}.`,
    hint: 'Give consecutive months as YYYY-MM (2025-01, 2025-02, …), or a first month and a count.',
    details: { field: at },
  })),
  /** A hierarchy in which a node is its own ancestor. */
  cycle: defineError('TEMPLATE_HIERARCHY_CYCLE', 'input', (at: string, path: readonly string[]) => ({
    message: `${at}: "${path[0]}" is its own ancestor (${path.join(' → ')}).`,
    hint: 'Give every cost centre one chain of parents that ends at an entity.',
    details: { field: at, data: { path } },
  })),
  /** A node given two different parents. */
  twoParents: defineError(
    'TEMPLATE_HIERARCHY_TWO_PARENTS',
    'input',
    (at: string, name: string, parent: string, other: string, firstAt: string) => ({
      message: `${at}: "${name}" is under "${parent}" here and under "${other}" in ${firstAt}.`,
      hint: 'A cost centre or department has one parent: move it under one of them.',
      details: { field: at, data: { name, parent, other } },
    }),
  ),
  /** A name a formula criterion would misread (SUMIFS takes * ? ~ as wildcards, < > = as comparisons). */
  badName: defineError('TEMPLATE_BAD_NAME', 'input', (at: string, name: string, problem: string) => ({
    message: `${at}: the name "${name}" ${problem}.`,
    hint: 'Rename it: names are used in formulas as criteria, so avoid * ? ~ and a leading = < >.',
    details: { field: at, data: { name } },
  })),
  /** Something the template needs is missing or contradictory. */
  badSpec: defineError('TEMPLATE_BAD_SPEC', 'input', (field: string, problem: string, hint: string) => ({
    message: `${field}: ${problem}.`,
    hint,
    details: { field },
  })),
  /** Actuals whose columns or periods do not match the template (`line`: the line named, when one is not in it). */
  actualsMismatch: defineError(
    'TEMPLATE_ACTUALS_MISMATCH',
    'input',
    (at: string, problem: string, hint: string, line?: string) => ({
      message: `${at}: ${problem}.`,
      hint,
      details: { field: at, ...(line === undefined ? {} : { data: { line } }) },
    }),
  ),
  /** A sheet the template would write holds data the template did not write. */
  sheetInUse: defineError('TEMPLATE_SHEET_IN_USE', 'input', (sheet: string, cell: string, offer: string) => ({
    message: `Sheet "${sheet}" already holds data at ${cell}, where the template would write.`,
    hint: `Nothing was written. Use another name for it, such as "${offer}", or clear those cells.`,
    details: { field: sheet, data: { cell, offer } },
  })),
  /** A re-run would delete amounts typed in the lines of dropped cost centres or accounts, unconfirmed. */
  wouldDelete: defineError('TEMPLATE_WOULD_DELETE', 'input', (losses: readonly string[]) => ({
    message: `This run deletes what was typed: ${losses.join('; ')}.`,
    hint: 'Nothing was written. Copy those amounts elsewhere if you need them, then confirm the deletion and run it again.',
    details: { field: 'losses', data: { losses } },
  })),
};
