import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemRow, ItemsQuery, TwinArchiveApi } from '../../shared/contract.ts';

export const PAGE_SIZE = 500;
/** Pages kept in memory; the rest are dropped and fetched again if scrolled back to. */
const KEPT_PAGES = 24;

export type ItemsFilter = Omit<ItemsQuery, 'offset' | 'limit'>;

export interface ItemPages {
  /** Changes whenever the filter or sort does: the rows start again from the top. */
  key: string;
  /** null until the first page of this filter arrives. */
  total: number | null;
  rowAt(index: number): ItemRow | undefined;
  /** Loads the pages covering rows first..last if they are not there yet. */
  ensure(first: number, last: number): void;
  error: unknown;
}

/**
 * Items of a query, fetched a page at a time as rows come into view, never all at once: a
 * 100,000-item account costs a few pages of memory, and each filter starts afresh.
 */
export function useItemPages(api: TwinArchiveApi, filter: ItemsFilter): ItemPages {
  const key = JSON.stringify(filter);
  const [state, setState] = useState<{ key: string; total: number | null; pages: Map<number, ItemRow[]>; error: unknown }>(
    () => ({ key, total: null, pages: new Map(), error: null }),
  );
  const requested = useRef(new Set<number>());
  const currentKey = useRef(key);
  const filterRef = useRef(filter);
  filterRef.current = filter;

  const fetchPage = useCallback((page: number) => {
    if (requested.current.has(page)) return;
    requested.current.add(page);
    const forKey = currentKey.current;
    api['items.query']({ ...filterRef.current, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (result) => {
        if (currentKey.current !== forKey) return;
        setState((current) => {
          const pages = new Map(current.pages);
          pages.set(page, result.items);
          for (const old of [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page))) {
            if (pages.size <= KEPT_PAGES) break;
            pages.delete(old);
            requested.current.delete(old);
          }
          return { ...current, total: result.total, pages, error: null };
        });
      },
      (error: unknown) => {
        if (currentKey.current !== forKey) return;
        requested.current.delete(page);
        setState((current) => ({ ...current, error }));
      },
    );
  }, [api]);

  useEffect(() => {
    currentKey.current = key;
    requested.current = new Set();
    setState({ key, total: null, pages: new Map(), error: null });
    fetchPage(0);
  }, [key, fetchPage]);

  const ensure = useCallback((first: number, last: number) => {
    if (first < 0 || last < first) return;
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page += 1) fetchPage(page);
  }, [fetchPage]);

  const current = state.key === key ? state : null;
  return {
    key,
    total: current?.total ?? null,
    rowAt: (index) => current?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensure,
    error: current?.error ?? null,
  };
}
