/**
 * The local store's error catalogue. Codes start with `STORE_`. The pane shows the message next to
 * the import button or in the storage banner.
 */
import { defineError } from '../errors';

export const StoreErrors = {
  /** IndexedDB is missing, refused to open, or did not answer in time. */
  unavailable: defineError('STORE_UNAVAILABLE', 'missing', (reason: string) => ({
    message: `The local store (IndexedDB) is not available: ${reason}`,
    hint: 'Your models are kept in the workbook instead; save the workbook to keep them.',
  })),
  /** An import file that does not match the export format; nothing was changed. */
  badImport: defineError('STORE_BAD_IMPORT', 'input', (path: string, message: string) => ({
    message: `Import rejected at ${path}: ${message}`,
    hint: 'Nothing was changed. Choose a file exported by OpenFPA.',
    details: { field: path },
  })),
  /** An export made by a newer version of the add-in. */
  tooNew: defineError('STORE_TOO_NEW', 'input', (version: number, supported: number) => ({
    message: `The file was written by a newer OpenFPA (store version ${version}; this one reads up to ${supported}).`,
    hint: 'Update the add-in, then import again.',
    details: { field: 'version' },
  })),
  /** A record that a write was asked to store is not valid. */
  badRecord: defineError('STORE_BAD_RECORD', 'input', (path: string, message: string) => ({
    message: `${path}: ${message}`,
    hint: 'Fix the record and save again.',
    details: { field: path },
  })),
};
