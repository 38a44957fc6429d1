import { useId, type ReactNode } from 'react';

export interface CheckboxOption<V extends string> {
  value: V;
  label: ReactNode;
}

interface Props<V extends string> {
  legend: string;
  /** Keeps the legend for screen readers only, where a visible heading already says it. */
  hideLegend?: boolean;
  options: readonly CheckboxOption<V>[];
  selected: readonly V[];
  onChange(selected: V[]): void;
  className?: string;
}

export function CheckboxList<V extends string>({ legend, hideLegend, options, selected, onChange, className }: Props<V>) {
  const id = useId();
  const chosen = new Set(selected);
  const toggle = (value: V, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(value);
    else next.delete(value);
    onChange(options.map((option) => option.value).filter((each) => next.has(each)));
  };
  return (
    <fieldset className={`checkbox-list ${className ?? ''}`}>
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      <ul>
        {options.map((option, index) => (
          <li key={option.value}>
            <input
              type="checkbox" id={`${id}-${index}`} checked={chosen.has(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label htmlFor={`${id}-${index}`}>{option.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
