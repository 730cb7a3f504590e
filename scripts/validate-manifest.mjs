#!/usr/bin/env node
// Validates the add-in manifest OFFLINE, in two layers:
//  1. the project's own rules, which always run: https URLs, every resid resolves, icons exist at their
//     declared pixel sizes, namespace FPA, GUID id, version format, the shared-runtime requirement sets,
//     and every URL under the add-in's origin maps to a file we serve (source assets, or the build);
//  2. XSD validation with xmllint against ../shared/vendor/office-manifest-xsd/ when that folder (and
//     xmllint) is present; otherwise it says it skipped that layer.
// Microsoft's online validator runs only with --online (it needs the network).
//
// usage: node scripts/validate-manifest.mjs [manifest.xml] [--dist DIR] [--online]
// exit 0 = valid, 1 = problems found, 2 = bad command line.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const XSD_DIR = path.resolve(root, '..', 'shared', 'vendor', 'office-manifest-xsd');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const REQUIRED_SETS = { SharedRuntime: '1.1', CustomFunctionsRuntime: '1.1' };

function parseArgs(argv) {
  const options = { manifest: path.join(root, 'manifest.xml'), dist: null, online: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--online') options.online = true;
    else if (arg === '--dist') options.dist = path.resolve(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/validate-manifest.mjs [manifest.xml] [--dist DIR] [--online]');
      process.exit(0);
    } else if (arg.startsWith('--')) {
      console.error(`unknown option ${arg}`);
      process.exit(2);
    } else options.manifest = path.resolve(arg);
  }
  return options;
}

/** Width and height of a PNG file, read from its IHDR chunk. */
function pngSize(file) {
  const buffer = fs.readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (buffer.length < 24 || buffer.subarray(0, 8).toString('hex') !== signature) return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** Every element in the parsed tree, depth first, with its tag name. */
function* walk(node, tag = '') {
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item, tag);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  yield { tag, node };
  for (const [key, value] of Object.entries(node))
    if (!key.startsWith('@_') && key !== '#text') yield* walk(value, key);
}

const localName = (tag) => tag.replace(/^.*:/, '');

export function checkRules(xml, { sourceRoot, distRoot }) {
  const problems = [];
  const notes = [];
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false });
  let doc;
  try {
    doc = parser.parse(xml, true);
  } catch (error) {
    return { problems: [`not well-formed XML: ${error.message}`], notes };
  }
  const app = doc.OfficeApp;
  if (!app) return { problems: ['the root element must be OfficeApp'], notes };

  if (!GUID.test(String(app.Id ?? ''))) problems.push(`Id "${app.Id}" is not a GUID`);
  if (!VERSION.test(String(app.Version ?? ''))) problems.push(`Version "${app.Version}" must be n.n.n.n`);

  const elements = [...walk(doc)];
  const attr = (node, name) => node[`@_${name}`];

  // Requirement sets of a shared-runtime custom-functions add-in.
  const sets = elements.filter((e) => localName(e.tag) === 'Set').map((e) => e.node);
  for (const [name, version] of Object.entries(REQUIRED_SETS)) {
    const set = sets.find((s) => attr(s, 'Name') === name);
    if (!set) problems.push(`Requirements must include the ${name} set`);
    else if (attr(set, 'MinVersion') && Number(attr(set, 'MinVersion')) < Number(version))
      problems.push(`${name} MinVersion must be at least ${version}`);
  }

  // Resource ids and their values.
  const resources = new Map();
  for (const { tag, node } of elements) {
    const name = localName(tag);
    if (['Image', 'Url', 'String'].includes(name) && attr(node, 'id') !== undefined) {
      if (resources.has(attr(node, 'id'))) problems.push(`resource id "${attr(node, 'id')}" is defined twice`);
      resources.set(attr(node, 'id'), { kind: name, value: attr(node, 'DefaultValue'), size: null });
    }
  }
  for (const { tag, node } of elements) {
    const resid = attr(node, 'resid');
    if (resid === undefined) continue;
    if (!resources.has(resid))
      problems.push(`<${localName(tag)}> refers to resid "${resid}", which no resource defines`);
    if (localName(tag) === 'Image' && attr(node, 'size')) {
      const resource = resources.get(resid);
      if (resource) resource.size = Number(attr(node, 'size'));
    }
  }

  // Runtimes: one long-lived shared runtime, which the functions page and task pane both use.
  const runtimes = elements.filter((e) => localName(e.tag) === 'Runtime').map((e) => e.node);
  if (runtimes.length !== 1) problems.push(`expected exactly one <Runtime>, found ${runtimes.length}`);
  else if (attr(runtimes[0], 'lifetime') !== 'long') problems.push('the shared <Runtime> must have lifetime="long"');

  // Namespace FPA.
  const namespaceRef = elements.find((e) => localName(e.tag) === 'Namespace');
  const namespace = namespaceRef && resources.get(attr(namespaceRef.node, 'resid'));
  if (!namespace || namespace.value !== 'FPA') problems.push('the CustomFunctions Namespace must resolve to "FPA"');

  // URLs: https, and those under our origin must map to a file.
  const urls = [];
  for (const { tag, node } of elements) {
    const name = localName(tag);
    const value = attr(node, 'DefaultValue') ?? (name === 'AppDomain' ? (node['#text'] ?? node) : undefined);
    if (typeof value === 'string' && /^[a-z]+:\/\//i.test(value)) urls.push({ where: name, url: value, node });
  }
  if (typeof app.AppDomains?.AppDomain === 'string') urls.push({ where: 'AppDomain', url: app.AppDomains.AppDomain });
  const origins = new Set();
  for (const { where, url } of urls) {
    if (!url.startsWith('https://')) problems.push(`${where} URL ${url} must use https`);
    try {
      origins.add(new URL(url).origin);
    } catch {
      problems.push(`${where} URL ${url} is not a valid URL`);
    }
  }
  const appDomains = [app.AppDomains?.AppDomain].flat().filter(Boolean).map(String);
  for (const origin of origins)
    if (!appDomains.some((d) => d.startsWith(origin)))
      problems.push(`origin ${origin} is used but not listed in AppDomains`);
  if (!app.SupportUrl) problems.push('SupportUrl is missing');

  const fileFor = (url) => {
    const pathname = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
    const candidates = [];
    if (pathname.startsWith('assets/')) candidates.push(path.join(sourceRoot, pathname));
    if (pathname.startsWith('help/')) candidates.push(path.join(sourceRoot, 'assets', pathname));
    if (distRoot) candidates.push(path.join(distRoot, pathname));
    return {
      pathname,
      found: candidates.find((c) => fs.existsSync(c)),
      built: !pathname.startsWith('assets/') && !pathname.startsWith('help/'),
    };
  };
  const builtMissing = [];
  for (const { url } of urls) {
    if (!url.startsWith('https://') || new URL(url).pathname === '/') continue;
    const { pathname, found, built } = fileFor(url);
    if (found) continue;
    if (built && !distRoot) builtMissing.push(pathname);
    else problems.push(`${url} does not map to a file (${pathname})`);
  }
  if (builtMissing.length)
    notes.push(
      `built files not checked (no --dist given; after "npm run build", pass --dist dist): ${[...new Set(builtMissing)].join(', ')}`,
    );

  // Icons exist at their declared pixel sizes.
  const iconChecks = [...resources.entries()].filter(([, r]) => r.kind === 'Image');
  for (const [id, resource] of iconChecks) {
    const { found } = fileFor(resource.value);
    if (!found) continue;
    const size = pngSize(found);
    if (!size) problems.push(`image ${id} (${resource.value}) is not a PNG`);
    else if (resource.size && (size.width !== resource.size || size.height !== resource.size)) {
      problems.push(
        `image ${id} is declared ${resource.size}px but ${path.basename(found)} is ${size.width}×${size.height}`,
      );
    }
  }
  for (const [label, node, expected] of [
    ['IconUrl', app.IconUrl, 32],
    ['HighResolutionIconUrl', app.HighResolutionIconUrl, 64],
  ]) {
    const url = node && attr(node, 'DefaultValue');
    if (!url) {
      problems.push(`${label} is missing`);
      continue;
    }
    const { found } = fileFor(url);
    const size = found && pngSize(found);
    if (size && (size.width !== expected || size.height !== expected))
      problems.push(
        `${label} must be ${expected}×${expected}px; ${path.basename(found)} is ${size.width}×${size.height}`,
      );
  }
  return { problems, notes };
}

