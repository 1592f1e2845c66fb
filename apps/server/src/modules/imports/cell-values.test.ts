import { describe, expect, it } from 'vitest';
import { parseDate, parseDateTime, parseMoneyFen, parseNumber } from './cell-values.js';
import { detectDelimiter, detectHeaderRow } from './file-reading.js';

describe('reading cells', () => {
  it('reads dates in the forms old exports use', () => {
    expect(parseDate('2024-03-01', 'ymd')).toBe('2024-03-01');
    expect(parseDate('2024/3/1', 'ymd')).toBe('2024-03-01');
    expect(parseDate('2024年3月1日', 'ymd')).toBe('2024-03-01');
    expect(parseDate('20240301', 'ymd')).toBe('2024-03-01');
    expect(parseDate('03/01/24', 'mdy')).toBe('2024-03-01');
    expect(parseDate('03/01/24', 'dmy')).toBe('2024-01-03');
    expect(parseDate('25/12/2023', 'mdy')).toBe('2023-12-25');
    expect(parseDate('45352', 'ymd')).toBe('2024-03-01');
    expect(parseDate('2024-02-30', 'ymd')).toBeNull();
    expect(parseDate('03/01/24', 'ymd')).toBeNull();
    expect(parseDate('soon', 'ymd')).toBeNull();
  });

  it('reads times in the organization’s zone', () => {
    expect(parseDateTime('2024-03-01 09:30', 'ymd', 'Asia/Shanghai')).toBe('2024-03-01T01:30:00.000Z');
    expect(parseDateTime('2024-03-01T09:30:00Z', 'ymd', 'Asia/Shanghai')).toBe('2024-03-01T09:30:00.000Z');
  });

  it('reads amounts with ¥, thousands separators, 元, 万 and 亿 as exact fen', () => {
    expect(parseMoneyFen('¥1,234.50')).toBe(123450);
    expect(parseMoneyFen('￥88,000')).toBe(8800000);
    expect(parseMoneyFen('1234.5元')).toBe(123450);
    expect(parseMoneyFen('RMB 0.29')).toBe(29);
    expect(parseMoneyFen('3.5万')).toBe(3500000);
    expect(parseMoneyFen('1.2亿')).toBe(12000000000);
    expect(parseMoneyFen('12.345')).toBeNull();
    expect(parseMoneyFen('-5')).toBeNull();
    expect(parseNumber('1,234')).toBe(1234);
    expect(parseNumber('１２')).toBe(12);
  });

  it('detects the delimiter and a header row below a title', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n', 'x.csv')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n', 'x.txt')).toBe('\t');
    expect(detectDelimiter('"a,b";c;d\n1;2;3\n', 'x.csv')).toBe(';');
    const rows = [
      { rowNumber: 1, cells: ['客户导出'] },
      { rowNumber: 3, cells: ['名称', '电话', '来源'] },
      { rowNumber: 4, cells: ['甲', '1', '展会'] },
      { rowNumber: 5, cells: ['乙', '2', ''] },
    ];
    expect(detectHeaderRow(rows)).toBe(3);
  });
});
