import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCurrentRuleSet } from '../../electron/core/rules/load-rule-set.ts';
import { resourcesPath } from '../../electron/core/resources-path.ts';
import { createZoneCalendar, dateOfDayNumber } from '../../shared/rules/calendar.ts';
import type { ItemFacts, SpaceFacts } from '../../shared/rules/classification.ts';
import { createRulesEngine } from '../../shared/rules/rules-engine.ts';
import { RULE_IDS, type ItemType } from '../../shared/model.ts';

const ruleSet = loadCurrentRuleSet();
const account = { email: 'an.peeters@school.example', hasEtwinningAccount: true };

function engine(margin = 1, euLoginEmail: string | null = 'an.peeters@school.example') {
  return createRulesEngine(ruleSet, { margin, euLoginEmail });
}

function group(...at: (string | { at: string; kind: 'login' | 'page' | 'forum' })[]): SpaceFacts {
  return {
    kind: 'group',
    activity: at.map((entry) => (typeof entry === 'string' ? { at: entry, kind: 'page' } : entry)),
  };
}

function item(type: ItemType, createdAt: string, extra: Partial<ItemFacts> = {}): ItemFacts {
  return { type, createdAt, ...extra };
}

function verdictOfGroupItem(space: SpaceFacts, createdAt: string, margin = 1) {
  const rules = engine(margin);
  const classification = rules.classifySpace(space);
  const { verdict, rule } = rules.classifySpaceItem(item('page', createdAt), { kind: space.kind, classification });
  return [verdict, rule];
}

describe('Brussels calendar days', () => {
  const brussels = createZoneCalendar('Europe/Brussels');
  const day = (iso: string) => dateOfDayNumber(brussels.dayOf(iso));

  it.each([
    ['2018-06-30T23:30:00Z', '2018-07-01'], // summer time, UTC+2
    ['2018-06-30T21:59:59Z', '2018-06-30'],
    ['2018-06-30T22:00:00Z', '2018-07-01'],
    ['2020-12-31T23:30:00Z', '2021-01-01'], // winter time, UTC+1
    ['2020-12-31T22:59:59Z', '2020-12-31'],
    ['2022-02-21T23:30:00Z', '2022-02-22'],
    ['2021-03-28T00:59:59Z', '2021-03-28'], // spring forward at 01:00 UTC
    ['2021-03-28T22:00:00Z', '2021-03-29'],
    ['2021-10-31T22:59:00Z', '2021-10-31'], // after fall back, UTC+1 again
    ['2021-10-31T23:00:00Z', '2021-11-01'],
    ['2018-07-01T00:30:00+02:00', '2018-07-01'],
    ['2018-07-01T00:30:00-05:00', '2018-07-01'],
    ['2018-06-30T20:30:00-05:00', '2018-07-01'],
  ])('%s is %s in Brussels', (instant, expected) => {
    expect(day(instant)).toBe(expected);
  });
});

