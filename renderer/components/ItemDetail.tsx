import type { ItemRow } from '../../shared/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { FaqQuote } from './FaqQuote.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

/** Everything behind one item's verdict: the reason in the user's language and the FAQ sentence. */
export function ItemDetail({ item, headingId }: { item: ItemRow | null; headingId: string }) {
  const { t, fmt } = useI18n();
  return (
    <section className="item-detail panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.items.detailHeading}</h2>
      {item === null ? (
        <p className="hint">{t.items.detailEmpty}</p>
      ) : (
        <>
          <h3 className="detail-title">{item.title || t.common.untitled}</h3>
          <p><VerdictBadge verdict={item.verdict} /></p>
          <p className="detail-meaning">{t.verdictMeanings[item.verdict]}</p>
          <dl className="facts">
            <div><dt>{t.items.detailType}</dt><dd>{t.itemTypes[item.type]}</dd></div>
            <div><dt>{t.items.detailSpace}</dt><dd>{item.spaceTitle ?? t.common.personalItems}</dd></div>
            <div><dt>{t.items.detailCreated}</dt><dd>{fmt.dateTime(item.createdAt)}</dd></div>
            {item.size > 0 && <div><dt>{t.items.detailSize}</dt><dd>{fmt.bytes(item.size)}</dd></div>}
          </dl>
          <FaqQuote rule={item.rule} reason={item.reason} quote={item.quote} />
        </>
      )}
    </section>
  );
}
