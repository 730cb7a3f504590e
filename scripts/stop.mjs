#!/usr/bin/env node
// `npm stop`: stops the development server started by `npm start` and, where Excel is installed,
// removes the sideloaded add-in through office-addin-debugging.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pidFile = path.join(root, '.openfpa', 'dev-server.pid');

if (process.platform === 'win32' || process.platform === 'darwin') {
  spawnSync(path.join(root, 'node_modules', '.bin', 'office-addin-debugging'), ['stop', 'manifest.xml'], {
    cwd: root,
    stdio: 'inherit',
  });
}
if (fs.existsSync(pidFile)) {
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
    console.log(`Stopped the development server (pid ${pid}).`);
  } catch {
    console.log('The development server was not running.');
  }
  fs.rmSync(pidFile);
} else {
  console.log('No development server started by "npm start" is recorded.');
}
