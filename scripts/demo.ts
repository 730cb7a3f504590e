/**
 * `npm run demo -- [--out FILE] [--seed N]`: writes the sample company as an .xlsx (default
 * demo/openfpa-sample.xlsx; demo/ is not committed): Plan, Actuals, Forecast, Variance, Dashboard
 * and Drivers, the same writes the pane's "Load sample company" sends, with every FPA formula
 * stored beside the result the engines compute, so the file reads right before the add-in is
 * installed. The Dashboard's three native charts are added to the file exceljs wrote
 * (scripts/demo/xlsx-charts.ts), over the same cells the pane charts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildTemplatePlan } from '../src/sheets/template/template-plan';
import { sampleCompany, sampleDriversSheet } from '../src/sheets/template/sample-company';
import { templateWrites } from '../src/sheets/template/writes';
import { sampleResults, sampleScenario } from './demo/sample-results';
import { addCharts } from './demo/xlsx-charts';
import { xlsxFromWrites } from './demo/xlsx-writes';

export const DEFAULT_OUT = path.join('demo', 'openfpa-sample.xlsx');

/** Builds the sample workbook and writes it to `out`; returns what was written. */
export async function writeDemo(
  out: string,
  seed = 2025,
): Promise<{ out: string; sheets: string[]; skipped: string[]; charts: string[] }> {
  const sample = sampleCompany(seed);
  const plan = buildTemplatePlan(sample.spec, sampleResults(sample));
  plan.sheets.push(sampleDriversSheet(sample, 'Drivers', await sampleScenario(sample)));
  const { workbook, skipped, charts } = xlsxFromWrites(templateWrites(plan));
  const file = await addCharts(Buffer.from(await workbook.xlsx.writeBuffer()), charts);
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  writeFileSync(out, file);
  return { out, sheets: plan.sheets.map((s) => s.name), skipped, charts: charts.map((c) => c.chart.name) };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value.`);
  return value;
}

async function main(args: string[]): Promise<void> {
  const unknown = args.filter(
    (a, i) => a.startsWith('--') && a !== '--out' && a !== '--seed' && args[i - 1] !== '--out',
  );
  if (unknown.length > 0)
    throw new Error(`Unknown option ${unknown[0]}. Usage: npm run demo -- [--out FILE] [--seed N]`);
  const seed = Number(option(args, '--seed') ?? 2025);
  if (!Number.isInteger(seed)) throw new Error('--seed takes a whole number.');
  const started = performance.now();
  const done = await writeDemo(option(args, '--out') ?? DEFAULT_OUT, seed);
  process.stdout.write(
    `Wrote ${done.out}: ${done.sheets.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      `${done.skipped.length ? ` (not in the file: ${done.skipped.join('; ')})` : ''}\n`,
  );
}

if (require.main === module)
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`demo: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
