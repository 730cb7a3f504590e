/**
 * The CLI's version: the package's, fixed in the bundle at build time (scripts/build-cli.cjs),
 * read from package.json when running from the TypeScript sources.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Set by the bundler to package.json's version. */
declare const OPENFPA_VERSION: string | undefined;

export function cliVersion(): string {
  if (typeof OPENFPA_VERSION === 'string') return OPENFPA_VERSION;
  const file = path.join(__dirname, '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
