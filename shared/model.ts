export const VERDICTS = ['migrates', 'lost', 'uncertain'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const RULE_IDS = [
  'G1', 'G2', 'G1G2', 'MARGIN', 'G3',
  'T1', 'T1R', 'T1C',
  'A1', 'A2', 'PF1', 'PH1', 'C1', 'E1', 'E2', 'M1', 'P1', 'U1',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SPACE_KINDS = ['group', 'twinspace'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

export const MIGRATION_REQUESTS = ['none', 'requested', 'confirmed'] as const;
export type MigrationRequest = (typeof MIGRATION_REQUESTS)[number];

export const ACTIVITY_KINDS = ['page', 'forum', 'material', 'wall', 'login'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const SPACE_ITEM_TYPES = [
  'page', 'forum-thread', 'forum-post', 'journal-entry', 'material', 'comment',
] as const;
export const PERSONAL_ITEM_TYPES = [
  'profile', 'profile-photo', 'photo', 'contact', 'follower',
  'portfolio-activity', 'event', 'message', 'project',
] as const;
export const ITEM_TYPES = [...SPACE_ITEM_TYPES, ...PERSONAL_ITEM_TYPES] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const EVENT_ORGANIZERS = ['user', 'nso', 'css'] as const;
export type EventOrganizer = (typeof EVENT_ORGANIZERS)[number];

export const ITEM_ORIGINS = ['etwinning', 'seg'] as const;
export type ItemOrigin = (typeof ITEM_ORIGINS)[number];

export interface Localized {
  en: string;
  nl: string;
}

/** A verdict with everything a person needs to trust it. */
export interface Judgement {
  verdict: Verdict;
  rule: RuleId;
  reason: Localized;
  quote: string;
}

export function isAtRisk(verdict: Verdict): boolean {
  return verdict !== 'migrates';
}
