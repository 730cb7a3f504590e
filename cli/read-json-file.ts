/**
 * Reads a command's input file: the JSON text of one top-level object. Every command reports an
 * unreadable file, invalid JSON and a non-object top level in the same words, with exit status 1.
 */
import fs from 'node:fs';

export class InputFileError extends Error {}

/**
 * @param file a path, or "-" for standard input
 * @throws InputFileError naming the file and what is wrong with it.
 */
export function readJsonObject(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new InputFileError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputFileError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new InputFileError(`${file}: the top level must be an object`);
  return value as Record<string, unknown>;
}
