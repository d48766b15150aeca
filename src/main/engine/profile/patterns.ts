// Value patterns: the shape of a value with its letters and digits replaced by their class, in SQL
// (over a column) and in JavaScript (over one value), defined once so both always agree.
//
// The rule: every uppercase letter becomes `A`, every lowercase letter `a`, every decimal digit
// `9`; every other character (spaces, punctuation, symbols, letters without case such as CJK) is
// kept. Then each run of more than three `A`s or `a`s is shortened to three, so words of any
// length share a shape while digits keep their exact count: "Ann Lee" → `Aaa Aaa`,
// "Kowalski" → `Aaa`, "123-45-6789" → `999-99-9999`, "G1 3HJ" → `A9 9AA`.

/** Letter runs longer than this are shortened to it. */
export const MAX_LETTER_RUN = 3;

const LONG_RUN = new RegExp(`A{${MAX_LETTER_RUN + 1},}|a{${MAX_LETTER_RUN + 1},}`, 'g');

/** The pattern of a VARCHAR expression, as a DuckDB expression (NULL stays NULL). */
export function patternSql(expr: string): string {
  const classes = `regexp_replace(regexp_replace(regexp_replace(${expr}, '\\p{Lu}', 'A', 'g'), '\\p{Ll}', 'a', 'g'), '\\p{Nd}', '9', 'g')`;
  return `regexp_replace(${classes}, '(A{${MAX_LETTER_RUN}})A+|(a{${MAX_LETTER_RUN}})a+', '\\1\\2', 'g')`;
}

/** The same pattern in JavaScript (for one value, e.g. in tests or a policy preview). */
export function pattern(value: string): string {
  return value
    .replace(/\p{Lu}/gu, 'A')
    .replace(/\p{Ll}/gu, 'a')
    .replace(/\p{Nd}/gu, '9')
    .replace(LONG_RUN, (run) => run.slice(0, MAX_LETTER_RUN));
}
