import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** Someone else's password (a colleague's) must not be filled in from the person's own. */
  autoComplete?: 'current-password' | 'off';
}

export function PasswordField({ id, label, value, onChange, autoComplete = 'current-password' }: Props) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-button">
        <input
          id={id} type={visible ? 'text' : 'password'} autoComplete={autoComplete} spellCheck={false} required
          value={value} onChange={(event) => onChange(event.target.value)}
        />
        <button type="button" className="button button-small" aria-controls={id} aria-pressed={visible} onClick={() => setVisible(!visible)}>
          {t.connect.showPassword}
        </button>
      </div>
    </div>
  );
}
