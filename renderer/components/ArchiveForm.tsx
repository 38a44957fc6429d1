import { useId, useRef, useState, type FormEvent } from 'react';
import type { AppInfo, ArchiveStart, Overview, Settings } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { atRiskSelection } from '../app/at-risk.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { SpacePicker } from './SpacePicker.tsx';
import { SplitSizeSelect } from './SplitSizeSelect.tsx';

interface Props {
  info: AppInfo;
  settings: Settings;
  overview: Overview;
  preselected: string[] | null;
  onStart(args: ArchiveStart): Promise<void>;
}

export function ArchiveForm({ info, settings, overview, preselected, onStart }: Props) {
  const api = useApi();
  const { t } = useI18n();
  const id = useId();
  const folderRef = useRef<HTMLInputElement>(null);
  const [spaces, setSpaces] = useState<string[]>(() => preselected ?? atRiskSelection(overview));
  const [include, setInclude] = useState<ArchiveStart['include']>('at-risk');
  const [destination, setDestination] = useState(settings.defaultDestination ?? '');
  const [splitSize, setSplitSize] = useState(settings.splitSize);
  const [mustType, setMustType] = useState(info.shell === 'web');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<'spaces' | 'folder' | null>(null);

  const chooseFolder = () => {
    setError(null);
    api['dialog.chooseFolder']({ title: t.archive.chooseFolderTitle }).then(
      (folder) => {
        if (folder !== null) {
          setDestination(folder);
          setInvalid(null);
        } else if (info.shell === 'web') {
          setMustType(true);
          folderRef.current?.focus();
        }
      },
      setError,
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (spaces.length === 0) {
      setInvalid('spaces');
      setError(t.archive.noSpaces);
      return;
    }
    if (destination.trim() === '') {
      setInvalid('folder');
      setError(t.archive.noFolder);
      folderRef.current?.focus();
      return;
    }
    setInvalid(null);
    setError(null);
    setBusy(true);
    onStart({ spaces, destination: destination.trim(), include, splitSize }).catch((failure: unknown) => {
      setBusy(false);
      setError(failure);
    });
  };

  return (
    <form className="form archive-form" onSubmit={submit} noValidate>
      <section className="panel" aria-labelledby={`${id}-what`}>
        <h2 id={`${id}-what`}>{t.archive.whatHeading}</h2>
        <SpacePicker overview={overview} selected={spaces} onChange={(next) => { setSpaces(next); if (next.length > 0 && invalid === 'spaces') setInvalid(null); }} />
        <fieldset className="radio-group">
          <legend>{t.archive.includeLegend}</legend>
          {(['at-risk', 'all'] as const).map((value) => (
            <div key={value} className="field-check">
              <input type="radio" id={`${id}-include-${value}`} name={`${id}-include`} value={value} checked={include === value} onChange={() => setInclude(value)} />
              <label htmlFor={`${id}-include-${value}`}>{value === 'at-risk' ? t.archive.includeAtRisk : t.archive.includeAll}</label>
            </div>
          ))}
        </fieldset>
      </section>

      <section className="panel" aria-labelledby={`${id}-where`}>
        <h2 id={`${id}-where`}>{t.archive.whereHeading}</h2>
        <div className="field">
          <label htmlFor={`${id}-folder`}>{t.archive.folder}</label>
          <div className="input-with-button">
            <input
              ref={folderRef} id={`${id}-folder`} type="text" required spellCheck={false} autoComplete="off"
              value={destination} onChange={(event) => setDestination(event.target.value)}
              aria-invalid={invalid === 'folder' ? 'true' : undefined} aria-describedby={`${id}-folder-hint`}
            />
            <button type="button" className="button" onClick={chooseFolder}>{t.archive.chooseFolder}</button>
          </div>
          <p className="hint" id={`${id}-folder-hint`}>{mustType ? t.archive.folderTypeHint : t.archive.folderHint}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-split`}>{t.archive.splitSize}</label>
          <SplitSizeSelect id={`${id}-split`} value={splitSize} onChange={setSplitSize} describedBy={`${id}-split-hint`} />
          <p className="hint" id={`${id}-split-hint`}>{t.archive.splitHint}</p>
        </div>
      </section>

      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button button-primary button-large" disabled={busy}>
          {busy ? t.archive.starting : t.archive.start}
        </button>
      </div>
    </form>
  );
}
