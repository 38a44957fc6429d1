import type { Judgement } from '../model.ts';
import { createZoneCalendar, dayNumberOfDate } from './calendar.ts';
import type {
  AccountFacts, Classification, ClassifySettings, ItemFacts, SpaceFacts,
} from './classification.ts';
import { classifyGroup, type DayPeriod } from './group-verdict.ts';
import type { RuleSet } from './ruleset-schema.ts';

export interface RulesEngine {
  readonly ruleSet: RuleSet;
  readonly settings: ClassifySettings;
  classifySpace(space: SpaceFacts): Classification;
  /** An item of a space, given that space's kind and classification. */
  classifySpaceItem(item: ItemFacts, space: { kind: SpaceFacts['kind']; classification: Classification }): Classification;
  /** A personal item of the account (no space). */
  classifyPersonalItem(item: ItemFacts, account: AccountFacts): Classification;
  /** The reason and FAQ sentence behind a classification. */
  judge(classification: Classification): Judgement;
}

function periodDays(period: { from: string; to: string }): DayPeriod {
  return { from: dayNumberOfDate(period.from), to: dayNumberOfDate(period.to) };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createRulesEngine(ruleSet: RuleSet, settings: ClassifySettings): RulesEngine {
  const { min, max } = ruleSet.margin;
  if (!Number.isInteger(settings.margin) || settings.margin < min || settings.margin > max) {
    throw new RangeError(`The margin must be a whole number of days from ${min} to ${max}.`);
  }
  const calendar = createZoneCalendar(ruleSet.timeZone);
  const cutoff = dayNumberOfDate(ruleSet.contentCutoff);
  const window = periodDays(ruleSet.groupWindow);
  const life = periodDays(ruleSet.groupLife);
  const margin = settings.margin;
  const euLoginEmail = settings.euLoginEmail === null ? null : normalizeEmail(settings.euLoginEmail);

  const nearCutoff = (day: number): boolean => Math.abs(day - cutoff) < margin;

  function classifySpace(space: SpaceFacts): Classification {
    if (space.kind === 'twinspace') {
      switch (space.migrationRequest ?? 'none') {
        case 'confirmed': return { verdict: 'migrates', rule: 'T1C', variant: 'space' };
        case 'requested': return { verdict: 'uncertain', rule: 'T1R', variant: 'space' };
        case 'none': return { verdict: 'lost', rule: 'T1', variant: 'space' };
      }
    }
    const days = space.activity
      .filter((entry) => entry.kind !== 'login')
      .map((entry) => calendar.dayOf(entry.at));
    return classifyGroup(days, window, life, margin);
  }

  function classifySpaceItem(
    item: ItemFacts,
    space: { kind: SpaceFacts['kind']; classification: Classification },
  ): Classification {
    const inherited: Classification = { ...space.classification, variant: 'item' };
    if (space.kind === 'twinspace' || space.classification.verdict === 'lost') return inherited;
    const created = calendar.dayOf(item.createdAt);
    if (nearCutoff(created)) return { verdict: 'uncertain', rule: 'MARGIN', variant: 'cutoff' };
    if (created < cutoff) return { verdict: 'lost', rule: 'G3', variant: 'item' };
    return inherited;
  }

  function profileVerdict(account: AccountFacts): Classification {
    if (euLoginEmail === null || euLoginEmail === '') {
      return { verdict: 'uncertain', rule: 'A1', variant: 'unknown' };
    }
    return euLoginEmail === normalizeEmail(account.email)
      ? { verdict: 'migrates', rule: 'A1', variant: 'match' }
      : { verdict: 'lost', rule: 'A1', variant: 'differs' };
  }

  function classifyPersonalItem(item: ItemFacts, account: AccountFacts): Classification {
    if (item.origin === 'seg' && account.hasEtwinningAccount) {
      return { verdict: 'lost', rule: 'A2', variant: 'item' };
    }
    switch (item.type) {
      case 'profile':
      case 'profile-photo':
        return profileVerdict(account);
      case 'portfolio-activity': {
        const created = calendar.dayOf(item.createdAt);
        if (nearCutoff(created)) return { verdict: 'uncertain', rule: 'MARGIN', variant: 'cutoff' };
        if (created < cutoff) return { verdict: 'lost', rule: 'PF1', variant: 'item' };
        return profileVerdict(account);
      }
      case 'photo': return { verdict: 'lost', rule: 'PH1', variant: 'item' };
      case 'contact':
      case 'follower': return { verdict: 'lost', rule: 'C1', variant: 'item' };
      case 'event':
        return item.organizer === 'nso' || item.organizer === 'css'
          ? { verdict: 'uncertain', rule: 'E2', variant: 'item' }
          : { verdict: 'lost', rule: 'E1', variant: 'item' };
      case 'message': return { verdict: 'uncertain', rule: 'M1', variant: 'item' };
      case 'project': return { verdict: 'migrates', rule: 'P1', variant: 'item' };
      default:
        // A space item type outside any space: the FAQ says nothing about it.
        return { verdict: 'uncertain', rule: 'U1', variant: 'item' };
    }
  }

  function judge(classification: Classification): Judgement {
    const rule = ruleSet.rules[classification.rule];
    const variant = rule?.variants[classification.variant] ?? rule?.variants.item ?? rule?.variants.space;
    if (!rule || !variant) {
      throw new Error(`Rule set ${ruleSet.version} has no text for ${classification.rule}/${classification.variant}.`);
    }
    return {
      verdict: classification.verdict,
      rule: classification.rule,
      reason: variant.reason,
      quote: variant.quote,
    };
  }

  return { ruleSet, settings, classifySpace, classifySpaceItem, classifyPersonalItem, judge };
}
