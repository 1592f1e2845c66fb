import type { CreateCustomerBody } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { translate } from '../../platform/i18n/index.js';
import { findContactByName, insertImportedContact } from '../contacts/index.js';
import { findCustomerReferences, insertImportedCustomer, type CustomerReference } from '../customers/index.js';
import { productImport, type ImportableProduct } from '../products/index.js';
import type { ImportBatchContext, ImportRow, ImportRowIssue } from './import-kind.js';
import { issue, textOf } from './import-kind-support.js';
import { importPhone } from './import-phones.js';
import type { PlannedOrder } from './order-lines.plan.js';
import type { OrderReferences } from './order-lines.write.js';
import { defaultUnit } from './products.import-kind.js';

/** A failure of a record made for an order, named by the sales file's field (the customer's `name` is `customerName`). */
function renamed(error: unknown, fields: Record<string, string>): unknown {
  if (!(error instanceof AppError)) return error;
  const renamedFields = error.options.fields?.map((f) => ({ ...f, field: fields[f.field] ?? f.field }));
  return new AppError(error.code, error.key, { ...error.options, ...(renamedFields ? { fields: renamedFields } : {}) });
}

async function as<T>(fields: Record<string, string>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw renamed(error, fields);
  }
}

const isDuplicatePhone = (error: unknown) =>
  error instanceof AppError && (error.options.fields ?? []).some((f) => f.field === 'customerPhone');

