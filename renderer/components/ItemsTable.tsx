import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ItemRow, ItemsQuery } from '../../shared/contract.ts';
import type { ItemPages } from '../hooks/use-item-pages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

export type SortColumn = NonNullable<ItemsQuery['sort']>;
export type SortDirection = NonNullable<ItemsQuery['direction']>;

const ROW_HEIGHT = 40;
type Column = SortColumn | 'rule';
const COLUMNS: readonly Column[] = ['verdict', 'rule', 'title', 'type', 'space', 'createdAt', 'size'];
const SORTABLE = new Set<Column>(['verdict', 'title', 'type', 'space', 'createdAt', 'size']);

interface Props {
  pages: ItemPages;
  sort: SortColumn;
  direction: SortDirection;
  onSort(column: SortColumn): void;
  selectedId: string | null;
  onSelect(item: ItemRow): void;
}

/**
 * A table of any number of rows: only the rows in view exist in the page, and their data is
 * fetched a page at a time. One tab stop; the arrow keys move the selection from row to row.
 */
export function ItemsTable({ pages, sort, direction, onSort, selectedId, onSelect }: Props) {
  const { t, fmt } = useI18n();
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusPending = useRef<number | null>(null);
  const selectPending = useRef<number | null>(null);
  const count = pages.total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? -1;
  const { ensure } = pages;

  useEffect(() => ensure(first, last), [ensure, first, last]);
  // A new filter or sort starts at the first row.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setActive(0);
  }, [pages.key]);
  useEffect(() => {
    if (active >= count && count > 0) setActive(count - 1);
  }, [active, count]);

  // Focus the row the keyboard moved to once the virtualizer has rendered it.
  useEffect(() => {
    const target = focusPending.current;
    if (target === null) return;
    const button = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-row="${target}"] button`);
    if (button) {
      focusPending.current = null;
      button.focus({ preventScroll: true });
    }
  });

  // A row reached by keyboard before its page arrived is selected when it does.
  const pendingItem = selectPending.current === null ? undefined : pages.rowAt(selectPending.current);
  useEffect(() => {
    if (pendingItem === undefined) return;
    selectPending.current = null;
    onSelect(pendingItem);
  }, [pendingItem, onSelect]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    focusPending.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    const item = pages.rowAt(next);
    selectPending.current = item ? null : next;
    if (item) onSelect(item);
  };

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + pageRows, PageUp: active - pageRows, Home: 0, End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined || count === 0) return;
    event.preventDefault();
    moveTo(target);
  };

  const tabbable = rows.some((row) => row.index === active) ? active : first;
  const sortState = (column: Column) => (column === sort ? (direction === 'asc' ? 'ascending' : 'descending') : SORTABLE.has(column) ? 'none' : undefined);

  return (
    <div className="items-table" role="table" aria-label={t.items.tableLabel} aria-rowcount={count + 1} aria-describedby={`${id}-hint`}>
      <p id={`${id}-hint`} className="visually-hidden">{t.items.tableHint}</p>
      <div role="rowgroup" className="items-head">
        <div role="row" aria-rowindex={1} className="items-row">
          {COLUMNS.map((column) => (
            <div key={column} role="columnheader" aria-sort={sortState(column)} className={`cell cell-${column}`}>
              {SORTABLE.has(column) ? (
                <button type="button" className="sort-button" onClick={() => onSort(column as SortColumn)}>
                  {t.items.columns[column]}
                  <SortArrow state={sortState(column)} />
                </button>
              ) : (
                t.items.columns[column]
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="items-body" ref={scrollRef} onKeyDown={onKeyDown}>
        <div className="items-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const item = pages.rowAt(row.index);
            const selected = item !== undefined && item.id === selectedId;
            return (
              <div
                key={row.key} role="row" aria-rowindex={row.index + 2} data-row={row.index}
                className={`items-row${selected ? ' is-selected' : ''}${row.index % 2 ? ' is-odd' : ''}`}
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  if (!item) return;
                  setActive(row.index);
                  onSelect(item);
                }}
              >
                <div role="cell" className="cell cell-verdict">{item && <VerdictBadge verdict={item.verdict} />}</div>
                <div role="cell" className="cell cell-rule" title={item ? t.rules[item.rule] : undefined}>{item?.rule}</div>
                <div role="cell" className="cell cell-title">
                  <button
                    type="button" className="row-button" tabIndex={row.index === tabbable ? 0 : -1}
                    aria-current={selected ? 'true' : undefined} aria-disabled={item ? undefined : 'true'}
                    onFocus={() => setActive(row.index)}
                  >
                    {item ? item.title || t.common.untitled : t.items.loadingRow}
                  </button>
                </div>
                <div role="cell" className="cell cell-type">{item && t.itemTypes[item.type]}</div>
                <div role="cell" className="cell cell-space">{item && (item.spaceTitle ?? t.common.personalItems)}</div>
                <div role="cell" className="cell cell-createdAt">{item && fmt.date(item.createdAt)}</div>
                <div role="cell" className="cell cell-size">{item && item.size > 0 ? fmt.bytes(item.size) : ''}</div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function SortArrow({ state }: { state: 'ascending' | 'descending' | 'none' | undefined }) {
  return (
    <svg className={`sort-arrow sort-${state ?? 'none'}`} viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" focusable="false">
      {state === 'ascending' && <path d="M5 2 9 8H1Z" />}
      {state === 'descending' && <path d="M5 8 1 2h8Z" />}
      {state === 'none' && <path d="M5 1 8 4H2ZM5 9 2 6h6Z" />}
    </svg>
  );
}
