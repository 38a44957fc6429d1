import { useId } from 'react';
import type { Overview } from '../../shared/contract.ts';
import { ITEM_TYPES, RULE_IDS, VERDICTS, type ItemType, type RuleId, type Verdict } from '../../shared/model.ts';
import { PERSONAL_SPACE } from '../app/at-risk.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { CheckboxList } from './CheckboxList.tsx';
import { FilterMenu } from './FilterMenu.tsx';
import { VerdictIcon } from './VerdictIcon.tsx';

export interface FilterState {
  verdicts: Verdict[];
  rules: RuleId[];
  types: ItemType[];
  spaces: string[];
  text: string;
}

export const NO_FILTERS: FilterState = { verdicts: [], rules: [], types: [], spaces: [], text: '' };

interface Props {
  filters: FilterState;
  overview: Overview;
  onChange(filters: FilterState): void;
}

export function ItemFilters({ filters, overview, onChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  const set = <K extends keyof FilterState>(key: K, value: FilterState[K]) => onChange({ ...filters, [key]: value });
  const spaceOptions = [
    { value: PERSONAL_SPACE, label: t.common.personalItems },
    ...[...overview.spaces].sort((a, b) => a.title.localeCompare(b.title)).map((space) => ({ value: space.id, label: space.title })),
  ];
  const empty = filters.text === '' && filters.verdicts.length + filters.rules.length + filters.types.length + filters.spaces.length === 0;

  return (
    <form className="item-filters" role="search" aria-label={t.items.filtersLabel} onSubmit={(event) => event.preventDefault()}>
      <div className="field field-inline">
        <label htmlFor={`${id}-text`}>{t.items.search}</label>
        <input id={`${id}-text`} type="search" value={filters.text} maxLength={500} onChange={(event) => set('text', event.target.value)} />
      </div>
      <CheckboxList
        className="verdict-filter"
        legend={t.items.verdictFilter}
        options={VERDICTS.map((verdict) => ({
          value: verdict,
          label: <><VerdictIcon verdict={verdict} />{t.verdicts[verdict]}</>,
        }))}
        selected={filters.verdicts}
        onChange={(verdicts) => set('verdicts', verdicts)}
      />
      <FilterMenu label={t.items.ruleFilter} count={filters.rules.length}>
        <CheckboxList
          legend={t.items.ruleFilter} hideLegend
          options={RULE_IDS.map((rule) => ({ value: rule, label: `${rule}: ${t.rules[rule]}` }))}
          selected={filters.rules} onChange={(rules) => set('rules', rules)}
        />
      </FilterMenu>
      <FilterMenu label={t.items.typeFilter} count={filters.types.length}>
        <CheckboxList
          legend={t.items.typeFilter} hideLegend
          options={ITEM_TYPES.map((type) => ({ value: type, label: t.itemTypes[type] }))}
          selected={filters.types} onChange={(types) => set('types', types)}
        />
      </FilterMenu>
      <FilterMenu label={t.items.spaceFilter} count={filters.spaces.length}>
        <CheckboxList legend={t.items.spaceFilter} hideLegend options={spaceOptions} selected={filters.spaces} onChange={(spaces) => set('spaces', spaces)} />
      </FilterMenu>
      <button type="button" className="button button-small" disabled={empty} onClick={() => onChange(NO_FILTERS)}>{t.items.clearFilters}</button>
    </form>
  );
}
