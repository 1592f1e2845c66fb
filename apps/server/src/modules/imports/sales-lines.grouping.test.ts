import { describe, expect, it } from 'vitest';
import { findOrderConflicts, groupLinesByOrder, reconcileLinePrice, sortOrderLines } from './sales-lines.grouping.js';

const line = (row: number, orderNo: string, extra: { customer?: string; lineNo?: number } = {}) => ({
  row,
  orderNo,
  ...extra,
});

describe('sales lines grouped by order number', () => {
  it('keeps orders in the order of their first line and lines in file order', () => {
    const groups = groupLinesByOrder([line(2, '10107'), line(3, '10121'), line(4, '10107'), line(5, ' 10121 ')]);
    expect(groups.map((g) => [g.orderNo, g.lines.map((l) => l.row)])).toEqual([
      ['10107', [2, 4]],
      ['10121', [3, 5]],
    ]);
  });

  it('treats order numbers case-insensitively and names the group by the first spelling', () => {
    const groups = groupLinesByOrder([line(2, 'SO-1'), line(3, 'so-1')]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.orderNo).toBe('SO-1');
  });

  it('reports a later line that names another customer for the same order, but not an empty cell', () => {
    const [group] = groupLinesByOrder([
      line(2, '1', { customer: 'Land of Toys' }),
      line(3, '1', { customer: '' }),
      line(4, '1', { customer: 'Reims Collectables' }),
    ]);
    const conflicts = findOrderConflicts(group!, [{ field: 'customer', valueOf: (l) => l.customer }]);
    expect(conflicts).toEqual([{ row: 4, field: 'customer', expected: 'Land of Toys', actual: 'Reims Collectables' }]);
  });

  it("orders lines by the file's line numbers when every line has one", () => {
    const lines = [line(2, '1', { lineNo: 3 }), line(3, '1', { lineNo: 1 }), line(4, '1', { lineNo: 2 })];
    expect(sortOrderLines(lines).map((l) => l.row)).toEqual([3, 4, 2]);
    const partly = [line(2, '1', { lineNo: 3 }), line(3, '1')];
    expect(sortOrderLines(partly).map((l) => l.row)).toEqual([2, 3]);
  });
});

describe('line price against line amount', () => {
  it('keeps the unit price when quantity × price is the amount', () => {
    expect(reconcileLinePrice({ quantity: 30, unitPriceFen: 9570, amountFen: 287_100 })).toEqual({
      unitPriceFen: 9570,
      derived: false,
      differenceFen: 0,
    });
  });

  it('derives the price from the amount when the price column is capped (PRICEEACH 100, SALES 5205.27)', () => {
    expect(reconcileLinePrice({ quantity: 49, unitPriceFen: 10_000, amountFen: 520_527 })).toEqual({
      unitPriceFen: 10_623,
      derived: true,
      differenceFen: 0,
    });
  });

  it('rounds half up and reports the fen the line total then differs by', () => {
    // 10172.70 / 47 = 216.4404… → 216.44; 47 × 216.44 = 10172.68
    expect(reconcileLinePrice({ quantity: 47, unitPriceFen: 10_000, amountFen: 1_017_270 })).toEqual({
      unitPriceFen: 21_644,
      derived: true,
      differenceFen: -2,
    });
  });

  it('uses the amount alone when there is no price, and the price alone when there is no amount', () => {
    expect(reconcileLinePrice({ quantity: 4, unitPriceFen: null, amountFen: 1000 }).unitPriceFen).toBe(250);
    expect(reconcileLinePrice({ quantity: 4, unitPriceFen: 300, amountFen: null })).toEqual({
      unitPriceFen: 300,
      derived: false,
      differenceFen: 0,
    });
  });
});
