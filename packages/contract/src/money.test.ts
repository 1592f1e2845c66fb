import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToYuan, formatYuan, MAX_AMOUNT_FEN, yuanToFen } from './money.js';

describe('fen and yuan', () => {
  it('reads what people type in yuan as exact fen, without float drift', () => {
    expect(yuanToFen('88000')).toBe(8_800_000);
    expect(yuanToFen('10000.5')).toBe(1_000_050);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen(' 12.34 ')).toBe(1234);
    expect(yuanToFen('7.')).toBe(700);
    expect(yuanToFen('0')).toBe(0);
  });

  it('rejects what is not an amount of at most two decimals', () => {
    for (const text of ['', '.5', '1.234', '-1', '+1', '1e3', '1,000', '¥5', 'abc', '1.2.3'])
      expect(yuanToFen(text), text).toBeNull();
  });

  it('writes fen as yuan with exactly two decimals, negatives included', () => {
    expect(fenToYuan(1_000_050)).toBe('10000.50');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(-5)).toBe('-0.05');
    expect(fenToYuan(-12_345)).toBe('-123.45');
    expect(fenToYuan(MAX_AMOUNT_FEN)).toBe('999999999999.99');
  });

  it('groups thousands for messages', () => {
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
    expect(formatYuan(99_999)).toBe('999.99');
    expect(formatYuan(100_000)).toBe('1,000.00');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(-100_000_001)).toBe('-1,000,000.01');
    expect(formatYuan(MAX_AMOUNT_FEN)).toBe('999,999,999,999.99');
  });

  it('reads back every amount it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_FEN }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
        expect(formatYuan(fen).replaceAll(',', '')).toBe(fenToYuan(fen));
      }),
    );
  });
});
