import type { Localized } from '../../shared/model.ts';
import type { RuleId } from '../../shared/model.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** The reason in the user's language and the Dutch FAQ sentence it rests on, quoted as is. */
export function FaqQuote({ rule, reason, quote }: { rule: RuleId; reason: Localized; quote: string }) {
  const { t, language } = useI18n();
  return (
    <div className="faq-quote">
      <dl className="facts">
        <div>
          <dt>{t.common.rule}</dt>
          <dd>{rule}: {t.rules[rule]}</dd>
        </div>
        <div>
          <dt>{t.common.reason}</dt>
          <dd>{reason[language]}</dd>
        </div>
      </dl>
      {quote !== '' && (
        <figure className="quote">
          <figcaption>{t.common.faqSays}</figcaption>
          <blockquote lang="nl">
            <p>{quote}</p>
          </blockquote>
          <p className="quote-source">{t.common.faqSource}</p>
        </figure>
      )}
    </div>
  );
}
