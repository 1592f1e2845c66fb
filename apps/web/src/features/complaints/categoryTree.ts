import type { ComplaintCategory } from '@guanxi/contract';

export interface CategoryNode {
  value: string;
  title: string;
  children: CategoryNode[];
}

/** The category name in the reader's language. */
export const categoryName = (c: { nameZh: string | null; nameEn: string | null }, language: 'zh' | 'en') =>
  (language === 'en' ? c.nameEn : c.nameZh) ?? '';

/** Categories as a TreeSelect tree, by `parentCategoryId`. */
export function categoryTree(
  categories: readonly ComplaintCategory[],
  language: 'zh' | 'en',
  { activeOnly = false } = {},
): CategoryNode[] {
  const shown = categories.filter((c) => !activeOnly || c.active);
  const ids = new Set(shown.map((c) => c.id));
  const nodeOf = (c: ComplaintCategory): CategoryNode => ({
    value: c.id,
    title: categoryName(c, language),
    children: shown.filter((child) => child.parentCategoryId === c.id).map(nodeOf),
  });
  return shown.filter((c) => c.parentCategoryId === null || !ids.has(c.parentCategoryId)).map(nodeOf);
}
