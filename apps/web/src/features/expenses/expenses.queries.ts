import {
  endpoints,
  type CreateExpenseBody,
  type ExpenseListQuery,
  type ExpenseTotalsQuery,
  type UpdateExpenseBody,
} from '@guanxi/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
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
    queryFn: ({ pageParam }) =>
      client(endpoints.expenses.list, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useExpense(id: string | undefined) {
  return useQuery({
    queryKey: expenseKeys.detail(id ?? ''),
    queryFn: () => client(endpoints.expenses.get, { params: { id: id ?? '' } }),
    enabled: id !== undefined,
  });
}

export function useExpenseTotals(query: ExpenseTotalsQuery) {
  return useQuery({
    queryKey: expenseKeys.totals(query),
    queryFn: () => client(endpoints.expenses.totals, { query }),
    placeholderData: keepPreviousData,
  });
}

/** Any change of an expense reloads every expense view (lists, its detail, the totals). */
function useExpenseMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: expenseKeys.all }) });
}

export const useCreateExpense = () =>
  useExpenseMutation((body: CreateExpenseBody) => client(endpoints.expenses.create, { body }));
export const useUpdateExpense = () =>
  useExpenseMutation(({ id, body }: { id: string; body: UpdateExpenseBody }) =>
    client(endpoints.expenses.update, { params: { id }, body }),
  );
export const useDeleteExpense = () =>
  useExpenseMutation((id: string) => client(endpoints.expenses.delete, { params: { id } }));
export const useSubmitExpense = () =>
  useExpenseMutation((id: string) => client(endpoints.expenses.submit, { params: { id } }));
export const useWithdrawExpense = () =>
  useExpenseMutation((id: string) => client(endpoints.expenses.withdraw, { params: { id } }));

/** Receipts go as base64 JSON like follow-up files; one request per file. */
export const useUploadReceipt = () =>
  useExpenseMutation(async ({ expenseId, file }: { expenseId: string; file: File }) =>
    client(endpoints.expenses.uploadReceipt, {
      params: { id: expenseId },
      body: { fileName: file.name, contentBase64: await toBase64(file) },
    }),
  );
export const useDeleteReceipt = () =>
  useExpenseMutation(({ expenseId, attachmentId }: { expenseId: string; attachmentId: string }) =>
    client(endpoints.expenses.deleteReceipt, { params: { id: expenseId, attachmentId } }),
  );

export const receiptUrl = (expenseId: string, attachmentId: string) =>
  `/api/v1/expenses/${expenseId}/attachments/${attachmentId}`;
