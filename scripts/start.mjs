#!/usr/bin/env node
// `npm start`: build for development, serve over https on localhost:3000 with office-addin-dev-certs,
// and sideload into desktop Excel through office-addin-debugging where Excel is installed. Where it is
// not (Linux, a CI box), it still serves and prints how to sideload, including on Excel on the web.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDevCertificates } from './dev-certs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT || 3000);
const stateDir = path.join(root, '.openfpa');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (!fs.existsSync(bin('webpack'))) {
  console.log('Installing dependencies (npm ci)…');
  const install = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

function excelIsInstalled() {
  if (process.platform === 'win32') return true;
  if (process.platform === 'darwin') return fs.existsSync('/Applications/Microsoft Excel.app');
  return false;
}

await ensureDevCertificates();
fs.mkdirSync(stateDir, { recursive: true });
const server = spawn(bin('webpack'), ['serve', '--mode', 'development', '--port', String(port)], {
  cwd: root,
  stdio: 'inherit',
});
fs.writeFileSync(path.join(stateDir, 'dev-server.pid'), String(server.pid));
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));

if (excelIsInstalled() && !process.env.OPENFPA_NO_SIDELOAD) {
  spawn(
    bin('office-addin-debugging'),
    ['start', 'manifest.xml', 'desktop', '--app', 'excel', '--no-debug', '--dev-server-port', String(port)],
    { cwd: root, stdio: 'inherit' },
  );
} else {
  console.log(`
OpenFPA is being served at https://localhost:${port}/taskpane.html
Excel desktop was not found on this machine, so nothing was sideloaded. To try the add-in:
  • Excel on the web: open a workbook, Home > Add-ins > More Add-ins > My Add-ins >
    Upload My Add-in, and choose ${path.join(root, 'manifest.xml')}
  • Excel on Windows or Mac: run "npm start" there, or see README.md, "Sideloading for development".
Stop the server with Ctrl+C or "npm stop".`);
}
