/**
 * Budget template speed in Debian's Chromium: `npm run bench:templates` (tsx bench/templates.ts).
 * The pane's "New budget workbook" path (plan, diff preview, one batch of writes: all sheets,
 * formulas, roll-ups, names, charts) runs in a page against the in-memory workbook double, then a
 * re-run with 2 more cost centres (moves, kept amounts). Target: 40 cost centres × 20 accounts ×
 * 24 months in under 10 s. The page code is bundled with esbuild; times are performance.now in the
 * page, one run per case (the machine is shared; tests assert correctness, not time).
 */
import path from 'node:path';
import { build } from 'esbuild';
import { launchBrowser } from '../test/e2e/harness';
import type { TemplateTiming } from './templates/page-entry';
import { runMain } from './run-main';

const CASES: [number, number, number][] = [
  [5, 4, 24],
  [12, 4, 36],
  [40, 20, 24],
];

async function main(): Promise<number> {
  const bundle = await build({
    entryPoints: [path.join(__dirname, 'templates', 'page-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'error',
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>templates bench</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const version = browser.version();
    process.stdout.write(`Budget template on the workbook double, Chromium ${version}\n\n`);
    process.stdout.write(
      '| case (CC × accounts × months) | lines | writes | cells | preview ms | apply ms | total s | re-run +2 CC s | target s | ratio |\n',
    );
    process.stdout.write('|---|---|---|---|---|---|---|---|---|---|\n');
    for (const [cc, accounts, months] of CASES) {
      const t = await page.evaluate(
        ([a, b, c]) =>
          (
            globalThis as unknown as { benchTemplate: (a: number, b: number, c: number) => Promise<TemplateTiming> }
          ).benchTemplate(a, b, c),
        [cc, accounts, months] as const,
      );
      const total = (t.previewMs + t.applyMs) / 1000;
      const rerun = (t.rerunPreviewMs + t.rerunApplyMs) / 1000;
      process.stdout.write(
        `| ${cc} × ${accounts} × ${months} | ${t.lines} | ${t.writes} | ${t.cells} | ${t.previewMs.toFixed(0)} | ${t.applyMs.toFixed(0)} | ${total.toFixed(2)} | ${rerun.toFixed(2)} | 10 | ${(total / 10).toFixed(3)} |\n`,
      );
    }
  } finally {
    await browser.close();
  }
  return 0;
}

runMain('bench/templates', main);
