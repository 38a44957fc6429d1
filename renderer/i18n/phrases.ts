import type { I18n } from './i18n-context.tsx';

/** "17 items (1.2 MB)", or "17 items" when they hold no files: "0 B" would only puzzle. */
export function itemsWithSize({ t, fmt }: I18n, count: number, bytes: number): string {
  const items = t.common.items(count, fmt.number(count));
  return bytes > 0 ? t.common.withSize(items, fmt.bytes(bytes)) : items;
}
