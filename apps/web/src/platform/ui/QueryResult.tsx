import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ForbiddenResult, isForbidden } from './ForbiddenResult';

/** The page-wide spinner shown while a page's data loads. */
export function PageSpin() {
  return <Spin style={{ display: 'block', margin: 48 }} />;
}

/**
 * Renders a query's data once it is there: a spinner while it loads, the error's message when it
 * failed (the 403 page when it was refused for a missing permission) — the same for every page
 * that shows one record.
 */
export function QueryResult<T, E extends Error>({
  query,
  children,
}: {
  query: UseQueryResult<T, E>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PageSpin />;
  if (query.isError && isForbidden(query.error)) return <ForbiddenResult />;
  if (query.isError) return <Alert type="error" showIcon title={query.error.message} />;
  return <>{children(query.data)}</>;
}

/** A failed query's message above the table or form that shows its data; nothing otherwise. */
export function QueryError({ query }: { query: { isError: boolean; error: Error | null } }) {
  if (!query.isError || !query.error) return null;
  return <Alert type="error" showIcon title={query.error.message} style={{ marginBottom: 16 }} />;
}