/** "Kwai" + "Yu" → "Kwai Yu"; 三 + 张 → 张三 (Chinese names put the family name first, unspaced). */
export function contactNameOf(row: ImportRow): string | null {
  const full = textOf(row, 'contactName');
  if (full) return full;
  const first = textOf(row, 'contactFirstName');
  const last = textOf(row, 'contactLastName');
  if (!first && !last) return null;
  const cjk = /[\u3400-\u9fff]/;
  if (first && last && cjk.test(first + last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ');
}

/** The customer a new sales-file customer becomes: company, address from the address columns. */
function customerBody(context: ImportBatchContext, row: ImportRow): CreateCustomerBody {
  const phone = importPhone(textOf(row, 'customerPhone'), textOf(row, 'country'));
  const address = [
    textOf(row, 'addressLine1'),
    textOf(row, 'addressLine2'),
    textOf(row, 'postalCode'),
    textOf(row, 'country'),
  ]
    .filter(Boolean)
    .join(', ');
  return {
    kind: 'company',
    name: textOf(row, 'customerName')!,
    ...(phone.phone ? { phone: phone.phone } : {}),
    ...(textOf(row, 'city') ? { city: textOf(row, 'city') } : {}),
    ...(textOf(row, 'state') ? { province: textOf(row, 'state') } : {}),
    ...(address ? { address: address.slice(0, 200) } : {}),
    ...(phone.invalid
      ? {
          remarks: translate(context.locale, 'imports.sales_lines.invalidPhoneRemark' as never, {
            phone: phone.invalid,
          }),
        }
      : {}),
    ...(row.ownerId ? { ownerId: row.ownerId } : {}),
  };
}

const customerKey = (row: ImportRow) =>
  `sales-customer:${(textOf(row, 'customerExternalId') ?? textOf(row, 'customerNo') ?? textOf(row, 'customerName') ?? '').toLowerCase()}`;

/**
 * What the batch's orders name that exists already (customers in the importer's write scope,
 * products by code), looked up once per batch; the rest is made per order, in its savepoint.
 */
export async function loadSalesReferences(context: ImportBatchContext, orders: readonly PlannedOrder[]) {
  const firsts = orders.map((o) => o.first);
  const customers = await findCustomerReferences(context.tx, context.actor, {
    externalIds: firsts.flatMap((r) => textOf(r, 'customerExternalId') ?? []),
    customerNos: firsts.flatMap((r) => textOf(r, 'customerNo') ?? []),
    names: firsts.flatMap((r) => textOf(r, 'customerName') ?? []),
  });
  const products = await productImport.findByCodes(
    context.tx,
    context.orgId,
    orders.flatMap((o) => o.lines.map((l) => l.productCode)),
  );
  const categories = await productImport.categoriesByName(
    context.tx,
    context.orgId,
    orders.flatMap((o) => o.lines.flatMap((l) => textOf(l.row, 'productCategory') ?? [])),
    { create: context.mode === 'run' },
  );
  return { customers, products, categoryIds: categories.ids };
}
type SalesReferences = Awaited<ReturnType<typeof loadSalesReferences>>;

/** The existing customer an order names: by external id, number, then exact name; null → to be made. */
function existingCustomer(
  row: ImportRow,
  customers: readonly CustomerReference[],
): CustomerReference | null | ImportRowIssue {
  const externalId = textOf(row, 'customerExternalId');
  const customerNo = textOf(row, 'customerNo');
  const name = textOf(row, 'customerName');
  if (externalId) {
    const hit = customers.find((c) => c.externalId === externalId);
    if (hit) return hit;
  }
  if (customerNo)
    return customers.find((c) => c.customerNo === customerNo) ?? issue('customerNo', 'imports.rowError.notFound');
  if (!name) return issue('customerName', 'imports.rowError.required');
  const hits = customers.filter((c) => c.name.trim().toLowerCase() === name.toLowerCase());
  if (hits.length > 1) return issue('customerName', 'imports.rowError.ambiguous');
  return hits[0] ?? null;
}

/**
 * The references of one order as the dry run and the duplicate policy see them (records still to
 * be made get planned ids), and `prepare`, which makes them in the order's savepoint: the customer
 * (with its contact as primary), the contact of an existing customer when it has none of that name,
 * and the products the catalog lacks.
 */
export function salesOrderReferences(context: ImportBatchContext, order: PlannedOrder, found: SalesReferences) {
  const existing = existingCustomer(order.first, found.customers);
  if (existing !== null && 'code' in existing) return { references: [existing] as ImportRowIssue[] };
  const key = customerKey(order.first);
  const customerId = existing?.id ?? context.fileMemory.get(key) ?? `planned:${key}`;
  const productIds = new Map(
    order.lines.map((l) => [
      l.productCode,
      found.products.get(l.productCode)?.id ??
        context.fileMemory.get(`sales-product:${l.productCode}`) ??
        `planned:${l.productCode}`,
    ]),
  );
  const references: OrderReferences = { customerId, productIds };

  const prepare = async (tx: Executor): Promise<OrderReferences> => {
    let id = existing?.id ?? context.fileMemory.get(key);
    const isNew = id === undefined;
    if (id === undefined) {
      const body = customerBody(context, order.first);
      const fields = { name: 'customerName', phone: 'customerPhone', address: 'addressLine1', province: 'state' };
      const created = await as(fields, () => insertImportedCustomer(tx, context, body)).catch((error: unknown) => {
        // Another customer has the number (a shared switchboard): the phone is only a contact
        // detail, so this customer comes without it, and the remarks keep it.
        if (!body.phone || !isDuplicatePhone(error)) throw error;
        const { phone, ...withoutPhone } = body;
        const remarks = translate(context.locale, 'imports.sales_lines.duplicatePhoneRemark' as never, { phone });
        return as(fields, () => insertImportedCustomer(tx, context, { ...withoutPhone, remarks }));
      });
      id = created.id;
      context.fileMemory.set(key, id);
    }
    const contactName = contactNameOf(order.first);
    const contactKey = `sales-contact:${id}:${contactName?.toLowerCase()}`;
    if (contactName && !context.fileMemory.has(contactKey)) {
      const known = isNew ? null : await findContactByName(tx, context.orgId, id, contactName);
      const contactId =
        known ??
        (await as({ name: 'contactName' }, () =>
          insertImportedContact(tx, context.actor, { customerId: id, name: contactName.slice(0, 50) }),
        ));
      context.fileMemory.set(contactKey, contactId);
    }
    const ids = new Map<string, string>();
    for (const line of order.lines) {
      const code = line.productCode;
      let productId = found.products.get(code)?.id ?? context.fileMemory.get(`sales-product:${code}`);
      if (productId === undefined) {
        const category = textOf(line.row, 'productCategory');
        const product: ImportableProduct = await as(
          { code: 'productCode', name: 'productName', categoryId: 'productCategory' },
          () =>
            productImport.create(tx, context.actor, {
              code,
              name: textOf(line.row, 'productName') ?? code,
              unit: defaultUnit(context.locale),
              listPriceFen: (line.row.values.listPrice as number | undefined) ?? line.unitPriceFen ?? 0,
              costPriceFen: 0,
              ...(category && found.categoryIds.get(category) ? { categoryId: found.categoryIds.get(category)! } : {}),
            }),
        );
        productId = product.id;
        context.fileMemory.set(`sales-product:${code}`, productId);
      }
      ids.set(code, productId);
    }
    return { customerId: id, productIds: ids };
  };
  return { references, prepare };
}
