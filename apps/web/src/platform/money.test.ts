import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from '@guanxi/contract';
import { currencySymbol, formatMoney, formatMoneyCompact, positiveYuanRule } from './money';

describe('yuan typed into a form, to fen', () => {
  it('reads up to two decimals exactly, without float drift', () => {
    expect(yuanToFen('88000')).toBe(8_800_000);
    expect(yuanToFen('10000.5')).toBe(1_000_050);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen(' 12.30 ')).toBe(1230);
    expect(yuanToFen('7.')).toBe(700);
    expect(yuanToFen('0')).toBe(0);
  });

  it('answers null for anything that is not such an amount', () => {
    for (const typed of ['', '1.234', '-5', '1,000', '¥5', 'abc', '.5', '1e3']) expect(yuanToFen(typed)).toBeNull();
  });

  it('round-trips through the form string', () => {
    for (const fen of [0, 1, 29, 100, 1_000_050, 123_456_789]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});

describe('fen shown in a form', () => {
  it('has exactly two decimals', () => {
    expect(fenToYuan(1_000_050)).toBe('10000.50');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(8_800_000)).toBe('88000.00');
  });
});

describe('money in the UI language', () => {
  it('shows ¥ with thousands separators and two decimals, in Chinese and in English', () => {
    expect(formatMoney(1_000_050)).toBe('¥10,000.50');
    expect(formatMoney(1_000_050, 'CNY', 'en')).toBe('¥10,000.50');
    expect(formatMoney(0)).toBe('¥0.00');
  });

  it('keeps the sign of a negative amount (a loss) and shows other currencies by their symbol', () => {
    expect(formatMoney(-250)).toBe('-¥2.50');
    expect(formatMoney(199, 'USD', 'en')).toBe('$1.99');
    expect(currencySymbol('CNY')).toBe('¥');
    expect(currencySymbol('EUR', 'en')).toBe('€');
  });
});

describe('the positive-amount form rule', () => {
  const rule = positiveYuanRule('amount.invalid');

  it('passes an empty field (required is another rule) and a positive amount', async () => {
    for (const value of [undefined, null, '', '0.01', '88000'])
      await expect(rule.validator(null, value)).resolves.toBeUndefined();
  });

  it('fails zero, three decimals and text with its message', async () => {
    for (const value of ['0', '0.00', '1.234', 'ten']) {
      await expect(rule.validator(null, value)).rejects.toThrow('amount.invalid');
    }
  });
});

describe('amounts at a glance (KPI cards, board totals, chart axes)', () => {
  it('counts in 万 and 亿 in Chinese', () => {
    expect(formatMoneyCompact(23_800_000)).toBe('¥23.8万');
    expect(formatMoneyCompact(12_000_000_000)).toBe('¥1.2亿');
    expect(formatMoneyCompact(100_000_000)).toBe('¥100万');
  });

  it('counts in K, M and B in English', () => {
    expect(formatMoneyCompact(23_800_000, 'CNY', 'en')).toBe('¥238K');
    expect(formatMoneyCompact(12_000_000_000, 'CNY', 'en')).toBe('¥120M');
  });

  it('shows whole yuan below ten thousand, and signs negative amounts', () => {
    expect(formatMoneyCompact(850_000)).toBe('¥8,500');
    expect(formatMoneyCompact(850_050)).toBe('¥8,501');
    expect(formatMoneyCompact(0)).toBe('¥0');
    expect(formatMoneyCompact(-23_800_000)).toBe('-¥23.8万');
  });
});
