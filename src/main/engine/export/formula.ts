// Formula-injection escaping for CSV and XLSX cells: the one rule, in JavaScript and in SQL.
//
// A spreadsheet runs a cell as a formula when its text starts with `=`, `+`, `-` or `@`, and some
// also strip a leading tab or carriage return first (OWASP "CSV injection"). Such a cell gets a
// leading apostrophe, which spreadsheets read as "this is text" — except a plain number such as
// `-5`, `+3.2`, `-.5` or `-1e5` (optional sign, digits, optional decimal part, optional exponent,
// nothing else: no spaces, no thousands separators), which a spreadsheet reads as a number and
// never runs, so it is left as it is. Everything else is left as it is too. The escape applies to
// every text cell, the header row included; typed numbers and booleans are never escaped.

/** First characters that make a spreadsheet run a cell as a formula. */
export const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'] as const;

const PLAIN_NUMBER = /^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$/;
/** The same pattern for DuckDB's RE2 (full match). */
const PLAIN_NUMBER_RE2 = '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?';

export function needsFormulaEscape(text: string): boolean {
  return text.length > 0 && (FORMULA_STARTS as readonly string[]).includes(text[0]!) && !PLAIN_NUMBER.test(text);
}

export function escapeFormula(text: string): string {
  return needsFormulaEscape(text) ? `'${text}` : text;
}

/** Code points of FORMULA_STARTS: `ascii()` is the cheapest first-character test in DuckDB. */
const START_CODES = FORMULA_STARTS.map((c) => c.codePointAt(0)).join(', ');

/** SQL for a VARCHAR expression with the rule applied (the expression is evaluated up to three times). */
export function escapeFormulaSql(expr: string): string {
  return `CASE WHEN ascii(${expr}) IN (${START_CODES}) AND NOT regexp_full_match(${expr}, '${PLAIN_NUMBER_RE2}') THEN '''' || ${expr} ELSE ${expr} END`;
}
