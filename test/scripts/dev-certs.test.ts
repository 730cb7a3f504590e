/**
 * `node scripts/dev-certs.mjs --dry-run` on a machine where no certificate was made yet (a fresh HOME):
 * it says what it would do and, for the browsers' own store, a line that works where Chromium never
 * ran (certutil needs the ~/.pki/nssdb folder, which the browser's first start makes).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

it('a dry run on a fresh machine names the certificate to make and a certutil line that makes its folder', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-certs-home-'));
  try {
    const run = spawnSync(process.execPath, ['scripts/dev-certs.mjs', '--dry-run'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, HOME: home, USERPROFILE: home },
    });
    expect(run.status).toBe(0);
    const said = run.stdout + run.stderr;
    if (process.platform === 'linux') {
      expect(said).toContain(`would generate the certificate in ${path.join(home, '.office-addin-dev-certs')}`);
      expect(said).toMatch(/mkdir -p "\$HOME\/\.pki\/nssdb" && certutil -d sql:\$HOME\/\.pki\/nssdb -A /);
    }
    expect(fs.existsSync(path.join(home, '.office-addin-dev-certs'))).toBe(false); // nothing made
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});
