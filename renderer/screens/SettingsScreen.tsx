import { useId, useState, type FormEvent } from 'react';
import type { AppInfo, Language, SessionStatus, Settings } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { SplitSizeSelect } from '../components/SplitSizeSelect.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

interface Props {
  info: AppInfo;
  settings: Settings;
  account: SessionStatus['account'];
  hasScan: boolean;
  /** `rescan`: a setting the verdicts depend on changed. */
  onSaved(settings: Settings, rescan: boolean): void;
}

type LanguageChoice = Language | 'system';

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export function SettingsScreen({ info, settings, account, hasScan, onSaved }: Props) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const id = useId();
  const [language, setLanguage] = useState<LanguageChoice>(settings.language ?? 'system');
  const [email, setEmail] = useState(settings.euLoginEmail ?? '');
  const [margin, setMargin] = useState(String(settings.margin));
  const [concurrency, setConcurrency] = useState(String(settings.concurrency));
  const [destination, setDestination] = useState(settings.defaultDestination ?? '');
  const [splitSize, setSplitSize] = useState(settings.splitSize);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<'margin' | 'concurrency' | null>(null);
  const [saved, setSaved] = useState<{ rescan: boolean } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const marginValue = wholeNumber(margin, 0, 30);
    if (marginValue === null) {
      setInvalid('margin');
      setError(t.settings.invalidNumber(t.settings.margin, fmt.number(0), fmt.number(30)));
      return;
    }
    const concurrencyValue = wholeNumber(concurrency, 1, 16);
    if (concurrencyValue === null) {
      setInvalid('concurrency');
      setError(t.settings.invalidNumber(t.settings.concurrency, fmt.number(1), fmt.number(16)));
      return;
    }
    setInvalid(null);
    setError(null);
    setBusy(true);
    const next: Settings = {
      language: language === 'system' ? null : language,
      euLoginEmail: email.trim() === '' ? null : email.trim(),
      margin: marginValue,
      concurrency: concurrencyValue,
      defaultDestination: destination.trim() === '' ? null : destination.trim(),
      splitSize,
    };
    api['settings.set'](next).then(
      (stored) => {
        setBusy(false);
        const rescan = hasScan && (stored.margin !== settings.margin || stored.euLoginEmail !== settings.euLoginEmail);
        setSaved({ rescan });
        onSaved(stored, rescan);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };

  return (
    <section className="screen screen-settings" data-testid="screen-settings" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} tabIndex={-1}>{t.settings.heading}</h1>
      <p className="lead">{t.settings.intro}</p>
      <form className="form panel settings-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t.settings.language}</label>
          <select id={`${id}-language`} value={language} onChange={(event) => setLanguage(event.target.value as LanguageChoice)}>
            <option value="system">{t.settings.languageSystem(t.settings.languageNames[info.systemLanguage])}</option>
            <option value="en" lang="en">{t.settings.languageNames.en}</option>
            <option value="nl" lang="nl">{t.settings.languageNames.nl}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t.settings.email}</label>
          <input
            id={`${id}-email`} type="email" autoComplete="email" spellCheck={false} maxLength={320}
            value={email} onChange={(event) => setEmail(event.target.value)} aria-describedby={`${id}-email-hint`}
          />
          <p className="hint" id={`${id}-email-hint`}>{t.settings.emailHint(account?.email ?? '')}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-margin`}>{t.settings.margin}</label>
          <input
            id={`${id}-margin`} type="number" inputMode="numeric" min={0} max={30} step={1} className="input-short"
            value={margin} onChange={(event) => setMargin(event.target.value)}
            aria-invalid={invalid === 'margin' ? 'true' : undefined} aria-describedby={`${id}-margin-hint`}
          />
          <p className="hint" id={`${id}-margin-hint`}>{t.settings.marginHint}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-concurrency`}>{t.settings.concurrency}</label>
          <input
            id={`${id}-concurrency`} type="number" inputMode="numeric" min={1} max={16} step={1} className="input-short"
            value={concurrency} onChange={(event) => setConcurrency(event.target.value)}
            aria-invalid={invalid === 'concurrency' ? 'true' : undefined} aria-describedby={`${id}-concurrency-hint`}
          />
          <p className="hint" id={`${id}-concurrency-hint`}>{t.settings.concurrencyHint}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-destination`}>{t.settings.destination}</label>
          <input
            id={`${id}-destination`} type="text" spellCheck={false} autoComplete="off"
            value={destination} onChange={(event) => setDestination(event.target.value)} aria-describedby={`${id}-destination-hint`}
          />
          <p className="hint" id={`${id}-destination-hint`}>{t.settings.destinationHint}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-split`}>{t.settings.splitSize}</label>
          <SplitSizeSelect id={`${id}-split`} value={splitSize} onChange={setSplitSize} />
        </div>
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>{t.settings.save}</button>
        </div>
        <div role="status" className="status-line">
          {saved && <p>{t.settings.saved}{saved.rescan ? ` ${t.settings.rescanHint}` : ''}</p>}
        </div>
      </form>
    </section>
  );
}
