import { useEffect, useRef, useState } from 'react';
import type { ChangesQuery, ItemsQuery, SpacesQuery } from '../../shared/contract.ts';

/** Rows a drill-down shows at a time: small enough for the core to answer at once from any account. */
export const DRILL_PAGE = 25;

/** What a number of the report stands for, as the calls that list it take it. */
export type DrillTarget =
  | { kind: 'items'; label: string; filter: Omit<ItemsQuery, 'offset' | 'limit' | 'sort' | 'direction' | 'text'> }
  | { kind: 'spaces'; label: string; filter: Omit<SpacesQuery, 'offset' | 'limit'> }
  | { kind: 'changes'; label: string; filter: Omit<ChangesQuery, 'offset' | 'limit'> };

/** Opens the list behind a number; `opener` gets the focus back when the list closes. */
export type OnDrill = (target: DrillTarget, opener: HTMLElement) => void;

export interface PageOf<T> {
  total: number;
  rows: T[];
}

export interface ReportPage<T> {
  offset: number;
  /** null while the page for this offset is on its way. */
  page: PageOf<T> | null;
  error: unknown;
  go(offset: number): void;
}

/** One page at a time of a list that can be long; a new `key` starts again at the top. */
export function useReportPage<T>(key: string, load: (offset: number) => Promise<PageOf<T>>): ReportPage<T> {
  const [at, setAt] = useState({ key, offset: 0 });
  const [loaded, setLoaded] = useState<{ key: string; offset: number; page: PageOf<T> } | null>(null);
  const [failed, setFailed] = useState<{ key: string; offset: number; error: unknown } | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const offset = at.key === key ? at.offset : 0;

  useEffect(() => {
    let live = true;
    loadRef.current(offset).then(
      (page) => {
        if (live) setLoaded({ key, offset, page });
      },
      (error: unknown) => {
        if (live) setFailed({ key, offset, error });
      },
    );
    return () => {
      live = false;
    };
  }, [key, offset]);

  return {
    offset,
    page: loaded !== null && loaded.key === key && loaded.offset === offset ? loaded.page : null,
    error: failed !== null && failed.key === key && failed.offset === offset ? failed.error : null,
    go: (next) => setAt({ key, offset: Math.max(0, next) }),
  };
}

/** useReportPage for a drill-down call: `load` gets `filter` with the page's offset and limit. */
export function useDrillPage<F extends object, T>(
  filter: F, load: (query: F & { offset: number; limit: number }) => Promise<PageOf<T>>,
): ReportPage<T> {
  return useReportPage(JSON.stringify(filter), (offset) => load({ ...filter, offset, limit: DRILL_PAGE }));
}
