/**
 * A cell of a normalised grid, as every surface hands it to the core: a number, text, a boolean,
 * or `null` for a blank. Excel error values never reach this type: the reader that meets one
 * raises (custom functions) or reports it (task pane) first.
 */
export type Cell = number | string | boolean | null;
