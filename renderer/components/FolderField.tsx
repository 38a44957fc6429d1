import { useRef, useState } from 'react';
import type { AppInfo } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

interface Props {
  id: string;
  info: AppInfo;
  label: string;
  hint: string;
  /** The native picker's title. */
  pickerTitle: string;
  value: string;
  invalid: boolean;
  onChange(value: string): void;
}

/** A folder's full path: typed, or chosen with the native picker where there is one. */
export function FolderField({ id, info, label, hint, pickerTitle, value, invalid, onChange }: Props) {
  const api = useApi();
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [mustType, setMustType] = useState(info.shell === 'web');
  const [error, setError] = useState<unknown>(null);

  const choose = () => {
    setError(null);
    api['dialog.chooseFolder']({ title: pickerTitle }).then(
      (folder) => {
        if (folder !== null) {
          onChange(folder);
        } else if (info.shell === 'web') {
          setMustType(true);
          inputRef.current?.focus();
        }
      },
      setError,
    );
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-button">
        <input
          ref={inputRef} id={id} type="text" required spellCheck={false} autoComplete="off"
          value={value} onChange={(event) => onChange(event.target.value)}
          aria-invalid={invalid ? 'true' : undefined} aria-describedby={`${id}-hint`}
        />
        <button type="button" className="button" onClick={choose}>{t.archive.chooseFolder}</button>
      </div>
      <p className="hint" id={`${id}-hint`}>{mustType ? `${hint} ${t.archive.folderTypeHint}` : hint}</p>
      <ErrorAlert error={error} />
    </div>
  );
}
