/** One line of a flat sales file, after mapping: its row number and its order's number. */
export interface GroupableLine {
  /** The 1-based row in the file (the header is row 1), for per-row reports. */
  row: number;
  orderNo: string;
}

/** The lines of one order, in file order; `lineNo` is the file's line number when it has one. */
export interface OrderGroup<L extends GroupableLine> {
  orderNo: string;
  lines: L[];
}

/**
 * Groups the lines of a flat sales file by order number, keeping the orders in the order of their
 * first line and each order's lines in file order. Order numbers compare trimmed and
 * case-insensitively ("SO-1" and " so-1" are one order); the first spelling names the group.
 */
export function groupLinesByOrder<L extends GroupableLine>(lines: readonly L[]): OrderGroup<L>[] {
  const groups = new Map<string, OrderGroup<L>>();
  for (const line of lines) {
    const key = line.orderNo.trim().toLowerCase();
    let group = groups.get(key);
    if (!group) {
      group = { orderNo: line.orderNo.trim(), lines: [] };
      groups.set(key, group);
    }
    group.lines.push(line);
  }
  return [...groups.values()];
}

/** A line whose order-level value differs from the order's first line. */
export interface OrderConflict {
  row: number;
  field: string;
  /** The value the order's first line gives, and what this line says. */
  expected: string;
  actual: string;
}

/**
 * Order-level fields (customer, date, status, currency …) must read the same on every line of an
 * order: a file whose lines of order 10107 name two customers is not one order. Empty cells on later
 * lines are fine (some exports fill order fields on the first line only).
 */
export function findOrderConflicts<L extends GroupableLine>(
  group: OrderGroup<L>,
  fields: readonly { field: string; valueOf: (line: L) => string | null | undefined }[],
): OrderConflict[] {
  const conflicts: OrderConflict[] = [];
  const [first, ...rest] = group.lines;
  if (!first) return conflicts;
  for (const { field, valueOf } of fields) {
    const expected = (valueOf(first) ?? '').trim();
    for (const line of rest) {
      const actual = (valueOf(line) ?? '').trim();
      if (actual !== '' && actual !== expected) conflicts.push({ row: line.row, field, expected, actual });
    }
  }
  return conflicts;
}

/**
 * Lines in the order they become order lines: by the file's line number when every line has one
 * (ERPs export lines in any order), else in file order. Two lines with one number keep file order.
 */
export function sortOrderLines<L extends GroupableLine & { lineNo?: number | null | undefined }>(
  lines: readonly L[],
): L[] {
  if (lines.some((l) => l.lineNo === null || l.lineNo === undefined)) return [...lines];
  return [...lines].sort((a, b) => a.lineNo! - b.lineNo! || a.row - b.row);
}

/**
 * The unit price of a line whose file gives both a unit price and a line amount. They agree when
 * quantity × price is the amount to the fen: the price stands. Otherwise the amount wins — it is
 * what the customer paid, while unit price columns are often rounded or capped (the Classic Models
 * file caps PRICEEACH at 100) — and the price becomes amount ÷ quantity rounded half up to the fen;
 * where that does not divide evenly the line total differs from the file by less than quantity ÷ 2
 * fen, and the row says so.
 */
export function reconcileLinePrice(line: { quantity: number; unitPriceFen: number | null; amountFen: number | null }): {
  unitPriceFen: number | null;
  derived: boolean;
  differenceFen: number;
} {
  const { quantity, unitPriceFen, amountFen } = line;
  if (amountFen === null || quantity <= 0) return { unitPriceFen, derived: false, differenceFen: 0 };
  if (unitPriceFen !== null && unitPriceFen * quantity === amountFen)
    return { unitPriceFen, derived: false, differenceFen: 0 };
  const derivedPrice = Math.floor((2 * amountFen + quantity) / (2 * quantity));
  return { unitPriceFen: derivedPrice, derived: true, differenceFen: derivedPrice * quantity - amountFen };
}
