/**
 * The naming rules of the domain, decided once: the scenario engine, the driver table, the pane's
 * driver form and the server's request schemas all check names with these. Each rule is given as a
 * pattern source (for JSON schemas and tokenizers) and as a test.
 *
 * Driver and output names: a letter or "_", then letters, digits, "_" or "."; at most 64
 * characters; compared without regard to case ("Price" and "price" are one name). The dot is allowed
 * because the expression language reads it as part of a name (`price.eu * units.eu`) and models
 * saved in the pane use it; a name stops at 64 characters so it fits a column header and a key.
 */

/** Longest driver or output name, in characters. */
export const NAME_MAX_LENGTH = 64;

/** The characters of a name, unanchored and unbounded: what the expression tokenizer reads as one name. */
export const NAME_TOKEN_SOURCE = '[A-Za-z_][A-Za-z0-9_.]*';

/** A whole driver or output name (JSON-schema `pattern`). */
export const NAME_PATTERN = `^[A-Za-z_][A-Za-z0-9_.]{0,${NAME_MAX_LENGTH - 1}}$`;

/** A cost centre code: a letter or digit, then letters, digits, "_" or "-"; at most 32 characters. */
export const COST_CENTRE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$';

/** An account code: a letter or digit, then letters, digits, ".", "_", "/" or "-"; at most 64 characters. */
export const ACCOUNT_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$';

/**
 * A calendar month as the backend stores periods: YYYY-MM, of a year an Excel date can hold (1900 to
 * 9999): a budget, actual or proposal of `0000-01` or `1899-12` is in no workbook.
 */
export const PERIOD_PATTERN = '^(19[0-9]{2}|[2-9][0-9]{3})-(0[1-9]|1[0-2])$';

/** The period rule in words, for messages. */
export const PERIOD_RULE_TEXT = 'a month written YYYY-MM, from 1900-01 to 9999-12 (the months an Excel date can hold)';

/** An ISO 4217 currency code. */
export const CURRENCY_PATTERN = '^[A-Z]{3}$';

/** The id of a flag (see `flagId`): letters, digits and _ . : - @; at most 128 characters. */
export const FLAG_ID_PATTERN = '^[A-Za-z0-9_.:@-]{1,128}$';

/**
 * The id of a remembered adjustment (see `recordAdjustment`: `adj:<line>@<period>:<n>`), with the
 * characters of a flag id; at most 160 characters.
 */
export const ADJUSTMENT_ID_PATTERN = '^[A-Za-z0-9_.:@-]{1,160}$';

/** The name rule in words, for messages and hints. */
export const NAME_RULE_TEXT = `a letter or _, then letters, digits, _ or . (at most ${NAME_MAX_LENGTH} characters)`;

const NAME = new RegExp(NAME_PATTERN);
const COST_CENTRE = new RegExp(COST_CENTRE_PATTERN);
const ACCOUNT = new RegExp(ACCOUNT_PATTERN);
const PERIOD = new RegExp(PERIOD_PATTERN);
const CURRENCY = new RegExp(CURRENCY_PATTERN);

/** @example isName('price.eu') // true */
export const isName = (text: string): boolean => NAME.test(text);
/** @example isCostCentre('CC-10') // true */
export const isCostCentre = (text: string): boolean => COST_CENTRE.test(text);
/** @example isAccount('6100/travel') // true */
export const isAccount = (text: string): boolean => ACCOUNT.test(text);
/** @example isPeriod('2025-13') // false; isPeriod('1899-12') // false */
export const isPeriod = (text: string): boolean => PERIOD.test(text);
/** @example isCurrency('EUR') // true */
export const isCurrency = (text: string): boolean => CURRENCY.test(text);

/** The key two names share when they are the same name (names ignore case). @example nameKey('Price') // "price" */
export const nameKey = (name: string): string => name.toLowerCase();
