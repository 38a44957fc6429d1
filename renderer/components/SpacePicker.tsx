import { useId } from 'react';
import type { Overview } from '../../shared/contract.ts';
import { atRiskItems, atRiskSelection, PERSONAL_SPACE } from '../app/at-risk.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { itemsWithSize } from '../i18n/phrases.ts';
import { VerdictIcon } from './VerdictIcon.tsx';

interface Props {
  overview: Overview;
  selected: readonly string[];
  onChange(selected: string[]): void;
}

/** Which spaces (and the personal items) an archive takes; at-risk ones first. */
export function SpacePicker({ overview, selected, onChange }: Props) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const id = useId();
  const chosen = new Set(selected);
  const spaces = [...overview.spaces].sort(
    (a, b) => Number(atRiskItems(b.counts) > 0) - Number(atRiskItems(a.counts) > 0) || a.title.localeCompare(b.title),
  );
  const allIds = [PERSONAL_SPACE, ...spaces.map((space) => space.id)];
  // An account with very many spaces lists only those most at risk: the others at risk stay chosen.
  const listed = new Set(allIds);
  const unlisted = selected.filter((each) => !listed.has(each));
  const toggle = (value: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(value);
    else next.delete(value);
    onChange([...allIds.filter((each) => next.has(each)), ...unlisted]);
  };
  const personalAtRisk = atRiskItems(overview.personal.counts);

  return (
    <fieldset className="space-picker">
      <legend>{t.archive.spacesLegend}</legend>
      <div className="actions actions-compact">
        <button type="button" className="button button-small" onClick={() => onChange(atRiskSelection(overview))}>{t.archive.selectAtRisk}</button>
        <button type="button" className="button button-small" onClick={() => onChange([...allIds, ...overview.atRiskSpaces.filter((each) => !listed.has(each))])}>{t.archive.selectAll}</button>
        <button type="button" className="button button-small" onClick={() => onChange([])}>{t.archive.selectNone}</button>
        <span className="hint" aria-live="polite">{t.archive.chosenCount(t.common.spaces(selected.length, fmt.number(selected.length)))}</span>
      </div>
      {unlisted.length > 0 && <p className="hint">{t.archive.alsoChosen(t.common.spaces(unlisted.length, fmt.number(unlisted.length)))}</p>}
      <ul className="space-options">
        <li>
          <input type="checkbox" id={`${id}-personal`} checked={chosen.has(PERSONAL_SPACE)} onChange={(event) => toggle(PERSONAL_SPACE, event.target.checked)} />
          <label htmlFor={`${id}-personal`}>
            <span>{personalAtRisk > 0 ? t.archive.personalOptionAtRisk(t.common.items(personalAtRisk, fmt.number(personalAtRisk))) : t.archive.personalOption}</span>
          </label>
        </li>
        {spaces.map((space, index) => {
          const atRisk = atRiskItems(space.counts);
          return (
            <li key={space.id}>
              <input type="checkbox" id={`${id}-${index}`} checked={chosen.has(space.id)} onChange={(event) => toggle(space.id, event.target.checked)} />
              <label htmlFor={`${id}-${index}`}>
                <VerdictIcon verdict={space.verdict} />
                <span>{t.archive.spaceOption(space.title, t.verdicts[space.verdict], itemsWithSize(i18n, atRisk, space.atRiskBytes))}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
