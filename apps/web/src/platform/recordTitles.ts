import { useEffect, useSyncExternalStore } from 'react';

/**
 * The names of the records whose pages were opened, by record id, so the frame (the breadcrumb)
 * can say "客户 / 青岛德邦包装" instead of "客户 / 详情" without fetching the record a second time.
 */
const titles = new Map<string, string>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A record page names its record (once loaded) for the frame around it. */
export function useRecordTitle(id: string | undefined, title: string | undefined): void {
  useEffect(() => {
    if (!id || !title || titles.get(id) === title) return;
    titles.set(id, title);
    for (const listener of listeners) listener();
  }, [id, title]);
}

/** The name a record page gave its record, or undefined while it has not. */
export function useRecordTitleOf(id: string | undefined): string | undefined {
  return useSyncExternalStore(subscribe, () => (id ? titles.get(id) : undefined));
}
