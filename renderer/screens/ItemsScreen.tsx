import { useCallback, useId, useMemo, useState } from 'react';
import type { ItemRow, Overview } from '../../shared/contract.ts';
import type { Verdict } from '../../shared/model.ts';
import { useApi } from '../app/api-context.tsx';
import type { ScanState } from '../app/use-scan.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ItemDetail } from '../components/ItemDetail.tsx';
import { ItemFilters, NO_FILTERS, type FilterState } from '../components/ItemFilters.tsx';
import { ItemsTable, type SortColumn, type SortDirection } from '../components/ItemsTable.tsx';
import { NeedsScan } from '../components/NeedsScan.tsx';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { useItemPages, type ItemsFilter } from '../hooks/use-item-pages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** Filters another screen opens the Items screen with; `version` tells a new request from the last. */
export interface ItemsPreset {
  version: number;
  spaces?: string[];
  verdicts?: Verdict[];
}

interface Props {
  overview: Overview | null;
  scanStatus: ScanState['status'];
  preset: ItemsPreset;
  onConnect(): void;
}

export function ItemsScreen({ overview, scanStatus, preset, onConnect }: Props) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="screen screen-items" data-testid="screen-items" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} tabIndex={-1}>{t.items.heading}</h1>
      {overview === null || scanStatus === 'running'
        ? <NeedsScan status={scanStatus} onConnect={onConnect} />
        : <ItemsBrowser overview={overview} preset={preset} />}
    </section>
  );
}

function ItemsBrowser({ overview, preset }: { overview: Overview; preset: ItemsPreset }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const id = useId();
  const [filters, setFilters] = useState<FilterState>({ ...NO_FILTERS, spaces: preset.spaces ?? [], verdicts: preset.verdicts ?? [] });
  const [sort, setSort] = useState<SortColumn>('createdAt');
  const [direction, setDirection] = useState<SortDirection>('asc');
  const [selected, setSelected] = useState<ItemRow | null>(null);
  const text = useDebouncedValue(filters.text.trim(), 300);

  const query = useMemo<ItemsFilter>(() => ({
    ...(filters.verdicts.length > 0 && { verdicts: filters.verdicts }),
    ...(filters.rules.length > 0 && { rules: filters.rules }),
    ...(filters.types.length > 0 && { types: filters.types }),
    ...(filters.spaces.length > 0 && { spaces: filters.spaces }),
    ...(text !== '' && { text }),
    sort,
    direction,
  }), [filters.verdicts, filters.rules, filters.types, filters.spaces, text, sort, direction]);
  const pages = useItemPages(api, query);

  const onSort = useCallback((column: SortColumn) => {
    if (column === sort) setDirection(direction === 'asc' ? 'desc' : 'asc');
    else {
      setSort(column);
      setDirection('asc');
    }
  }, [sort, direction]);

  return (
    <>
      <p className="lead">{t.items.intro}</p>
      <ItemFilters filters={filters} overview={overview} onChange={setFilters} />
      <p role="status" className="result-count">
        {pages.total === null ? t.items.loading : pages.total === 0 ? t.items.noMatches : t.items.resultCount(pages.total, fmt.number(pages.total))}
      </p>
      <ErrorAlert error={pages.error} />
      <div className="items-layout">
        <ItemsTable pages={pages} sort={sort} direction={direction} onSort={onSort} selectedId={selected?.id ?? null} onSelect={setSelected} />
        <ItemDetail item={selected} headingId={`${id}-detail`} />
      </div>
      <p className="hint">{t.common.datesNote}</p>
    </>
  );
}