describe('group rules', () => {
  it('G1: activity inside 2021-01-01..2022-02-21 migrates', () => {
    expect(engine().classifySpace(group('2019-04-02T09:00:00Z', '2021-06-10T14:00:00Z'))).toMatchObject({ verdict: 'migrates', rule: 'G1' });
  });
  it('G2: no activity in 2021 or 2022 is lost', () => {
    expect(engine().classifySpace(group('2019-10-10T09:00:00Z', '2020-11-02T12:00:00Z'))).toMatchObject({ verdict: 'lost', rule: 'G2' });
    expect(engine().classifySpace(group())).toMatchObject({ verdict: 'lost', rule: 'G2' });
    expect(engine().classifySpace(group('2023-01-05T12:00:00Z'))).toMatchObject({ verdict: 'lost', rule: 'G2' });
  });
  it('G1G2: activity in 2021-2022 but only after the window is uncertain', () => {
    expect(engine().classifySpace(group('2022-05-03T08:00:00Z'))).toMatchObject({ verdict: 'uncertain', rule: 'G1G2' });
  });
  it('ignores logins: a group whose only 2021 entry is a login', () => {
    const space = group({ at: '2021-03-03T10:00:00Z', kind: 'login' }, { at: '2022-06-01T10:00:00Z', kind: 'forum' });
    expect(engine().classifySpace(space)).toMatchObject({ verdict: 'uncertain', rule: 'G1G2' });
    const onlyLogins = group({ at: '2021-03-03T10:00:00Z', kind: 'login' });
    expect(engine().classifySpace(onlyLogins)).toMatchObject({ verdict: 'lost', rule: 'G2' });
  });
  it('MARGIN: the only activity on the window start edge (Brussels 2021-01-01)', () => {
    const space = group('2020-12-31T23:30:00Z');
    expect(engine(1).classifySpace(space)).toMatchObject({ verdict: 'uncertain', rule: 'MARGIN' });
    expect(engine(0).classifySpace(space)).toMatchObject({ verdict: 'migrates', rule: 'G1' });
  });
  it('MARGIN: activity on the window end day 2022-02-21 in Brussels', () => {
    const space = group('2022-02-21T12:00:00Z');
    expect(engine(1).classifySpace(space)).toMatchObject({ verdict: 'uncertain', rule: 'MARGIN' });
    expect(engine(0).classifySpace(space)).toMatchObject({ verdict: 'migrates', rule: 'G1' });
  });
  it('a day after the window end (Brussels 2022-02-22) is G1G2, and with margin 2 MARGIN-near but plain uncertain stays G1G2', () => {
    const space = group('2022-02-21T23:30:00Z');
    expect(engine(1).classifySpace(space)).toMatchObject({ verdict: 'uncertain', rule: 'G1G2' });
    expect(engine(2).classifySpace(space)).toMatchObject({ verdict: 'uncertain', rule: 'G1G2' });
  });
  it('a day before the window start is lost with margin 1, uncertain with margin 2', () => {
    const space = group('2020-12-31T12:00:00Z');
    expect(engine(1).classifySpace(space)).toMatchObject({ verdict: 'lost', rule: 'G2' });
    expect(engine(2).classifySpace(space)).toMatchObject({ verdict: 'uncertain', rule: 'MARGIN' });
  });
  it('the group-life end edge (Brussels 2022-12-31) alone', () => {
    const space = group('2022-12-31T22:30:00Z'); // Brussels 2022-12-31 23:30
    expect(engine(1).classifySpace(space)).toMatchObject({ verdict: 'uncertain', rule: 'G1G2' });
    const after = group('2022-12-31T23:30:00Z'); // Brussels 2023-01-01: outside, near with margin 2
    expect(engine(1).classifySpace(after)).toMatchObject({ verdict: 'lost', rule: 'G2' });
    expect(engine(2).classifySpace(after)).toMatchObject({ verdict: 'uncertain', rule: 'MARGIN' });
  });
  it('an edge date does not matter when another date decides clearly', () => {
    const space = group('2020-12-31T23:30:00Z', '2021-06-10T14:00:00Z');
    expect(engine(1).classifySpace(space)).toMatchObject({ verdict: 'migrates', rule: 'G1' });
  });
  it('refuses a margin outside 0..30', () => {
    expect(() => engine(31)).toThrow(/0 to 30/);
    expect(() => engine(-1)).toThrow(/0 to 30/);
    expect(() => engine(1.5)).toThrow(/0 to 30/);
  });
});

describe('TwinSpace rules', () => {
  it.each([
    ['none', 'lost', 'T1'],
    ['requested', 'uncertain', 'T1R'],
    ['confirmed', 'migrates', 'T1C'],
  ] as const)('migrationRequest %s is %s (%s), and so is every item', (migrationRequest, verdict, rule) => {
    const rules = engine();
    const space: SpaceFacts = { kind: 'twinspace', migrationRequest, activity: [{ at: '2021-06-01T00:00:00Z', kind: 'page' }] };
    const classification = rules.classifySpace(space);
    expect(classification).toMatchObject({ verdict, rule });
    expect(rules.classifySpaceItem(item('journal-entry', '2015-01-01T00:00:00Z'), { kind: 'twinspace', classification }))
      .toMatchObject({ verdict, rule });
  });
});

