import { DEFAULT_CURRENCY } from '@guanxi/contract';
import { productImport, type ImportableProduct } from '../products/index.js';
import type { ImportBatchContext, ImportKind, ImportRow, ImportRowResult } from './import-kind.js';
import {
  booleanOf,
  differs,
  failed,
  has,
  issue,
  issuesOf,
  numberOf,
  plannedId,
  textOf,
  writeAtomically,
} from './import-kind-support.js';
import { PRODUCT_FIELDS, productsImportMessages } from './products.import-fields.js';

/** The unit a product gets when the file has none (the API requires one). */
export const defaultUnit = (locale: string): string => (locale === 'en' ? 'pcs' : '件');

/** What a row says about a product, in the products API's terms (only what the row has). */
function productValues(row: ImportRow, categoryIds: ReadonlyMap<string, string>) {
  const category = textOf(row, 'category');
  return {
    ...(has(row, 'name') ? { name: textOf(row, 'name') ?? '' } : {}),
    ...(category !== null ? { categoryId: categoryIds.get(category) ?? null } : {}),
    ...(has(row, 'unit') ? { unit: textOf(row, 'unit') ?? '' } : {}),
    ...(has(row, 'specification') ? { specification: textOf(row, 'specification') } : {}),
    ...(numberOf(row, 'listPrice') !== null ? { listPriceFen: numberOf(row, 'listPrice')! } : {}),
    ...(numberOf(row, 'costPrice') !== null ? { costPriceFen: numberOf(row, 'costPrice')! } : {}),
    ...(has(row, 'currency') ? { currency: (textOf(row, 'currency') ?? DEFAULT_CURRENCY).toUpperCase() } : {}),
    ...(booleanOf(row, 'active') !== null ? { active: booleanOf(row, 'active')! } : {}),
    ...(has(row, 'description') ? { description: textOf(row, 'description') } : {}),
  };
}

const CURRENCY = /^[A-Z]{3}$/;

async function importRow(
  context: ImportBatchContext,
  row: ImportRow,
  found: { byExternalId: Map<string, ImportableProduct>; byCode: Map<string, ImportableProduct> },
  categoryIds: ReadonlyMap<string, string>,
): Promise<ImportRowResult> {
  const code = textOf(row, 'code')!;
  const externalId = textOf(row, 'externalId');
  const values = productValues(row, categoryIds);
  if (values.currency !== undefined && !CURRENCY.test(values.currency))
    return failed(issue('currency', 'imports.rowError.invalid'));
  const memoryKey = `product:${code.toLowerCase()}`;
  const byExternal = externalId ? found.byExternalId.get(externalId) : undefined;
  if (byExternal?.deleted) return failed(issue('externalId', 'imports.rowError.deletedRecord'));
  const match = byExternal ?? found.byCode.get(code);
  const remembered = context.fileMemory.get(memoryKey);
  // An earlier row of the dry run "made" it: the same answer the run gives once it exists.
  if (remembered && !match) {
    if (context.duplicatePolicy === 'create') return failed(issue('code', 'validation.productCodeTaken'));
    return { outcome: context.duplicatePolicy === 'skip' ? 'duplicate' : 'unchanged' };
  }

  if (match) {
    if (context.duplicatePolicy === 'skip') return { outcome: 'duplicate', recordId: match.id };
    if (context.duplicatePolicy === 'create' && !byExternal)
      return failed(issue('code', 'validation.productCodeTaken'));
    const changes = { ...values, ...(externalId && match.externalId === null ? { externalId } : {}) };
    if (!differs(match, changes)) return { outcome: 'unchanged', recordId: match.id };
    if (context.mode === 'check') return { outcome: 'updated', recordId: match.id };
    const written = await writeAtomically(context, (tx) => productImport.update(tx, context.actor, match.id, changes));
    return written.ok ? { outcome: 'updated', recordId: match.id } : failed(...written.issues);
  }

  const body = {
    code,
    name: values.name ?? '',
    unit: values.unit || defaultUnit(context.locale),
    listPriceFen: values.listPriceFen ?? 0,
    costPriceFen: values.costPriceFen ?? 0,
    ...(values.categoryId ? { categoryId: values.categoryId } : {}),
    ...(values.specification ? { specification: values.specification } : {}),
    ...(values.currency ? { currency: values.currency } : {}),
    ...(values.active !== undefined ? { active: values.active } : {}),
    ...(values.description ? { description: values.description } : {}),
  };
  if (context.mode === 'check') {
    try {
      await productImport.assertCreatable(context.tx, context.actor, body);
    } catch (error) {
      return failed(...issuesOf(error));
    }
    context.fileMemory.set(memoryKey, plannedId(memoryKey));
    return { outcome: 'created' };
  }
  const written = await writeAtomically(context, (tx) =>
    productImport.create(tx, context.actor, { ...body, externalId }),
  );
  if (!written.ok) return failed(...written.issues);
  context.fileMemory.set(memoryKey, written.value.id);
  found.byCode.set(code, written.value);
  if (externalId) found.byExternalId.set(externalId, written.value);
  return { outcome: 'created', recordId: written.value.id };
}

/**
 * Products (产品) from a price list or an ERP item master: matched by external id, then by code;
 * categories by name (a new name makes a top-level category); the unit defaults to 件 / pcs and the
 * cost price to 0 when the file has none.
 */
export const productsImportKind: ImportKind = {
  name: 'products',
  permission: 'products.import',
  labelKey: 'imports.products.label',
  messages: productsImportMessages,
  fields: PRODUCT_FIELDS,
  async importBatch(context, rows) {
    const orgId = context.orgId;
    const codes = rows.map((r) => textOf(r, 'code')!).filter(Boolean);
    const externalIds = rows.flatMap((r) => textOf(r, 'externalId') ?? []);
    const found = {
      byExternalId: await productImport.findByExternalIds(context.tx, orgId, externalIds),
      byCode: await productImport.findByCodes(context.tx, orgId, codes),
    };
    const categories = rows.flatMap((r) => textOf(r, 'category') ?? []);
    const { ids: categoryIds } = await productImport.categoriesByName(context.tx, orgId, categories, {
      create: context.mode === 'run',
    });
    const results: ImportRowResult[] = [];
    for (const row of rows) results.push(await importRow(context, row, found, categoryIds));
    return results;
  },
};
