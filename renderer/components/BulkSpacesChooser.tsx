import { useEffect, useId, useState } from 'react';
import type { BulkColleague, BulkSpace } from '../../shared/contract.ts';
import { PERSONAL_SPACE } from '../app/at-risk.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { CheckboxList } from './CheckboxList.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

interface Props {
  colleague: BulkColleague;
  listSpaces(): Promise<BulkSpace[]>;
  /** null: everything at risk. */
  onChange(spaces: string[] | null): void;
}

/** Everything at risk, or only some of the colleague's groups and TwinSpaces (listed once asked for). */
export function BulkSpacesChooser({ colleague, listSpaces, onChange }: Props) {
  const { t, fmt } = useI18n();
  const id = useId();
  const name = colleague.name || colleague.login;
  const [only, setOnly] = useState(colleague.spaces !== null);
  const [selected, setSelected] = useState<string[]>(colleague.spaces ?? []);
  const [spaces, setSpaces] = useState<BulkSpace[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!only || spaces !== null) return;
    let live = true;
    listSpaces().then(
      (listed) => {
        if (live) setSpaces(listed);
      },
      (failure: unknown) => {
        if (live) setError(failure);
      },
    );
    return () => {
      live = false;
    };
  }, [only, spaces, listSpaces]);

  const choose = (next: string[]) => {
    setSelected(next);
    if (next.length > 0) onChange(next);
  };

  const options = [
    { value: PERSONAL_SPACE, label: t.bulk.personalOption },
    ...(spaces ?? []).map((space) => ({
      value: space.id,
      label: t.bulk.spaceOption(space.title, t.kinds[space.kind], t.common.items(space.itemCount, fmt.number(space.itemCount))),
    })),
  ];

  return (
    <fieldset className="radio-group bulk-spaces">
      <legend>{t.bulk.spacesLegend(name)}</legend>
      <div className="field-check">
        <input
          type="radio" id={`${id}-all`} name={`${id}-mode`} checked={!only}
          onChange={() => {
            setOnly(false);
            onChange(null);
          }}
        />
        <label htmlFor={`${id}-all`}>{t.bulk.spacesEverything}</label>
      </div>
      <div className="field-check">
        <input
          type="radio" id={`${id}-only`} name={`${id}-mode`} checked={only}
          onChange={() => {
            setOnly(true);
            if (selected.length > 0) onChange(selected);
          }}
        />
        <label htmlFor={`${id}-only`}>{t.bulk.spacesOnly}</label>
      </div>
      {only && (
        <div className="bulk-space-list">
          {spaces === null && error === null && <p role="status" className="hint">{t.bulk.loadingSpaces}</p>}
          <ErrorAlert error={error} />
          {spaces !== null && (
            <>
              <CheckboxList legend={t.bulk.spacesOnly} hideLegend options={options} selected={selected} onChange={choose} />
              <p className="hint" aria-live="polite">
                {selected.length === 0 ? t.bulk.chooseAtLeastOne : t.bulk.chosen(selected.length, fmt.number(selected.length))}
              </p>
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}
