import { useEffect, useRef, type RefObject } from 'react';

/**
 * When a view replaces the control that had focus (a form becomes a progress view, results
 * replace a spinner), focus falls to <body> and a keyboard user is lost: put it on `target`.
 * Only when focus was inside `container` last, so a fresh page load keeps its natural start.
 */
export function useRefocusWhenLost(container: RefObject<HTMLElement | null>, target: RefObject<HTMLElement | null>, view: string): void {
  const hadFocus = useRef(false);

  useEffect(() => {
    const track = (event: FocusEvent) => {
      hadFocus.current = event.target instanceof Node && (container.current?.contains(event.target) ?? false);
    };
    document.addEventListener('focusin', track);
    return () => document.removeEventListener('focusin', track);
  }, [container]);

  useEffect(() => {
    const active = document.activeElement;
    if (hadFocus.current && (active === null || active === document.body)) target.current?.focus();
  }, [target, view]);
}
