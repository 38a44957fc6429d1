import type {
  ActivityKind, EventOrganizer, ItemOrigin, ItemType, MigrationRequest, RuleId, SpaceKind, Verdict,
} from '../model.ts';

/** A verdict and the rule behind it; `variant` picks the reason text within the rule. */
export interface Classification {
  verdict: Verdict;
  rule: RuleId;
  variant: string;
}

export interface ClassifySettings {
  /** Days around a boundary date that count as "near" (0-30; 1 = only the day itself). */
  margin: number;
  /** The user's EU Login e-mail, or null when not given. */
  euLoginEmail: string | null;
}

export interface SpaceFacts {
  kind: SpaceKind;
  migrationRequest?: MigrationRequest | undefined;
  activity: readonly { at: string; kind: ActivityKind }[];
}

export interface ItemFacts {
  type: ItemType;
  createdAt: string;
  origin?: ItemOrigin | undefined;
  organizer?: EventOrganizer | undefined;
}

export interface AccountFacts {
  email: string;
  hasEtwinningAccount: boolean;
}
