import { describe, expect, it } from 'vitest';
import { bpToPercent, lineTotalFen, percentToBp } from './orderDisplay';

describe('a discount typed as a percent', () => {
  it('becomes basis points exactly, up to 100 %', () => {
    expect(percentToBp('12.5')).toBe(1250);
    expect(percentToBp('0.01')).toBe(1);
    expect(percentToBp('100')).toBe(10_000);
    expect(percentToBp(' 7 ')).toBe(700);
  });

  it('is null past 100 % or when it is not such a number', () => {
    for (const typed of ['100.01', '1000', '-1', '1.234', 'abc', '']) expect(percentToBp(typed)).toBeNull();
  });

  it('shows basis points as the percent typed', () => {
    expect(bpToPercent(1250)).toBe('12.5');
    expect(bpToPercent(0)).toBe('0');
  });
});

describe('the line total the server will compute', () => {
  it('rounds half up to whole fen, in integers', () => {
    expect(lineTotalFen(3, 999, 0)).toBe(2997);
    expect(lineTotalFen(1, 999, 1250)).toBe(874); // 874.125
    expect(lineTotalFen(1, 1, 5000)).toBe(1); // 0.5 rounds up
    expect(lineTotalFen(2, 12_345, 10_000)).toBe(0);
  });

  it('stays exact where floats would not (large quantity × price)', () => {
    // Math.round(765148 * 95420897 * 9160 / 10000) is 66878175383945: the product passes 2^53.
    expect(lineTotalFen(765_148, 95_420_897, 840)).toBe(66_878_175_383_944);
  });
});
