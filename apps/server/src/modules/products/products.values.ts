import type { Product, ProductCategory } from '@guanxi/contract';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import type { CategoryRow } from './categories.repository.js';
import type { ProductRow } from './products.repository.js';

export const toProduct = (row: ProductRow): Product => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const toCategory = (row: CategoryRow): ProductCategory => ({
  ...row,
  updatedAt: row.updatedAt.toISOString(),
});

/** The audited state of a product: its own columns, without the joined category name. */
export const auditedProduct = ({ categoryName: _, createdAt: __, updatedAt: ___, ...state }: ProductRow) => state;
export const auditedCategory = ({ productCount: _, updatedAt: __, ...state }: CategoryRow) => state;

/** Trimmed text that must not be empty: only spaces → 400 naming the field. */
export function requiredText(field: string, text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw invalidField(field, 'validation.required');
  return trimmed;
}

/** Optional text: blank means "none". */
export const optionalText = (text: string | null | undefined): string | null | undefined =>
  text === undefined ? undefined : text === null || text.trim() === '' ? null : text.trim();

export const codeTaken = () =>
  new AppError('conflict', 'error.product.codeTaken', {
    fields: [{ field: 'code', key: 'validation.productCodeTaken' }],
  });
export const unknownCategory = (field: string) =>
  new AppError('validation', 'error.product.unknownCategory', { fields: [{ field, key: 'validation.invalid' }] });
