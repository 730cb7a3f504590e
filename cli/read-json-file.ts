/**
 * Reads a command's input file: the JSON text of one top-level object (UTF-8, or UTF-16 with its
 * byte-order mark; a leading byte-order mark skipped; CRLF line ends are JSON whitespace). Every command reports an unreadable file, invalid
 * JSON and a non-object top level in the same words, with exit status 1.
 */
import fs from 'node:fs';

export class InputFileError extends Error {}

/** UTF-8, or UTF-16 when the file starts with its byte-order mark (Notepad's and PowerShell's "Unicode"). */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff && bytes.length % 2 === 0)
    return Buffer.from(bytes).swap16().toString('utf16le');
  return bytes.toString('utf8');
}

/**
 * @param file a path, or "-" for standard input
 * @throws InputFileError naming the file and what is wrong with it.
 */
export function readJsonObject(file: string): Record<string, unknown> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    throw new InputFileError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let text = decode(bytes);
  // A byte-order mark (Windows tools: Notepad, PowerShell, Excel's "UTF-8" saves) is not part of the JSON text.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
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
