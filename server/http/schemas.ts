/**
 * Shared JSON-schema fragments. Identifier-like fields are strict patterns (so injection text is
 * rejected before any SQL runs); free-text fields (names, comments, reasons) are length-limited and
 * stored verbatim through parameters, never spliced into SQL. The rules and limits are the model's
 * (src/model/names.ts, limits.ts); these only put them in JSON-schema form.
 */
import {
  ACCOUNT_PATTERN,
  COST_CENTRE_PATTERN,
  FLAG_ID_PATTERN,
  MAX_AMOUNT,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_FREE_TEXT_LENGTH,
  NAME_PATTERN,
  PERIOD_PATTERN,
  PROPOSAL_STATES,
  REVIEW_DECISIONS,
  VERSION_KINDS,
} from '../../src/model';

export const costCentre = { type: 'string', pattern: COST_CENTRE_PATTERN } as const;
export const account = { type: 'string', pattern: ACCOUNT_PATTERN } as const;
export const period = { type: 'string', pattern: PERIOD_PATTERN } as const;
export const uuid = { type: 'string', format: 'uuid' } as const;
/**
 * Characters a display name may not hold: control characters, and invisible ones that make two names
 * look alike or show a name other than it is (the zero-width space, bidirectional embeddings,
 * overrides and isolates, the word joiner and invisible operators, the byte order mark). Kept: the
 * zero-width (non-)joiner and the left-to-right and right-to-left marks, which Persian, Indic and
 * Hebrew or Arabic text needs.
 */
const HIDDEN = '\\u0000-\\u001f\\u007f\\u200b\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
/**
 * No white space before or after a name: "Leads" and "Leads " (or "Leads" and a no-break space) are
 * two KPIs, two versions, that look as one.
 */
const UNPADDED = '(?!\\s)(?!.*\\s$)';
/**
 * A display name: none of those characters, not padded, and one name as it looks (format
 * `display-name`, registered in app.ts): in Unicode's composed form (NFC: "Café" typed as e and a
 * combining accent is another name than "Café" with é, and looks the same) and not mixing the
 * look-alike scripts (see `displayName`).
 */
export const name = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_DISPLAY_NAME_LENGTH,
  pattern: `^${UNPADDED}[^${HIDDEN}]+$`,
  format: 'display-name',
} as const;
/** A short label that may be empty (a KPI's unit): the same characters as a name. */
export const label = {
  type: 'string',
  maxLength: MAX_DISPLAY_NAME_LENGTH,
  pattern: `^${UNPADDED}[^${HIDDEN}]*$`,
  format: 'display-name',
} as const;

/**
 * Scripts whose letters look alike: "Leads" with a Cyrillic е (U+0435) or a Greek ο is another name
 * than "Leads" and looks the same (UTS #39's mixed-script confusables). Each word (a run of letters)
 * takes its letters from one of them: a word mixing them is the spoof, while words of different
 * scripts side by side are how finance writes ("Δ Revenue", a bilingual "Выручка Sales"). Other
 * scripts (CJK, Arabic, …), digits and punctuation go with any.
 */
const LOOK_ALIKE_SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];
const LATIN = /\p{Script=Latin}/u;
const WORD = /[\p{L}\p{M}]+/gu;
const LETTER = /\p{L}/gu;
/**
 * Cyrillic and Greek letters with a Latin look-alike (UTS #39 confusables.txt, the ones that read as
 * a Latin letter in common fonts): a word made of these only reads as a Latin word ("ТАХ" in Cyrillic
 * is "TAX"), a whole-script confusable. Beside Latin words it is the spoof ("ТАХ Rate" and "TAX
 * Rate"); a word with any other letter ("Выручка", "Δ", "Σ") cannot pass for Latin.
 */
const LOOKS_LATIN = new Set([...'АВЕКМНОРСТХЅІЈԀҺԚԜҮӀ', ...'аеорсухѕіјԁһԛԝӏ', ...'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', ...'οναιρυγ']);
const readsAsLatin = (word: string): boolean => {
  const letters = word.match(LETTER) ?? [];
  return letters.length > 0 && letters.every((letter) => LOOKS_LATIN.has(letter));
};
/**
 * The `display-name` format, the one check of how a name looks: text in Unicode's composed normal
 * form (NFC), as keyboards type it, none of whose words mixes letters of Latin, Cyrillic and Greek,
 * and, when a word is Latin, none that is Cyrillic or Greek made only of Latin look-alikes.
 */
export const displayName = (text: string): boolean => {
  if (text !== text.normalize('NFC')) return false;
  const words = text.match(WORD) ?? [];
  if (!words.every((word) => LOOK_ALIKE_SCRIPTS.filter((script) => script.test(word)).length <= 1)) return false;
  return !words.some((word) => LATIN.test(word)) || !words.some((word) => !LATIN.test(word) && readsAsLatin(word));
};
/** What a name that fails `displayName` is told (the validator's own message names only the format). */
export const DISPLAY_NAME_RULE =
  'a name is typed in composed form (NFC), each of its words takes its letters from one of Latin, Cyrillic ' +
  'and Greek, not several (a Cyrillic е in "Leads" looks like the Latin e), and beside Latin words no word is ' +
  'Cyrillic or Greek letters that all look Latin (a Cyrillic "ТАХ" reads as "TAX")';
// NUL cannot be stored in PostgreSQL text; every other character is kept as typed.
export const freeText = { type: 'string', maxLength: MAX_FREE_TEXT_LENGTH, pattern: '^[^\\u0000]*$' } as const;
export const amount = { type: 'number', minimum: -MAX_AMOUNT, maximum: MAX_AMOUNT } as const;
/** A flag's severity, 0..1 (src/model/flag.ts). */
export const severity = { type: 'number', minimum: 0, maximum: 1 } as const;
/** A moved amount: positive. */
export const positiveAmount = { type: 'number', exclusiveMinimum: 0, maximum: MAX_AMOUNT } as const;
export const fiscalYear = { type: 'integer', minimum: 1900, maximum: 2200 } as const;
export const version = { type: 'integer', minimum: 1 } as const;
/** A driver or output name (the model's name rule). */
export const driverName = { type: 'string', pattern: NAME_PATTERN } as const;
export const flagId = { type: 'string', pattern: FLAG_ID_PATTERN } as const;
export const proposalState = { type: 'string', enum: PROPOSAL_STATES } as const;
export const reviewDecision = { type: 'string', enum: REVIEW_DECISIONS } as const;
export const versionKind = { type: 'string', enum: VERSION_KINDS } as const;
/** An RFC 3339 time from year 1000 on (PostgreSQL refuses year 0; earlier years are typing errors). */
export const isoTime = { type: 'string', format: 'date-time', pattern: '^[1-9][0-9]{3}-' } as const;

/** A list's query: the cost centre (required) and optional filters. */
export const costCentreQuery = (filters: Record<string, object> = {}) =>
  ({
    type: 'object',
    required: ['costCentre'],
    additionalProperties: false,
    properties: { costCentre, ...filters },
  }) as const;

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
