import {
  endpoints,
  type CreateExpenseBody,
  type ExpenseListQuery,
  type ExpenseTotalsQuery,
  type UpdateExpenseBody,
} from '@guanxi/contract';
import { keepPreviousData } from '@tanstack/react-query';
import { client } from '../../platform/api';
import {
  byOptionalId,
  invalidatingMutation,
  recordKeys,
  useEndpointQuery,
  useKeysetPages,
} from '../../platform/endpointQueries';
import { uploadForm } from '../../platform/uploadForm';

export type ExpenseFilters = Omit<ExpenseListQuery, 'limit' | 'cursor'>;

/** `['expenses']` covers lists, details and the monthly totals. */
export const expenseKeys = {
  ...recordKeys<ExpenseFilters>('expenses'),
  totals: (query: ExpenseTotalsQuery) => ['expenses', 'totals', query] as const,
};

export const useExpenses = (filters: ExpenseFilters) =>
  useKeysetPages(endpoints.expenses.list, { queryKey: expenseKeys.list(filters), filters });

export const useExpense = (id: string | undefined) =>
  useEndpointQuery(endpoints.expenses.get, byOptionalId(id, expenseKeys.detail));

export function useExpenseTotals(query: ExpenseTotalsQuery) {
  return useEndpointQuery(endpoints.expenses.totals, {
    queryKey: expenseKeys.totals(query),
    query,
    placeholderData: keepPreviousData,
  });
}

/** Any change of an expense reloads every expense view (lists, its detail, the totals). */
const useExpenseMutation = invalidatingMutation([expenseKeys.all]);

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

/** Receipts are multipart uploads like follow-up files; one request per file. */
export const useUploadReceipt = () =>
  useExpenseMutation(({ expenseId, file }: { expenseId: string; file: File }) =>
    client(endpoints.expenses.uploadReceipt, { params: { id: expenseId }, body: uploadForm(file) }),
  );
export const useDeleteReceipt = () =>
  useExpenseMutation(({ expenseId, attachmentId }: { expenseId: string; attachmentId: string }) =>
    client(endpoints.expenses.deleteReceipt, { params: { id: expenseId, attachmentId } }),
  );

export const receiptUrl = (expenseId: string, attachmentId: string) =>
  `/api/v1/expenses/${expenseId}/attachments/${attachmentId}`;
