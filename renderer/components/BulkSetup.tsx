import { useCallback, useId, useState, type FormEvent } from 'react';
import type { AppInfo, BulkSignIn, BulkSource, BulkState, Settings } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { BulkAddColleague } from './BulkAddColleague.tsx';
import { BulkColleagueCard, type ColleagueChange } from './BulkColleagueCard.tsx';
import { BulkSourcePanel } from './BulkSourcePanel.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { FolderField } from './FolderField.tsx';

interface Props {
  info: AppInfo;
  settings: Settings;
  state: BulkState;
  apply(state: BulkState): void;
}

function initialSource(state: BulkState): BulkSource {
  return state.source ?? { kind: 'platform', baseUrl: 'https://live.etwinning.net' };
}

/** Before the run: the platform, the colleagues one by one, and where their folders go. */
export function BulkSetup({ info, settings, state, apply }: Props) {
  const api = useApi();
  const { t } = useI18n();
  const id = useId();
  const [source, setSource] = useState<BulkSource>(() => initialSource(state));
  const [destination, setDestination] = useState(settings.defaultDestination ?? '');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const locked = state.colleagues.length > 0;

  const add = async (signIn: BulkSignIn): Promise<BulkState> => {
    // The platform is settled when the first colleague signs in on it.
    if (!locked) apply(await api['bulk.setSource'](source.kind === 'platform' ? { ...source, baseUrl: source.baseUrl.trim() } : source));
    const next = await api['bulk.addColleague'](signIn);
    apply(next);
    return next;
  };

  const applied = useCallback(async (call: Promise<BulkState>): Promise<BulkState> => {
    const next = await call;
    apply(next);
    return next;
  }, [apply]);

  const listSpaces = useCallback((colleagueId: string) => api['bulk.listSpaces']({ colleagueId }), [api]);

  const start = (event: FormEvent) => {
    event.preventDefault();
    if (state.colleagues.length === 0) {
      setError(t.bulk.noColleagues);
      return;
    }
    if (destination.trim() === '') {
      setInvalid(true);
      setError(t.bulk.noFolder);
      return;
    }
    setInvalid(false);
    setError(null);
    setBusy(true);
    api['bulk.start']({ destination: destination.trim() }).then(
      (next) => {
        setBusy(false);
        apply(next);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };

  return (
    <>
      <BulkSourcePanel choice={locked ? initialSource(state) : source} locked={locked} onChange={setSource} />
      <BulkAddColleague info={info} onAdd={add} />

      <section className="panel" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t.bulk.listHeading}</h2>
        {state.colleagues.length === 0 ? (
          <p className="empty-state">{t.bulk.listEmpty}</p>
        ) : (
          <ul className="bulk-colleagues">
            {state.colleagues.map((colleague) => (
              <BulkColleagueCard
                key={colleague.id} colleague={colleague} listSpaces={listSpaces}
                onUpdate={(change: ColleagueChange) => applied(api['bulk.updateColleague']({ colleagueId: colleague.id, ...change }))}
                onRemove={() => applied(api['bulk.removeColleague']({ colleagueId: colleague.id }))}
              />
            ))}
          </ul>
        )}
      </section>

      <form className="form" onSubmit={start} noValidate>
        <section className="panel" aria-labelledby={`${id}-where`}>
          <h2 id={`${id}-where`}>{t.bulk.whereHeading}</h2>
          <FolderField
            id={`${id}-destination`} info={info} label={t.bulk.destination} hint={t.bulk.destinationHint} pickerTitle={t.archive.chooseFolderTitle}
            value={destination} invalid={invalid} onChange={(value) => { setDestination(value); setInvalid(false); }}
          />
        </section>
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="button button-primary button-large" disabled={busy}>{busy ? t.bulk.starting : t.bulk.start}</button>
        </div>
      </form>
    </>
  );
}
