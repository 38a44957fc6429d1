export const SCREENS = ['connect', 'overview', 'items', 'archive', 'library', 'report', 'settings'] as const;
export type ScreenName = (typeof SCREENS)[number];
