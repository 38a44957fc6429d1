import { useEffect, useId, useRef, useState } from 'react';
import type { ArchivedPage, ArchiveRecord, SearchHit } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { ArchivedItemViewer } from '../components/ArchivedItemViewer.tsx';
import { ArchivesTable } from '../components/ArchivesTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { SearchResults } from '../components/SearchResults.tsx';
import { VerifyPanel } from '../components/VerifyPanel.tsx';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

export function LibraryScreen({ onGoToArchive }: { onGoToArchive(): void }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const id = useId();
  const [archives, setArchives] = useState<ArchiveRecord[] | null>(null);
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim(), 300);
  const [hits, setHits] = useState<{ query: string; hits: SearchHit[] } | null>(null);
  const [opened, setOpened] = useState<ArchivedPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    api['library.archives']({}).then(setArchives, setError);
  }, [api]);

  useEffect(() => {
    if (settled === '') {
      setHits(null);
      return;
    }
    let live = true;
    api['library.search']({ query: settled, limit: 50 }).then(
      (found) => {
        if (live) setHits({ query: settled, hits: found });
      },
      (failure: unknown) => {
        if (live) setError(failure);
      },
    );
    return () => {
      live = false;
    };
  }, [api, settled]);

  const open = (hit: SearchHit) => {
    setError(null);
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    api['library.openItem']({ itemId: hit.itemId }).then(setOpened, setError);
  };

  const searching = query.trim() !== '' && hits?.query !== query.trim();
  return (
    <section className="screen screen-library" data-testid="screen-library" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} tabIndex={-1}>{t.library.heading}</h1>
      <p className="lead">{t.library.intro}</p>
      <ErrorAlert error={error} />

      <section className="panel" aria-labelledby={`${id}-search`}>
        <h2 id={`${id}-search`}>{t.library.searchHeading}</h2>
        <form role="search" aria-labelledby={`${id}-search`} onSubmit={(event) => event.preventDefault()} className="field">
          <label htmlFor={`${id}-q`}>{t.library.search}</label>
          <input id={`${id}-q`} type="search" value={query} maxLength={500} onChange={(event) => setQuery(event.target.value)} />
        </form>
        <p role="status" className="result-count">
          {searching ? t.library.searching : hits === null ? '' : hits.hits.length === 0 ? t.library.noResults : t.library.results(hits.hits.length, fmt.number(hits.hits.length))}
        </p>
        {hits !== null && hits.hits.length > 0 && <SearchResults hits={hits.hits} onOpen={open} />}
      </section>

      {opened && <ArchivedItemViewer page={opened} onClose={() => { setOpened(null); opener.current?.focus(); }} />}

      <section className="panel" aria-labelledby={`${id}-archives`}>
        <h2 id={`${id}-archives`}>{t.library.archivesHeading}</h2>
        {archives !== null && archives.length === 0 && (
          <div className="empty-state">
            <p>{t.library.noArchivesYet}</p>
            <button type="button" className="button" onClick={onGoToArchive}>{t.library.goToArchive}</button>
          </div>
        )}
        {archives !== null && archives.length > 0 && (
          <>
            <ArchivesTable archives={archives} />
            <VerifyPanel label={t.library.verify} />
          </>
        )}
      </section>
    </section>
  );
}
