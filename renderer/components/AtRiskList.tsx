import type { Overview } from '../../shared/contract.ts';
import { MIGRATION_REQUESTS, type MigrationRequest } from '../../shared/model.ts';
import { atRiskItems, spacesAtRisk } from '../app/at-risk.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { itemsWithSize } from '../i18n/phrases.ts';
import { VerdictBadge } from './VerdictBadge.tsx';

const SHOWN = 8;

function isMigrationRequest(value: string | null): value is MigrationRequest {
  return (MIGRATION_REQUESTS as readonly (string | null)[]).includes(value);
}

/** The spaces with most at risk, each with the reason for its verdict. */
export function AtRiskList({ overview, onShowSpace, onShowAll }: { overview: Overview; onShowSpace(id: string): void; onShowAll(): void }) {
  const i18n = useI18n();
  const { t, fmt, language } = i18n;
  const spaces = spacesAtRisk(overview);
  if (spaces.length === 0) return <p>{t.overview.atRiskNone}</p>;
  // The overview lists the spaces most at risk of a very large account; atRiskSpaces has them all.
  const hidden = Math.max(spaces.length, overview.atRiskSpaces.length) - SHOWN;
  return (
    <>
      <ul className="at-risk-list">
        {spaces.slice(0, SHOWN).map((space) => {
          const items = atRiskItems(space.counts);
          return (
            <li key={space.id} className="at-risk-space">
              <div className="at-risk-head">
                <VerdictBadge verdict={space.verdict} />
                <span className="at-risk-title">{space.title}</span>
                <span className="at-risk-kind">{t.kinds[space.kind]}</span>
              </div>
              <p className="at-risk-count">{t.overview.atRiskCount(itemsWithSize(i18n, items, space.atRiskBytes))}</p>
              <p className="at-risk-reason">{space.reason[language]}</p>
              {space.kind === 'twinspace' && isMigrationRequest(space.migrationRequest) && (
                <p className="at-risk-reason">{t.migrationRequests[space.migrationRequest]}</p>
              )}
              <button type="button" className="button button-small" onClick={() => onShowSpace(space.id)} aria-label={t.overview.showItemsOf(space.title)}>
                {t.overview.showItems}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="at-risk-more">
        {hidden > 0 && <span>{t.overview.atRiskMore(t.common.spaces(hidden, fmt.number(hidden)))} </span>}
        <button type="button" className="button button-link" onClick={onShowAll}>{t.overview.allItems}</button>
      </p>
    </>
  );
}
