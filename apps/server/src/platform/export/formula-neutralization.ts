/**
 * Text a spreadsheet would run as a formula (security B4, OWASP "CSV injection"): a cell starting
 * with `= + - @`, a tab or a carriage return — also after leading spaces or as the full-width
 * `＝ ＋ － ＠` that Chinese input methods type, which Excel and WPS treat alike.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** True when a spreadsheet could read the text as a formula. */
export const isFormulaLike = (text: string): boolean => FORMULA_START.test(text);

/**
 * A text cell as a spreadsheet must get it: formula-like text is prefixed with an apostrophe, which
 * Excel shows as plain text and never evaluates; all other text is left as it is. Numbers are not
 * text and never pass through here, so they stay numbers.
 */
export const neutralizeFormula = (text: string): string => (isFormulaLike(text) ? `'${text}` : text);
