import { yuanToFen, type OrderPriceGuideProduct } from '@guanxi/contract';
import { lineTotalFen, percentToBp } from './orderDisplay';

/** An order line as the form holds it while it is typed. */
export interface LineValues {
  productId?: string;
  quantity?: number;
  /** Yuan as typed (string mode, no float); empty → list price. */
  unitPrice?: string | null;
  /** Percent as typed; empty → no discount. */
  discount?: string | null;
}

/** What the form shows about one complete line, computed as the server will. */
export interface LineFigures {
  totalFen: number;
  listTotalFen: number;
  costFen: number;
  marginFen: number;
  /** total ÷ quantity, rounded down: what the price authority compares with the floor. */
  effectivePriceFen: number;
  floorFen: number;
  belowFloor: boolean;
  /** Null when the organization keeps no stock. */
  available: number | null;
  short: boolean;
}

/** Null while the line lacks a product, a quantity or a valid price, or its product's guide is not in. */
export function lineFigures(
  line: LineValues | undefined,
  guide: OrderPriceGuideProduct | undefined,
): LineFigures | null {
  if (!line?.productId || !line.quantity || !guide || guide.productId !== line.productId) return null;
  const price = line.unitPrice ? yuanToFen(String(line.unitPrice)) : guide.listPriceFen;
  const bp = line.discount ? percentToBp(String(line.discount)) : 0;
  if (price === null || bp === null) return null;
  const totalFen = lineTotalFen(line.quantity, price, bp);
  const costFen = line.quantity * guide.costPriceFen;
  const effectivePriceFen = Math.floor(totalFen / line.quantity);
  return {
    totalFen,
    listTotalFen: line.quantity * guide.listPriceFen,
    costFen,
    marginFen: totalFen - costFen,
    effectivePriceFen,
    floorFen: guide.floorFen,
    belowFloor: effectivePriceFen < guide.floorFen,
    available: guide.availableQuantity,
    short: guide.availableQuantity !== null && line.quantity > guide.availableQuantity,
  };
}

export interface OrderFigures {
  listTotalFen: number;
  totalFen: number;
  /** What the prices and discounts give away against the list prices (never negative). */
  discountFen: number;
  costFen: number;
  marginFen: number;
  /** Margin ÷ total in percent with one decimal; null for a zero total. */
  marginPercent: number | null;
  belowFloorLines: number;
}

export function orderFigures(lines: readonly (LineFigures | null)[]): OrderFigures {
  const known = lines.filter((line): line is LineFigures => line !== null);
  const sum = (pick: (line: LineFigures) => number) => known.reduce((total, line) => total + pick(line), 0);
  const totalFen = sum((l) => l.totalFen);
  const listTotalFen = sum((l) => l.listTotalFen);
  const costFen = sum((l) => l.costFen);
  const marginFen = totalFen - costFen;
  return {
    listTotalFen,
    totalFen,
    discountFen: Math.max(0, listTotalFen - totalFen),
    costFen,
    marginFen,
    marginPercent: totalFen > 0 ? Math.round((marginFen * 1000) / totalFen) / 10 : null,
    belowFloorLines: known.filter((l) => l.belowFloor).length,
  };
}
