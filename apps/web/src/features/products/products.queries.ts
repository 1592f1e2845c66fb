import {
  endpoints,
  type CreateProductBody,
  type CreateProductCategoryBody,
  type ProductListQuery,
  type PutPriceAuthoritiesBody,
  type UpdateProductBody,
  type UpdateProductCategoryBody,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

export type ProductFilters = Omit<ProductListQuery, 'limit' | 'cursor'>;

/** `['products']` covers product lists and details; categories and the matrix have their own keys. */
export const productKeys = {
  all: ['products'] as const,
  list: (filters: ProductFilters) => ['products', 'list', filters] as const,
  categories: ['product-categories'] as const,
  priceAuthorities: ['price-authorities'] as const,
};

export function useProducts(filters: ProductFilters) {
  return useInfiniteQuery({
    queryKey: productKeys.list(filters),
    queryFn: ({ pageParam }) =>
      client(endpoints.products.list, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

function useInvalidateProducts() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: productKeys.all }),
      // Product counts per category change with products.
      queryClient.invalidateQueries({ queryKey: productKeys.categories }),
    ]);
}

export function useCreateProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({
    mutationFn: (body: CreateProductBody) => client(endpoints.products.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateProductBody }) =>
      client(endpoints.products.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.products.delete, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useProductCategories() {
  return useQuery({
    queryKey: productKeys.categories,
    queryFn: () => client(endpoints.products.listCategories).then((r) => r.items),
  });
}

function useInvalidateCategories() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: productKeys.categories });
}

export function useCreateCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: (body: CreateProductCategoryBody) => client(endpoints.products.createCategory, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateProductCategoryBody }) =>
      client(endpoints.products.updateCategory, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.products.deleteCategory, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function usePriceAuthorities() {
  return useQuery({
    queryKey: productKeys.priceAuthorities,
    queryFn: () => client(endpoints.products.getPriceAuthorities),
  });
}

export function usePutPriceAuthorities() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutPriceAuthoritiesBody) => client(endpoints.products.putPriceAuthorities, { body }),
    onSuccess: (matrix) => queryClient.setQueryData(productKeys.priceAuthorities, matrix),
  });
}
