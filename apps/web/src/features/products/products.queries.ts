import type {
  CreateProductBody,
  CreateProductCategoryBody,
  PriceAuthorityMatrix,
  Product,
  ProductCategory,
  ProductCategoryList,
  ProductListQuery,
  ProductPage,
  PutPriceAuthoritiesBody,
  UpdateProductBody,
  UpdateProductCategoryBody,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';

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
    queryFn: ({ pageParam }) => api.get<ProductPage>('/products', { ...filters, limit: 50, cursor: pageParam }),
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
    mutationFn: (body: CreateProductBody) => api.post<Product>('/products', body),
    onSuccess: invalidate,
  });
}

export function useUpdateProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateProductBody }) => api.patch<Product>(`/products/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({ mutationFn: (id: string) => api.delete(`/products/${id}`), onSuccess: invalidate });
}

export function useProductCategories() {
  return useQuery({
    queryKey: productKeys.categories,
    queryFn: () => api.get<ProductCategoryList>('/product-categories').then((r) => r.items),
  });
}

function useInvalidateCategories() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: productKeys.categories });
}

export function useCreateCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: (body: CreateProductCategoryBody) => api.post<ProductCategory>('/product-categories', body),
    onSuccess: invalidate,
  });
}

export function useUpdateCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateProductCategoryBody }) =>
      api.patch<ProductCategory>(`/product-categories/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({ mutationFn: (id: string) => api.delete(`/product-categories/${id}`), onSuccess: invalidate });
}

export function usePriceAuthorities() {
  return useQuery({
    queryKey: productKeys.priceAuthorities,
    queryFn: () => api.get<PriceAuthorityMatrix>('/price-authorities'),
  });
}

export function usePutPriceAuthorities() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutPriceAuthoritiesBody) => api.put<PriceAuthorityMatrix>('/price-authorities', body),
    onSuccess: (matrix) => queryClient.setQueryData(productKeys.priceAuthorities, matrix),
  });
}