describe('worked examples of the rules page (margin 1)', () => {
  const activeGroup = group('2021-06-10T12:00:00Z');
  it.each([
    ['page created 2019-03-01', '2019-03-01T10:00:00Z', ['migrates', 'G1']],
    ['page created 2017-05-01', '2017-05-01T10:00:00Z', ['lost', 'G3']],
    ['page created Brussels 2018-07-01 00:30', '2018-06-30T22:30:00Z', ['uncertain', 'MARGIN']],
    ['page created Brussels 2018-07-02', '2018-07-01T23:30:00Z', ['migrates', 'G1']],
  ])('%s in a group active on 2021-06-10', (_name, createdAt, expected) => {
    expect(verdictOfGroupItem(activeGroup, createdAt)).toEqual(expected);
  });
  it('material in a group whose last activity was 2020-11-02', () => {
    expect(verdictOfGroupItem(group('2020-11-02T12:00:00Z'), '2019-10-10T09:00:00Z')).toEqual(['lost', 'G2']);
  });
  it('forum post in a group active only on 2022-05-03', () => {
    expect(verdictOfGroupItem(group('2022-05-03T08:00:00Z'), '2022-05-03T09:00:00Z')).toEqual(['uncertain', 'G1G2']);
  });
  it('an item created before the cutoff in an uncertain group is lost (G3)', () => {
    expect(verdictOfGroupItem(group('2022-05-03T08:00:00Z'), '2016-01-01T09:00:00Z')).toEqual(['lost', 'G3']);
  });
  it('the cutoff edge with margin 0 follows the plain dates', () => {
    expect(verdictOfGroupItem(activeGroup, '2018-06-30T22:30:00Z', 0)).toEqual(['migrates', 'G1']);
    expect(verdictOfGroupItem(activeGroup, '2018-06-30T21:30:00Z', 0)).toEqual(['lost', 'G3']);
  });
  it('with margin 3 the days around the cutoff are uncertain on either side', () => {
    expect(verdictOfGroupItem(activeGroup, '2018-06-29T10:00:00Z', 3)).toEqual(['uncertain', 'MARGIN']);
    expect(verdictOfGroupItem(activeGroup, '2018-07-03T10:00:00Z', 3)).toEqual(['uncertain', 'MARGIN']);
    expect(verdictOfGroupItem(activeGroup, '2018-06-28T10:00:00Z', 3)).toEqual(['lost', 'G3']);
    expect(verdictOfGroupItem(activeGroup, '2018-07-04T10:00:00Z', 3)).toEqual(['migrates', 'G1']);
  });
});

