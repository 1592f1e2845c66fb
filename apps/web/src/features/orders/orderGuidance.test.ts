import { describe, expect, it } from 'vitest';
import { lineFigures, orderFigures } from './orderGuidance';

const guide = {
  productId: 'p1',
  unit: '台',
  listPriceFen: 220_000,
  costPriceFen: 150_000,
  floorFen: 188_100,
  availableQuantity: 5,
};

describe('order entry guidance', () => {
  it('marks a line below the seller’s floor from the effective price after discount', () => {
    // 2,200 yuan less 10 % = 1,980: above the 1,881 floor.
    expect(lineFigures({ productId: 'p1', quantity: 2, discount: '10' }, guide)).toMatchObject({
      totalFen: 396_000,
      effectivePriceFen: 198_000,
      belowFloor: false,
      marginFen: 96_000,
    });
    // 1,880 yuan a unit is one yuan under the floor: needs approval.
    expect(lineFigures({ productId: 'p1', quantity: 1, unitPrice: '1880' }, guide)?.belowFloor).toBe(true);
    expect(lineFigures({ productId: 'p1', quantity: 1, unitPrice: '1881' }, guide)?.belowFloor).toBe(false);
  });

  it('warns when the warehouse has fewer than asked, and waits for a complete line', () => {
    expect(lineFigures({ productId: 'p1', quantity: 6 }, guide)?.short).toBe(true);
    expect(lineFigures({ productId: 'p1', quantity: 5 }, guide)?.short).toBe(false);
    expect(lineFigures({ productId: 'p1' }, guide)).toBeNull();
    expect(lineFigures({ productId: 'p1', quantity: 1, unitPrice: 'abc' }, guide)).toBeNull();
    expect(lineFigures({ productId: 'p2', quantity: 1 }, guide)).toBeNull();
  });

  it('sums totals, what the discounts give away and the margin with its share', () => {
    const figures = orderFigures([
      lineFigures({ productId: 'p1', quantity: 2, discount: '10' }, guide),
      lineFigures({ productId: 'p1', quantity: 1, unitPrice: '1800' }, guide),
      null,
    ]);
    expect(figures).toEqual({
      listTotalFen: 660_000,
      totalFen: 576_000,
      discountFen: 84_000,
      costFen: 450_000,
      marginFen: 126_000,
      marginPercent: 21.9,
      belowFloorLines: 1,
    });
    expect(orderFigures([]).marginPercent).toBeNull();
  });
});
