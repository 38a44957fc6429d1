export const SCREENS = ['connect', 'overview', 'items', 'archive', 'library', 'report', 'bulk', 'settings'] as const;
export type ScreenName = (typeof SCREENS)[number];
