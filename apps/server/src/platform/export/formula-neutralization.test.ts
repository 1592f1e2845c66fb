import { describe, expect, it } from 'vitest';
import { isFormulaLike, neutralizeFormula } from './formula-neutralization.js';

describe('formula neutralization', () => {
  it('prefixes every formula start with an apostrophe, also after spaces and in full width', () => {
    for (const text of [
      '=HYPERLINK("http://evil.example","click")',
      '+1+1',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1+1',
      '\r=1+1',
      '   =1+1',
      '\u3000=1+1',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
    ]) {
      expect(neutralizeFormula(text)).toBe(`'${text}`);
    }
  });

  it('leaves ordinary text alone, including signs inside the text', () => {
    for (const text of ['华为技术有限公司', 'a=b', '138-0013-8000', 'x@example.cn', '', ' plain', '1+1']) {
      expect(isFormulaLike(text)).toBe(false);
      expect(neutralizeFormula(text)).toBe(text);
    }
  });
});

describe('formula neutralization fast path', () => {
  it('agrees with the full expression for every first character of the Basic Multilingual Plane', () => {
    const full = /^(?:[\t\r]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const first = String.fromCharCode(code);
      for (const text of [first, `${first}=1`, `${first}1`])
        if (isFormulaLike(text) !== full.test(text)) disagreements.push(JSON.stringify(text));
    }
    expect(disagreements).toEqual([]);
  });
});
