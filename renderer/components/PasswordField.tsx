import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
}

export function PasswordField({ id, label, value, onChange }: Props) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-button">
        <input
          id={id} type={visible ? 'text' : 'password'} autoComplete="current-password" spellCheck={false} required
          value={value} onChange={(event) => onChange(event.target.value)}
        />
        <button type="button" className="button button-small" aria-controls={id} aria-pressed={visible} onClick={() => setVisible(!visible)}>
          {t.connect.showPassword}
        </button>
      </div>
    </div>
  );
}
