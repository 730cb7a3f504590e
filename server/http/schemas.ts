/**
 * Shared JSON-schema fragments. Identifier-like fields are strict patterns (so injection text is
 * rejected before any SQL runs); free-text fields (names, comments, reasons) are length-limited and
 * stored verbatim through parameters, never spliced into SQL.
 */
export const costCentre = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$' } as const;
export const account = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$' } as const;
export const period = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' } as const;
export const uuid = { type: 'string', format: 'uuid' } as const;
export const name = { type: 'string', minLength: 1, maxLength: 120, pattern: '^[^\\u0000-\\u001f]+$' } as const;
// NUL cannot be stored in PostgreSQL text; every other character is kept as typed.
export const freeText = { type: 'string', maxLength: 2000, pattern: '^[^\\u0000]*$' } as const;
export const amount = { type: 'number', minimum: -1e15, maximum: 1e15 } as const;
export const fiscalYear = { type: 'integer', minimum: 1900, maximum: 2200 } as const;
export const version = { type: 'integer', minimum: 1 } as const;
export const isoTime = { type: 'string', format: 'date-time' } as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: uuid },
} as const;

export const errorBody = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
} as const;

/** Common error responses every API route documents. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;

export const looseObject = { type: 'object', additionalProperties: true } as const;
export const looseArray = { type: 'array', items: looseObject } as const;
