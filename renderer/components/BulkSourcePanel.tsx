import { useId } from 'react';
import type { BulkSource } from '../../shared/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

interface Props {
  choice: BulkSource;
  /** Colleagues signed in on the current platform: it cannot change under them. */
  locked: boolean;
  onChange(choice: BulkSource): void;
}

/** Which platform the colleagues are on: the real one (its address) or the sample platform. */
export function BulkSourcePanel({ choice, locked, onChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  const baseUrl = choice.kind === 'platform' ? choice.baseUrl : '';
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.bulk.sourceHeading}</h2>
      <fieldset className="radio-group bulk-source" disabled={locked} aria-describedby={locked ? `${id}-locked` : undefined}>
        <legend>{t.bulk.sourceLegend}</legend>
        <div className="field-check">
          <input
            type="radio" id={`${id}-platform`} name={`${id}-source`} checked={choice.kind === 'platform'}
            onChange={() => onChange({ kind: 'platform', baseUrl: baseUrl || 'https://live.etwinning.net' })}
          />
          <label htmlFor={`${id}-platform`}>{t.bulk.sourcePlatform}</label>
        </div>
        {choice.kind === 'platform' && (
          <div className="field bulk-source-url">
            <label htmlFor={`${id}-url`}>{t.connect.baseUrl}</label>
            <input
              id={`${id}-url`} type="url" inputMode="url" autoComplete="url" spellCheck={false} required
              value={baseUrl} onChange={(event) => onChange({ kind: 'platform', baseUrl: event.target.value })} aria-describedby={`${id}-url-hint`}
            />
            <p className="hint" id={`${id}-url-hint`}>{t.connect.baseUrlHint}</p>
          </div>
        )}
        <div className="field-check">
          <input type="radio" id={`${id}-sample`} name={`${id}-source`} checked={choice.kind === 'sample'} onChange={() => onChange({ kind: 'sample' })} />
          <label htmlFor={`${id}-sample`}>{t.bulk.sourceSample}</label>
        </div>
      </fieldset>
      {locked && <p className="hint" id={`${id}-locked`}>{t.bulk.sourceLocked}</p>}
    </section>
  );
}
