import { useCallback, useId, useState, type KeyboardEvent } from 'react';
import type { BulkColleague, BulkSpace, BulkState } from '../../shared/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { BulkSpacesChooser } from './BulkSpacesChooser.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

export interface ColleagueChange {
  spaces?: string[] | null;
  folder?: string;
}

interface Props {
  colleague: BulkColleague;
  onUpdate(change: ColleagueChange): Promise<BulkState>;
  onRemove(): Promise<BulkState>;
  listSpaces(colleagueId: string): Promise<BulkSpace[]>;
}

/** One colleague before the run: who, their folder, and what to archive for them. */
export function BulkColleagueCard({ colleague, onUpdate, onRemove, listSpaces }: Props) {
  const { t } = useI18n();
  const id = useId();
  const name = colleague.name || colleague.login;
  const [folder, setFolder] = useState(colleague.folder);
  const [folderInvalid, setFolderInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const update = (change: ColleagueChange) => {
    setError(null);
    return onUpdate(change).then(
      (state) => {
        setFolderInvalid(false);
        const updated = state.colleagues.find((candidate) => candidate.id === colleague.id);
        // The core makes the name safe; show what it will be.
        if (change.folder !== undefined && updated) setFolder(updated.folder);
      },
      (failure: unknown) => {
        if (change.folder !== undefined) setFolderInvalid(true);
        setError(failure);
      },
    );
  };

  const commitFolder = () => {
    if (folder.trim() === colleague.folder) {
      setFolderInvalid(false);
      return;
    }
    void update({ folder: folder.trim() === '' ? folder : folder.trim() });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    commitFolder();
  };

  const spacesOf = useCallback(() => listSpaces(colleague.id), [listSpaces, colleague.id]);

  return (
    <li className="bulk-colleague" aria-labelledby={`${id}-h`}>
      <div className="bulk-colleague-head">
        <h3 id={`${id}-h`}>{name}</h3>
        <span className="hint">{t.bulk.colleagueLine(colleague.login, colleague.email)}</span>
        <button
          type="button" className="button button-small bulk-remove" disabled={busy} aria-label={t.bulk.removeNamed(name)}
          onClick={() => {
            setBusy(true);
            setError(null);
            onRemove().catch((failure: unknown) => {
              setBusy(false);
              setError(failure);
            });
          }}
        >
          {t.bulk.remove}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-folder`}>
          {t.bulk.folder}<span className="visually-hidden">{t.bulk.ofColleague(name)}</span>
        </label>
        <input
          id={`${id}-folder`} type="text" spellCheck={false} autoComplete="off" value={folder}
          onChange={(event) => setFolder(event.target.value)} onBlur={commitFolder} onKeyDown={onKeyDown}
          aria-invalid={folderInvalid ? 'true' : undefined} aria-describedby={`${id}-folder-hint`}
        />
        <p className="hint" id={`${id}-folder-hint`}>{t.bulk.folderHint}</p>
      </div>
      <BulkSpacesChooser colleague={colleague} listSpaces={spacesOf} onChange={(spaces) => void update({ spaces })} />
      <ErrorAlert error={error} />
    </li>
  );
}
