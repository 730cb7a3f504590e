/** The anomaly engine: budget lines in, ranked and explained flags out. */

// Detection
export { detectFlags, detectLineFlags } from './detect-flags';
export type { DetectOptions } from './detect-flags';
export { resolveThresholds } from './resolve-thresholds';
export { parseBudget } from './parse-budget';
export type { BudgetDocument } from './parse-budget';

// Severity and order
export { budgetImpact, calibratedConfidence, flagSeverity } from './flag-severity';
export { rankFlags } from './rank-flags';

// Explanations
export { decomposeVariance } from './decompose-variance';
export type { VarianceParts } from './decompose-variance';
export { lineContributions } from './contributions';
export type { CostCentreVariance, LineContribution } from './contributions';

// Types and errors
export * from './types';
export { AnomalyErrors } from './errors';