describe('personal items', () => {
  const classify = (facts: ItemFacts, euLoginEmail: string | null = ' An.Peeters@school.example ', hasEtwinningAccount = true) => {
    const { verdict, rule } = engine(1, euLoginEmail).classifyPersonalItem(facts, { ...account, hasEtwinningAccount });
    return [verdict, rule];
  };
  it('A1: the profile follows the EU Login e-mail, trimmed and case-folded', () => {
    expect(classify(item('profile', '2015-01-10T10:00:00Z'))).toEqual(['migrates', 'A1']);
    expect(classify(item('profile-photo', '2015-01-10T10:00:00Z'), 'someone.else@school.example')).toEqual(['lost', 'A1']);
    expect(classify(item('profile', '2015-01-10T10:00:00Z'), null)).toEqual(['uncertain', 'A1']);
    expect(classify(item('profile', '2015-01-10T10:00:00Z'), '   ')).toEqual(['uncertain', 'A1']);
  });
  it('A2 is checked first: SEG data of a user who also has eTwinning', () => {
    expect(classify(item('profile', '2020-01-01T00:00:00Z', { origin: 'seg' }))).toEqual(['lost', 'A2']);
    expect(classify(item('project', '2020-01-01T00:00:00Z', { origin: 'seg' }))).toEqual(['lost', 'A2']);
    expect(classify(item('profile', '2020-01-01T00:00:00Z', { origin: 'seg' }), ' An.Peeters@school.example ', false)).toEqual(['migrates', 'A1']);
  });
  it('PF1: portfolio activities before the cutoff are lost, after follow A1, on the edge uncertain', () => {
    expect(classify(item('portfolio-activity', '2016-10-12T10:00:00Z'))).toEqual(['lost', 'PF1']);
    expect(classify(item('portfolio-activity', '2020-10-12T10:00:00Z'))).toEqual(['migrates', 'A1']);
    expect(classify(item('portfolio-activity', '2020-10-12T10:00:00Z'), 'x@y.z')).toEqual(['lost', 'A1']);
    expect(classify(item('portfolio-activity', '2018-06-30T22:30:00Z'))).toEqual(['uncertain', 'MARGIN']);
  });
  it.each([
    [item('photo', '2019-05-05T10:00:00Z'), ['lost', 'PH1']],
    [item('contact', '2017-01-01T00:00:00Z'), ['lost', 'C1']],
    [item('follower', '2021-01-01T00:00:00Z'), ['lost', 'C1']],
    [item('event', '2021-02-03T15:00:00Z', { organizer: 'user' }), ['lost', 'E1']],
    [item('event', '2021-02-02T15:00:00Z', { organizer: 'nso' }), ['uncertain', 'E2']],
    [item('event', '2021-02-02T15:00:00Z', { organizer: 'css' }), ['uncertain', 'E2']],
    [item('message', '2019-01-01T00:00:00Z'), ['uncertain', 'M1']],
    [item('project', '2019-09-01T08:00:00Z'), ['migrates', 'P1']],
    [item('page', '2019-09-01T08:00:00Z'), ['uncertain', 'U1']],
  ])('%o is %o', (facts, expected) => {
    expect(classify(facts)).toEqual(expected);
  });
});

describe('the rule set', () => {
  const faq = readFileSync(resourcesPath('faq', 'esep-faq-nl-2023-10-17.txt'), 'utf8');
  it('has every rule id with reasons in English and Dutch', () => {
    for (const id of RULE_IDS) {
      const rule = ruleSet.rules[id];
      expect(rule, id).toBeDefined();
      for (const variant of Object.values(rule?.variants ?? {})) {
        expect(variant.reason.en.length).toBeGreaterThan(10);
        expect(variant.reason.nl.length).toBeGreaterThan(10);
        expect(variant.reason.nl).not.toBe(variant.reason.en);
      }
    }
  });
  it('quotes the FAQ word for word', () => {
    for (const [id, rule] of Object.entries(ruleSet.rules)) {
      for (const [name, variant] of Object.entries(rule.variants)) {
        expect(faq.includes(variant.quote), `${id}/${name}: ${variant.quote}`).toBe(true);
      }
    }
  });
  it('keeps the dates and the margin as data', () => {
    expect(ruleSet).toMatchObject({
      timeZone: 'Europe/Brussels',
      contentCutoff: '2018-07-01',
      groupWindow: { from: '2021-01-01', to: '2022-02-21' },
      groupLife: { from: '2021-01-01', to: '2022-12-31' },
      margin: { default: 1, min: 0, max: 30 },
    });
  });
  it('every classification the engine can make has text to show', () => {
    const rules = engine();
    const judged = rules.judge({ verdict: 'uncertain', rule: 'MARGIN', variant: 'cutoff' });
    expect(judged.reason.nl).toContain('1 juli 2018');
    expect(rules.judge({ verdict: 'lost', rule: 'A1', variant: 'differs' }).reason.en).toContain('change your EU Login e-mail');
  });
});
