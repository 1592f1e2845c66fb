import type { OrderStatus } from '@guanxi/contract';

/**
 * The states an imported order may take. `pending_approval` is left out: it stands for an approval
 * request that an import does not open, so a file cannot put an order into it.
 */
export const IMPORTABLE_ORDER_STATUSES = [
  'draft',
  'submitted',
  'confirmed',
  'shipped',
  'completed',
  'cancelled',
] as const;
export type ImportableOrderStatus = (typeof IMPORTABLE_ORDER_STATUSES)[number];

/** States counted as a purchase: the lifecycle hears `order.confirmed` for them (domain §2). */
export const PURCHASED_ORDER_STATUSES: readonly OrderStatus[] = ['confirmed', 'shipped', 'completed'];

/**
 * The default value map from status texts other systems write to Guanxi order states; the import
 * wizard shows it and the user may change every entry. Keys are compared case- and
 * space-insensitively (`normalizeStatusText`).
 *
 * - Shipped 已发货 → shipped: the goods left; nobody has closed the order yet.
 * - Resolved (a dispute settled after shipping), Complete/Closed 已完成 → completed.
 * - Disputed (the customer contests a shipped order) → shipped: delivered, not closed; the dispute
 *   itself is a complaint, which an import does not invent.
 * - In Process (accepted, being prepared) → confirmed.
 * - On Hold (held, in Classic Models for the credit limit) → submitted: it waits for finance, as an
 *   order over the credit limit waits for a confirmation or an override here.
 * - Cancelled 已取消 → cancelled; Draft 草稿 → draft.
 */
export const DEFAULT_ORDER_STATUS_MAP: Readonly<Record<string, ImportableOrderStatus>> = {
  shipped: 'shipped',
  delivered: 'shipped',
  disputed: 'shipped',
  resolved: 'completed',
  complete: 'completed',
  completed: 'completed',
  closed: 'completed',
  inprocess: 'confirmed',
  processing: 'confirmed',
  confirmed: 'confirmed',
  open: 'confirmed',
  onhold: 'submitted',
  submitted: 'submitted',
  pending: 'submitted',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  draft: 'draft',
  草稿: 'draft',
  待确认: 'submitted',
  已提交: 'submitted',
  暂停: 'submitted',
  已确认: 'confirmed',
  处理中: 'confirmed',
  已发货: 'shipped',
  发货: 'shipped',
  已完成: 'completed',
  完成: 'completed',
  已关闭: 'completed',
  已取消: 'cancelled',
  取消: 'cancelled',
  作废: 'cancelled',
};

/** The state of an order whose file has no status column or an empty cell: a confirmed sale. */
export const DEFAULT_IMPORTED_ORDER_STATUS: ImportableOrderStatus = 'confirmed';

/** "On Hold", "on-hold" and "ONHOLD" are one key; full-width letters count as half-width. */
export const normalizeStatusText = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./]+/g, '');

/**
 * The Guanxi state for a status text: the user's map first (its keys normalized the same way), then
 * the default map; an empty text gives the default state; an unknown one null (the row is refused,
 * naming the value).
 */
export function mapOrderStatus(
  text: string | null | undefined,
  userMap: Readonly<Record<string, string>> = {},
): ImportableOrderStatus | null {
  const key = normalizeStatusText(text ?? '');
  if (key === '') return DEFAULT_IMPORTED_ORDER_STATUS;
  for (const [from, to] of Object.entries(userMap)) {
    if (normalizeStatusText(from) === key)
      return (IMPORTABLE_ORDER_STATUSES as readonly string[]).includes(to) ? (to as ImportableOrderStatus) : null;
  }
  return DEFAULT_ORDER_STATUS_MAP[key] ?? null;
}