function checkXsd(manifestFile) {
  if (!fs.existsSync(path.join(XSD_DIR, 'OfficeAppManifestV1_1.xsd'))) {
    return { skipped: `XSD layer skipped: ${XSD_DIR} is absent (it is present beside the repository in CI)` };
  }
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) return { skipped: 'XSD layer skipped: xmllint is not installed (apt-get install libxml2-utils)' };
  const run = spawnSync(
    'xmllint',
    ['--noout', '--schema', path.join(XSD_DIR, 'OfficeAppManifestV1_1.xsd'), manifestFile],
    { encoding: 'utf8' },
  );
  return run.status === 0 ? { ok: true } : { problems: (run.stderr || run.stdout).trim().split('\n') };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(options.manifest)) {
    console.error(`manifest not found: ${options.manifest}`);
    process.exit(1);
  }
  const distRoot =
    options.dist ??
    (path.dirname(options.manifest) !== root &&
    fs.existsSync(path.join(path.dirname(options.manifest), 'taskpane.html'))
      ? path.dirname(options.manifest)
      : null);
  const rel = path.relative(process.cwd(), options.manifest) || options.manifest;
  const rules = checkRules(fs.readFileSync(options.manifest, 'utf8'), { sourceRoot: root, distRoot });
  const xsd = checkXsd(options.manifest);
  const problems = [...new Set([...rules.problems, ...(xsd.problems ?? []).map((p) => `XSD: ${p}`)])];
  console.log(`Validating ${rel}`);
  console.log(`  project rules: ${rules.problems.length === 0 ? 'pass' : `${rules.problems.length} problem(s)`}`);
  for (const note of rules.notes) console.log(`  note: ${note}`);
  console.log(`  XSD (${path.relative(root, XSD_DIR)}): ${xsd.skipped ?? (xsd.ok ? 'pass' : 'fail')}`);
  if (options.online) {
    const online = spawnSync('npx', ['--no-install', 'office-addin-manifest', 'validate', options.manifest], {
      stdio: 'inherit',
    });
    console.log(`  Microsoft online validation: ${online.status === 0 ? 'pass' : 'fail or unavailable'}`);
  }
  if (problems.length) {
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    process.exit(1);
  }
  console.log('Manifest is valid.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
