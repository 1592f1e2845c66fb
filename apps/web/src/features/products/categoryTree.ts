import type { ProductCategory } from '@guanxi/contract';

export interface CategoryNode {
  value: string;
  title: string;
  key: string;
  category: ProductCategory;
  children: CategoryNode[];
}

/**
 * The flat category list as a tree for TreeSelect and Tree (the API sends parentId links, already
 * in sort order). A category whose parent is missing is shown at the top rather than lost.
 */
export function categoryTree(categories: readonly ProductCategory[], excludeId?: string): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  for (const category of categories) {
    if (category.id === excludeId) continue;
    nodes.set(category.id, { value: category.id, key: category.id, title: category.name, category, children: [] });
  }
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.category.parentId ? nodes.get(node.category.parentId) : undefined;
    if (parent) parent.children.push(node);
    // Under an excluded category (the one being edited) the subtree is left out: it cannot be a parent.
    else if (!node.category.parentId || !categories.some((c) => c.id === node.category.parentId)) roots.push(node);
  }
  return roots;
}
