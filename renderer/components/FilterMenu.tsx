import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * A disclosure that shows a long checkbox list over the page: Escape or a click elsewhere
 * closes it, and focus returns to its button.
 */
export function FilterMenu({ label, count, children }: { label: string; count: number; children: ReactNode }) {
  const { t, fmt } = useI18n();
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const close = (event: MouseEvent) => {
      const details = ref.current;
      if (details?.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  return (
    <details
      ref={ref}
      className="filter-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && ref.current?.open) {
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className="button button-small">
        {t.items.filterSummary(label, count === 0 ? t.items.filterAll : t.items.filterChosen(fmt.number(count)))}
      </summary>
      <div className="filter-panel">{children}</div>
    </details>
  );
}
