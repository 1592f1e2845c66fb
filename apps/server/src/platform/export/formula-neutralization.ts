/**
 * Text a spreadsheet would run as a formula (security B4, OWASP "CSV injection"): a cell starting
 * with `= + - @`, a tab or a carriage return — also after leading spaces or as the full-width
 * `＝ ＋ － ＠` that Chinese input methods type, which Excel and WPS treat alike.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * Every character FORMULA_START can begin with: `\t \r`, the formula signs, and whatever `\s`
 * matches. Text starting with anything else (almost every cell: letters, digits, Chinese) cannot
 * match, so an export tests one character code instead of running the expression on every cell.
 */
const POSSIBLE_START = new Set(
  [...'\t\n\v\f\r =+-@\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff\uff1d\uff0b\uff0d\uff20'].map((c) =>
    c.charCodeAt(0),
  ),
);
const mayStartFormula = (code: number) => POSSIBLE_START.has(code) || (code >= 0x2000 && code <= 0x200a);

/** True when a spreadsheet could read the text as a formula. */
export const isFormulaLike = (text: string): boolean =>
  text.length > 0 && mayStartFormula(text.charCodeAt(0)) && FORMULA_START.test(text);

/**
 * A text cell as a spreadsheet must get it: formula-like text is prefixed with an apostrophe, which
 * Excel shows as plain text and never evaluates; all other text is left as it is. Numbers are not
 * text and never pass through here, so they stay numbers.
 */
export const neutralizeFormula = (text: string): string => (isFormulaLike(text) ? `'${text}` : text);
