/**
 * functions.json is generated from the JSDoc of the functions modules at build time. This checks the
 * same generation here: every declared function is exported (so the build's associate call binds a
 * real function), every exported function is declared (nothing registered without metadata), every
 * parameter is described, ids are namespaced-style uppercase with dots, and help pages exist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { FUNCTION_MODULES } from '../../functions/modules.json';

const root = path.resolve(__dirname, '..', '..');

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; optional?: boolean }[];
}

let metadata: { functions: FunctionMetadata[] };
let associations: { id: string; functionName: string; sourceFileName: string }[];

beforeAll(async () => {
  const inputs = FUNCTION_MODULES.map((m) => path.resolve(root, m));
  const result = await generateCustomFunctionsMetadata(inputs, false);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] };
  associations = result.associate as typeof associations;
}, 60_000);

it('declares at least the foundation function', () => {
  expect(metadata.functions.map((f) => f.id)).toContain('FORECAST.ROLLING');
});

it('uses uppercase dotted ids equal to the names', () => {
  for (const f of metadata.functions) {
    expect(f.id).toMatch(/^[A-Z][A-Z0-9]*(\.[A-Z][A-Z0-9]*)+$/);
    expect(f.name).toBe(f.id);
  }
  expect(new Set(metadata.functions.map((f) => f.id)).size).toBe(metadata.functions.length);
});

it('describes every function and every parameter', () => {
  for (const f of metadata.functions) {
    expect(`${f.id}: ${f.description ?? ''}`.length).toBeGreaterThan(f.id.length + 12);
    for (const p of f.parameters)
      expect(`${f.id}(${p.name}): ${p.description ?? ''}`.trim().length).toBeGreaterThan(
        `${f.id}(${p.name}): `.length + 5,
      );
  }
});

it('binds every declared function to an exported function, and declares every exported function', async () => {
  for (const modulePath of FUNCTION_MODULES) {
    const absolute = path.resolve(root, modulePath);
    const exported = Object.entries(jest.requireActual<Record<string, unknown>>(absolute))
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k);
    const declared = associations.filter((a) => path.resolve(a.sourceFileName) === absolute).map((a) => a.functionName);
    expect(declared.sort()).toEqual(exported.sort());
  }
  expect(associations.map((a) => a.id).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
});

it('links every function to a help page that exists', () => {
  for (const f of metadata.functions) {
    expect(f.helpUrl).toMatch(/^https:\/\/localhost:3000\/help\/[a-z0-9-]+\.html$/);
    const page = path.join(root, 'assets', 'help', path.basename(new URL(f.helpUrl as string).pathname));
    expect(fs.existsSync(page)).toBe(true);
  }
});
