import type { SearchHit } from '../../shared/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Snippet } from './Snippet.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

export function SearchResults({ hits, onOpen }: { hits: readonly SearchHit[]; onOpen(hit: SearchHit): void }) {
  const { t } = useI18n();
  return (
    <ol className="search-results">
      {hits.map((hit) => (
        <li key={hit.itemId} className="search-hit">
          <div className="hit-head">
            <h3 className="hit-title">{hit.title || t.common.untitled}</h3>
            <VerdictBadge verdict={hit.verdict} />
            <span className="hit-type">{t.itemTypes[hit.type]}</span>
          </div>
          <Snippet text={hit.snippet} />
          {hit.archiveId === null ? (
            <p className="hint">{t.library.notArchived}</p>
          ) : (
            <button type="button" className="button button-small" onClick={() => onOpen(hit)} aria-label={t.library.openNamed(hit.title || t.common.untitled)}>
              {t.library.open}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
