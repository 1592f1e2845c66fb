import type {
  Attachment,
  CreateExpenseBody,
  ExpenseDetail,
  ExpenseListQuery,
  ExpensePage,
  ExpenseTotals,
  ExpenseTotalsQuery,
  UpdateExpenseBody,
} from '@guanxi/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
import { toBase64 } from '../follow-ups';

export type ExpenseFilters = Omit<ExpenseListQuery, 'limit' | 'cursor'>;

/** `['expenses']` covers lists, details and the monthly totals. */
export const expenseKeys = {
  all: ['expenses'] as const,
  list: (filters: ExpenseFilters) => ['expenses', 'list', filters] as const,
  detail: (id: string) => ['expenses', 'detail', id] as const,
  totals: (query: ExpenseTotalsQuery) => ['expenses', 'totals', query] as const,
};

export function useExpenses(filters: ExpenseFilters) {
  return useInfiniteQuery({
    queryKey: expenseKeys.list(filters),
    queryFn: ({ pageParam }) => api.get<ExpensePage>('/expenses', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useExpense(id: string | undefined) {
  return useQuery({
    queryKey: expenseKeys.detail(id ?? ''),
    queryFn: () => api.get<ExpenseDetail>(`/expenses/${id}`),
    enabled: id !== undefined,
  });
}

export function useExpenseTotals(query: ExpenseTotalsQuery) {
  return useQuery({
    queryKey: expenseKeys.totals(query),
    queryFn: () => api.get<ExpenseTotals>('/reports/expense-totals', { ...query }),
    placeholderData: keepPreviousData,
  });
}

/** Any change of an expense reloads every expense view (lists, its detail, the totals). */
function useExpenseMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: expenseKeys.all }) });
}

export const useCreateExpense = () =>
  useExpenseMutation((body: CreateExpenseBody) => api.post<ExpenseDetail>('/expenses', body));
export const useUpdateExpense = () =>
  useExpenseMutation(({ id, body }: { id: string; body: UpdateExpenseBody }) =>
    api.patch<ExpenseDetail>(`/expenses/${id}`, body),
  );
export const useDeleteExpense = () => useExpenseMutation((id: string) => api.delete(`/expenses/${id}`));
export const useSubmitExpense = () =>
  useExpenseMutation((id: string) => api.post<ExpenseDetail>(`/expenses/${id}/submit`));
export const useWithdrawExpense = () =>
  useExpenseMutation((id: string) => api.post<ExpenseDetail>(`/expenses/${id}/withdraw`));

/** Receipts go as base64 JSON like follow-up files; one request per file. */
export const useUploadReceipt = () =>
  useExpenseMutation(async ({ expenseId, file }: { expenseId: string; file: File }) =>
    api.post<Attachment>(`/expenses/${expenseId}/attachments`, {
      fileName: file.name,
      contentBase64: await toBase64(file),
    }),
  );
export const useDeleteReceipt = () =>
  useExpenseMutation(({ expenseId, attachmentId }: { expenseId: string; attachmentId: string }) =>
    api.delete(`/expenses/${expenseId}/attachments/${attachmentId}`),
  );

export const receiptUrl = (expenseId: string, attachmentId: string) =>
  `/api/v1/expenses/${expenseId}/attachments/${attachmentId}`;
