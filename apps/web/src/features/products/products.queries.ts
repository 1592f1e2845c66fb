import {
  endpoints,
  type CreateProductBody,
  type CreateProductCategoryBody,
  type ProductListQuery,
  type PutPriceAuthoritiesBody,
  type UpdateProductBody,
  type UpdateProductCategoryBody,
} from '@guanxi/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

export type ProductFilters = Omit<ProductListQuery, 'limit' | 'cursor'>;

/** `['products']` covers product lists and details; categories and the matrix have their own keys. */
export const productKeys = {
  all: ['products'] as const,
  list: (filters: ProductFilters) => ['products', 'list', filters] as const,
  categories: ['product-categories'] as const,
  priceAuthorities: ['price-authorities'] as const,
};

export const useProducts = (filters: ProductFilters) =>
  useKeysetPages(endpoints.products.list, { queryKey: productKeys.list(filters), filters });

// Product counts per category change with products.
const useProductMutation = invalidatingMutation([productKeys.all, productKeys.categories]);

export const useCreateProduct = () =>
  useProductMutation((body: CreateProductBody) => client(endpoints.products.create, { body }));
export const useUpdateProduct = () =>
  useProductMutation(({ id, body }: { id: string; body: UpdateProductBody }) =>
    client(endpoints.products.update, { params: { id }, body }),
  );
export const useDeleteProduct = () =>
  useProductMutation((id: string) => client(endpoints.products.delete, { params: { id } }));

export const useProductCategories = () =>
  useEndpointQuery(endpoints.products.listCategories, {
    queryKey: productKeys.categories,
    transform: (list) => list.items,
  });

const useCategoryMutation = invalidatingMutation([productKeys.categories]);

export const useCreateCategory = () =>
  useCategoryMutation((body: CreateProductCategoryBody) => client(endpoints.products.createCategory, { body }));
export const useUpdateCategory = () =>
  useCategoryMutation(({ id, body }: { id: string; body: UpdateProductCategoryBody }) =>
    client(endpoints.products.updateCategory, { params: { id }, body }),
  );
export const useDeleteCategory = () =>
  useCategoryMutation((id: string) => client(endpoints.products.deleteCategory, { params: { id } }));

export const usePriceAuthorities = () =>
  useEndpointQuery(endpoints.products.getPriceAuthorities, { queryKey: productKeys.priceAuthorities });

export function usePutPriceAuthorities() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutPriceAuthoritiesBody) => client(endpoints.products.putPriceAuthorities, { body }),
    onSuccess: (matrix) => queryClient.setQueryData(productKeys.priceAuthorities, matrix),
  });
}
