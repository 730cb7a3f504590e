/**
 * `npm run validate` must pass offline on the committed manifest, and its rules must catch the
 * mistakes they exist for.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const validator = path.join(root, 'scripts', 'validate-manifest.mjs');

function validate(file: string) {
  return spawnSync(process.execPath, [validator, file], {
    encoding: 'utf8',
    env: { ...process.env, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' },
  });
}

function broken(edit: (xml: string) => string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-')), 'manifest.xml');
  fs.writeFileSync(file, edit(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8')));
  return file;
}

it('passes offline on the committed manifest, XSD layer included when ../shared is present', () => {
  const run = validate(path.join(root, 'manifest.xml'));
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/project rules: pass/);
  const xsdPresent = fs.existsSync(path.join(root, '..', 'shared', 'vendor', 'office-manifest-xsd'));
  expect(run.stdout).toMatch(xsdPresent ? /XSD .*: pass/ : /XSD layer skipped/);
  // Without --dist the built files are not looked for, whether dist/ exists or not (it said "no build yet"
  // right after a build).
  expect(run.stdout).toMatch(/built files not checked \(no --dist given; after "npm run build", pass --dist dist\)/);
});

it.each([
  [
    'a http URL',
    (x: string) => x.replace('<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://'),
    /must use https/,
  ],
  ['an unresolved resid', (x: string) => x.replace('resid="Group.Label"', 'resid="Group.Nope"'), /resid "Group.Nope"/],
  [
    'an icon of the wrong size',
    (x: string) => x.replace('assets/icon-80.png', 'assets/icon-64.png'),
    /declared 80px but icon-64.png is 64×64/,
  ],
  [
    'a missing icon',
    (x: string) => x.replace('assets/icon-16.png', 'assets/icon-17.png'),
    /icon-17.png does not map to a file/,
  ],
  [
    'another namespace',
    (x: string) =>
      x.replace('id="Functions.Namespace" DefaultValue="FPA"', 'id="Functions.Namespace" DefaultValue="XYZ"'),
    /Namespace must resolve to "FPA"/,
  ],
  ['a non-GUID id', (x: string) => x.replace(/<Id>[^<]+<\/Id>/, '<Id>not-a-guid</Id>'), /is not a GUID/],
  ['a bad version', (x: string) => x.replace('<Version>0.1.0.0</Version>', '<Version>1.2.3.4.5</Version>'), /Version/],
  [
    'no SharedRuntime set',
    (x: string) => x.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ''),
    /SharedRuntime/,
  ],
  ['a short-lived runtime', (x: string) => x.replace('lifetime="long"', 'lifetime="short"'), /lifetime="long"/],
])('rejects %s', (_label, edit, message) => {
  const run = validate(broken(edit));
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(message);
});
