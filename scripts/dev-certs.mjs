#!/usr/bin/env node
// The development certificate for https://localhost (used by `npm start`), made with
// office-addin-dev-certs and trusted so Excel and the browser accept it.
//
// office-addin-dev-certs installs its CA with `sudo …`, which fails when run as root (no sudo in a
// container) and on Linux trusts it for curl/OpenSSL only. Here:
//   • Windows and macOS: office-addin-dev-certs installs it (it asks for permission);
//   • Linux as root: the CA is copied to the system store and update-ca-certificates (Debian,
//     Ubuntu) or update-ca-trust (Fedora, Arch) is run directly;
//   • Linux as a user, or whenever installing fails: the exact commands to run are printed, for the
//     system store and for Chrome/Chromium/Firefox's own store (NSS, certutil).
// `node scripts/dev-certs.mjs --dry-run` prints what it would do without doing it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ca = path.join(os.homedir(), '.office-addin-dev-certs', 'ca.crt');

/** The commands that trust the CA on this OS, as a user would type them. */
export function trustInstructions(platform = process.platform, caPath = ca) {
  if (platform === 'win32')
    return [
      `certutil -addstore -user Root "${caPath}"`,
      '(or double-click ca.crt > Install Certificate > Current User > Trusted Root Certification Authorities)',
    ];
  if (platform === 'darwin')
    return [`sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain "${caPath}"`];
  return [
    '# Debian/Ubuntu (system store: curl, Node with --use-openssl-ca, Excel on the web through the OS):',
    `sudo mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs && sudo cp "${caPath}" /usr/local/share/ca-certificates/office-addin-dev-certs/ && sudo update-ca-certificates`,
    '# Fedora/Arch:',
    `sudo cp "${caPath}" /etc/pki/ca-trust/source/anchors/office-addin-dev-certs-ca.crt && sudo update-ca-trust`,
    '# Chrome/Chromium/Edge and Firefox keep their own store (package libnss3-tools / nss-tools); the folder is',
    "# made by the browser's first start, so make it where the browser has not run yet:",
    `mkdir -p "$HOME/.pki/nssdb" && certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "office-addin-dev-certs" -i "${caPath}"`,
  ];
}

/** Trusts the CA in the Linux system store when running as root; true when done. */
function trustAsRootOnLinux(caPath, dryRun) {
  const steps = fs.existsSync('/usr/sbin/update-ca-certificates')
    ? [
        ['mkdir', ['-p', '/usr/local/share/ca-certificates/office-addin-dev-certs']],
        ['cp', [caPath, '/usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt']],
        ['/usr/sbin/update-ca-certificates', []],
      ]
    : fs.existsSync('/usr/sbin/update-ca-trust')
      ? [
          ['cp', [caPath, '/etc/pki/ca-trust/source/anchors/office-addin-dev-certs-ca.crt']],
          ['/usr/sbin/update-ca-trust', []],
        ]
      : null;
  if (!steps) return false;
  for (const [command, args] of steps) {
    console.log(`${dryRun ? 'would run' : 'running'}: ${[command, ...args].join(' ')}`);
    if (!dryRun && spawnSync(command, args, { stdio: 'inherit' }).status !== 0) return false;
  }
  return true;
}

function explain(reason) {
  console.warn(`The development certificate is not trusted yet (${reason}).`);
  console.warn('The page is still served over https. To trust it, run:');
  for (const line of trustInstructions()) console.warn(`  ${line}`);
  console.warn('then restart Excel or the browser.');
}

/** Makes the certificate if needed and trusts it where it can; says exactly what to do where it cannot. */
export async function ensureDevCertificates({ dryRun = false } = {}) {
  const devCerts = await import('office-addin-dev-certs');
  const api = devCerts.default ?? devCerts;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform !== 'linux') {
    if (dryRun) {
      console.log('would run office-addin-dev-certs ensureCertificatesAreInstalled()');
      return true;
    }
    try {
      await api.ensureCertificatesAreInstalled();
      return true;
    } catch (error) {
      explain(error.message);
      return false;
    }
  }
  // Linux: make the files (no sudo involved), then trust them ourselves or say how.
  if (!api.verifyCertificates() || !fs.existsSync(ca)) {
    if (dryRun) console.log(`would generate the certificate in ${path.dirname(ca)}`);
    else await api.generateCertificates();
  }
  if (isRoot && trustAsRootOnLinux(ca, dryRun)) {
    console.log(
      `The development CA ${dryRun ? 'would be' : 'is'} trusted by the system store. For Chrome/Chromium/Firefox also run:`,
    );
    console.log(`  ${trustInstructions('linux').at(-1)}`);
    return true;
  }
  explain(isRoot ? 'no update-ca-certificates or update-ca-trust found' : 'installing it needs root');
  return false;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureDevCertificates({ dryRun: process.argv.includes('--dry-run') });
}
