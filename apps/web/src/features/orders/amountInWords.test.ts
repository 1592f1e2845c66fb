import { describe, expect, it } from 'vitest';
import { amountInWords } from './amountInWords';

describe('amounts in Chinese financial capitals (人民币大写)', () => {
  it('reads yuan, jiao and fen as printed on quotations and contracts', () => {
    expect(amountInWords(123_456)).toBe('壹仟贰佰叁拾肆元伍角陆分');
    expect(amountInWords(100_000)).toBe('壹仟元整');
    expect(amountInWords(0)).toBe('零元整');
    expect(amountInWords(5)).toBe('零元伍分');
    expect(amountInWords(50)).toBe('零元伍角');
    expect(amountInWords(10_005)).toBe('壹佰元零伍分');
  });

  it('puts 零 in the gaps and 万 / 亿 at their places', () => {
    expect(amountInWords(100_500)).toBe('壹仟零伍元整');
    expect(amountInWords(1_000_100)).toBe('壹万零壹元整');
    expect(amountInWords(23_800_000)).toBe('贰拾叁万捌仟元整');
    expect(amountInWords(10_000_000_000)).toBe('壹亿元整');
    expect(amountInWords(10_000_010_000)).toBe('壹亿零壹佰元整');
    expect(amountInWords(12_345_678_900)).toBe('壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整');
  });
});
