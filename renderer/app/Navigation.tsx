import { useI18n } from '../i18n/i18n-context.tsx';
import { SCREENS, type ScreenName } from './screens.ts';

export function Navigation({ current, onNavigate }: { current: ScreenName; onNavigate(screen: ScreenName): void }) {
  const { t } = useI18n();
  return (
    <nav className="app-nav" aria-label={t.app.navLabel}>
      <ol>
        {SCREENS.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className="nav-button"
              aria-current={screen === current ? 'page' : undefined}
              onClick={() => onNavigate(screen)}
            >
              {t.nav[screen]}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
