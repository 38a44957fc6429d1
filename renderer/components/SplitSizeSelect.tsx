import { useI18n } from '../i18n/i18n-context.tsx';
import { DEFAULT_SPLIT_SIZE, NO_SPLIT, SPLIT_SIZES } from './split-sizes.ts';

/** Sizes are shown in GB as people say them; the values are whole GiB, as the CLI uses. */
function gigabytes(bytes: number): number {
  return Math.round(bytes / 1024 ** 3);
}

interface Props {
  id: string;
  value: number;
  onChange(value: number): void;
  describedBy?: string;
}

export function SplitSizeSelect({ id, value, onChange, describedBy }: Props) {
  const { t, fmt } = useI18n();
  const options: number[] = SPLIT_SIZES.includes(value as never) ? [...SPLIT_SIZES] : [...SPLIT_SIZES, value].sort((a, b) => a - b);
  const label = (size: number): string => {
    if (size === NO_SPLIT) return t.split.noSplit;
    const text = size % 1024 ** 3 === 0 ? `${fmt.number(gigabytes(size))} GB` : fmt.bytes(size);
    return size === DEFAULT_SPLIT_SIZE ? t.split.fat32(text) : text;
  };
  return (
    <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))} aria-describedby={describedBy}>
      {options.map((size) => <option key={size} value={size}>{label(size)}</option>)}
    </select>
  );
}
