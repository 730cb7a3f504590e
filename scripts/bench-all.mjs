#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ one after another; each prints its own markdown table.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benches = fs.existsSync(path.join(root, 'bench'))
  ? fs
      .readdirSync(path.join(root, 'bench'))
      .filter((f) => f.endsWith('.ts'))
      .sort()
  : [];
let failed = 0;
for (const file of benches) {
  console.log(`\n## bench/${file}\n`);
  const run = spawnSync(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join('bench', file), ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit' },
  );
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
