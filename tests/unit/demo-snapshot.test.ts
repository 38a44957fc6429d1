import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  SnapshotSchema, type Snapshot, type SnapshotItem, type SnapshotSpace,
} from '../../electron/core/sample-platform/snapshot-schema.ts';
import type { RuleId, Verdict } from '../../shared/model.ts';
import { DEMO_SNAPSHOT_PATH, formatSnapshot, makeDemoSnapshot } from '../../scripts/make-demo-snapshot.ts';
import { DELETED_ITEM_ID } from '../../scripts/demo-snapshot/special-content.ts';

const committedText = readFileSync(DEMO_SNAPSHOT_PATH, 'utf8');
const demo: Snapshot = SnapshotSchema.parse(JSON.parse(committedText));
const accountByLogin = new Map(demo.accounts.map((account) => [account.login, account]));
const spaceById = new Map(demo.spaces.map((space) => [space.id, space]));
const itemById = new Map(demo.items.map((item) => [item.id, item]));
const lotte = accountByLogin.get('lotte.janssens');
const files = demo.items.filter((item) => item.file);
const groups = demo.spaces.filter((space) => space.kind === 'group');
const twinSpaces = demo.spaces.filter((space) => space.kind === 'twinspace');

// --- An independent reading of migration-rules.md (margin 1), to count which rules the world exercises.

const brusselsDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });
const dateOf = (stamp: string): string => brusselsDay.format(new Date(stamp));
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const near = (date: string, boundary: string, margin: number): boolean =>
  Math.abs(dayNumber(date) - dayNumber(boundary)) < margin;
type Judged = readonly [Verdict, RuleId];
const CUTOFF = '2018-07-01';
/** The rules of migration-rules.md, every one of which the demo world must exercise. */
const DOCUMENTED_RULES: readonly RuleId[] = [
  'G1', 'G2', 'G1G2', 'MARGIN', 'G3', 'T1', 'T1R', 'T1C', 'A1', 'A2', 'PF1', 'PH1', 'C1', 'E1', 'E2', 'M1', 'P1',
];

function contentDates(space: SnapshotSpace): string[] {
  return space.activity
    .filter((entry) => typeof entry === 'string' || entry.kind !== 'login')
    .map((entry) => dateOf(typeof entry === 'string' ? entry : entry.at));
}

function judgeGroup(space: SnapshotSpace, margin: number): Judged {
  const dates = contentDates(space);
  const holds = (from: string, to: string, mode: 'plain' | 'pessimistic' | 'optimistic'): boolean =>
    dates.some((date) => {
      const inside = date >= from && date <= to;
      if (mode === 'plain' || !(near(date, from, margin) || near(date, to, margin))) return inside;
      return mode === 'optimistic';
    });
  const verdictFor = (mode: 'plain' | 'pessimistic' | 'optimistic'): Judged => {
    if (holds('2021-01-01', '2022-02-21', mode)) return ['migrates', 'G1'];
    if (!holds('2021-01-01', '2022-12-31', mode)) return ['lost', 'G2'];
    return ['uncertain', 'G1G2'];
  };
  const plain = verdictFor('plain');
  const agree = [verdictFor('pessimistic'), verdictFor('optimistic')].every(([verdict]) => verdict === plain[0]);
  if (agree) return plain;
  return ['uncertain', plain[0] === 'uncertain' ? 'G1G2' : 'MARGIN'];
}

function judgeSpace(space: SnapshotSpace, margin: number): Judged {
  if (space.kind === 'group') return judgeGroup(space, margin);
  if (space.migrationRequest === 'confirmed') return ['migrates', 'T1C'];
  return space.migrationRequest === 'requested' ? ['uncertain', 'T1R'] : ['lost', 'T1'];
}

function judgeItem(snapshot: Snapshot, item: SnapshotItem, margin: number, euLoginEmail: string): Judged {
  const owner = snapshot.accounts.find((account) => account.id === item.owner);
  if (item.space !== null) {
    const space = snapshot.spaces.find((candidate) => candidate.id === item.space);
    if (!space) throw new Error(`no space ${item.space}`);
    const judged = judgeSpace(space, margin);
    if (space.kind === 'twinspace' || judged[0] === 'lost') return judged;
    const date = dateOf(item.createdAt);
    if (near(date, CUTOFF, margin)) return ['uncertain', 'MARGIN'];
    return date < CUTOFF ? ['lost', 'G3'] : judged;
  }
  if (item.origin === 'seg' && owner?.hasEtwinningAccount) return ['lost', 'A2'];
  const profileVerdict: Judged = owner?.email.trim().toLowerCase() === euLoginEmail.trim().toLowerCase()
    ? ['migrates', 'A1'] : ['lost', 'A1'];
  switch (item.type) {
    case 'profile':
    case 'profile-photo':
      return profileVerdict;
    case 'portfolio-activity': {
      const date = dateOf(item.createdAt);
      if (near(date, CUTOFF, margin)) return ['uncertain', 'MARGIN'];
      return date < CUTOFF ? ['lost', 'PF1'] : profileVerdict;
    }
    case 'photo':
      return ['lost', 'PH1'];
    case 'contact':
    case 'follower':
      return ['lost', 'C1'];
    case 'event':
      return item.organizer === 'user' ? ['lost', 'E1'] : ['uncertain', 'E2'];
    case 'message':
      return ['uncertain', 'M1'];
    case 'project':
      return ['migrates', 'P1'];
    default:
      throw new Error(`unexpected personal item type ${item.type}`);
  }
}

const visibleTo = (accountId: string): SnapshotItem[] => demo.items.filter((item) => (item.space === null
  ? item.owner === accountId
  : spaceById.get(item.space)?.members.includes(accountId)));
const count = <T>(list: readonly T[], keyOf: (entry: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const entry of list) counts.set(keyOf(entry), (counts.get(keyOf(entry)) ?? 0) + 1);
  return counts;
};
const bodyLinks = (item: SnapshotItem): string[] =>
  [...(item.body ?? '').matchAll(/\b(?:href|src)="([^"]*)"/g)].map((match) => match[1] ?? '');
const bytesOf = (item: SnapshotItem): number => {
  const content = item.file?.content;
  if (!content) return 0;
  if (content.kind === 'generated') return content.size;
  return content.kind === 'text' ? Buffer.byteLength(content.text) : Buffer.from(content.data, 'base64').length;
};

describe('the demo snapshot', () => {
  it('is exactly what scripts/make-demo-snapshot.ts writes now', () => {
    const generated = formatSnapshot(makeDemoSnapshot());
    expect(committedText === generated, 'resources/snapshots/demo.json is stale: run npx tsx scripts/make-demo-snapshot.ts').toBe(true);
    expect(formatSnapshot(makeDemoSnapshot())).toBe(generated);
  });

  it('passes the snapshot schema, with unique ids and logins', () => {
    expect(SnapshotSchema.safeParse(makeDemoSnapshot()).success).toBe(true);
    const ids = [...demo.accounts, ...demo.spaces, ...demo.items].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(accountByLogin.size).toBe(demo.accounts.length);
  });

  it('links every item to an existing space, owner and parent, and every space to existing members', () => {
    const accountIds = new Set(demo.accounts.map((account) => account.id));
    for (const space of demo.spaces) {
      expect(space.members.length, space.id).toBeGreaterThan(0);
      for (const member of space.members) expect(accountIds.has(member), `${space.id} member ${member}`).toBe(true);
    }
    const allowedParents: Record<string, string[]> = {
      'forum-post': ['forum-thread'],
      comment: ['page', 'forum-post'],
      material: ['page', 'forum-post', 'forum-thread', 'journal-entry'],
    };
    for (const item of demo.items) {
      expect(accountIds.has(item.owner), `${item.id} owner`).toBe(true);
      if (item.space === null) continue;
      const space = spaceById.get(item.space);
      expect(space, `${item.id} space ${item.space}`).toBeDefined();
      expect(space?.members.includes(item.owner), `${item.id} owner is a member`).toBe(true);
      expect(Date.parse(item.createdAt), `${item.id} after its space`).toBeGreaterThanOrEqual(Date.parse(space?.createdAt ?? ''));
      if (item.parent) {
        const parent = itemById.get(item.parent);
        expect(parent?.space, `${item.id} parent in the same space`).toBe(item.space);
        expect(allowedParents[item.type], `${item.id} may have a parent`).toContain(parent?.type);
        expect(Date.parse(item.createdAt)).toBeGreaterThanOrEqual(Date.parse(parent?.createdAt ?? ''));
      } else {
        expect(['forum-post', 'comment'], `${item.id} needs a parent`).not.toContain(item.type);
      }
    }
  });

  it('writes every timestamp as ISO 8601 with Z or an offset', () => {
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$/;
    const stamps = [
      ...demo.spaces.flatMap((space) => [space.createdAt, ...space.activity.map((entry) => (typeof entry === 'string' ? entry : entry.at))]),
      ...demo.items.flatMap((item) => [item.createdAt, ...(item.updatedAt ? [item.updatedAt] : [])]),
    ];
    for (const stamp of stamps) expect(stamp).toMatch(iso);
    expect(stamps.some((stamp) => stamp.endsWith('Z'))).toBe(true);
    expect(stamps.some((stamp) => stamp.endsWith('+02:00'))).toBe(true);
    expect(stamps.some((stamp) => stamp.endsWith('+03:00'))).toBe(true);
  });

  it('has the demo teacher, her ICT coordinator, the NSO moderator and partner teachers, all with password demo', () => {
    expect(lotte).toMatchObject({
      name: 'Lotte Janssens', email: 'lotte.janssens@school.example', hasEtwinningAccount: true, hasSegAccount: true,
    });
    expect(accountByLogin.has('koen.desmet')).toBe(true);
    expect(accountByLogin.has('nso.moderator')).toBe(true);
    expect(demo.accounts.length).toBeGreaterThanOrEqual(4);
    for (const account of demo.accounts) expect(account.password).toBe('demo');
  });

  it('is big and varied enough for demos', () => {
    const nso = accountByLogin.get('nso.moderator')?.id ?? '';
    const koen = accountByLogin.get('koen.desmet')?.id ?? '';
    const lotteId = lotte?.id ?? '';
    expect(groups.length).toBeGreaterThanOrEqual(45);
    expect(twinSpaces.length).toBeGreaterThanOrEqual(15);
    expect(groups.filter((group) => group.members.includes(nso)).length).toBeGreaterThanOrEqual(40);
    const shared = demo.spaces.filter((space) => space.members.includes(koen) && space.members.includes(lotteId));
    expect(shared.filter((space) => space.kind === 'group').length).toBeGreaterThanOrEqual(2);
    expect(shared.filter((space) => space.kind === 'twinspace').length).toBeGreaterThanOrEqual(1);
    expect(groups.filter((group) => group.members.length >= 3).length).toBeGreaterThanOrEqual(20);
    const years = new Set(demo.spaces.map((space) => Number(dateOf(space.createdAt).slice(0, 4))));
    for (let year = 2012; year <= 2023; year += 1) expect(years.has(year), `a space created in ${year}`).toBe(true);
    expect(demo.items.length).toBeGreaterThanOrEqual(400);
    expect(demo.items.length).toBeLessThanOrEqual(600);
    const visible = visibleTo(lotteId).length;
    expect(visible).toBeGreaterThanOrEqual(150);
    expect(visible).toBeLessThanOrEqual(250);
    const types = count(demo.items, (item) => item.type);
    for (const type of ['page', 'forum-thread', 'forum-post', 'journal-entry', 'material', 'comment']) {
      expect(types.get(type) ?? 0, type).toBeGreaterThanOrEqual(20);
    }
  });

  it('reads the public cases the way the rules say, so the counts below mean something', () => {
    const cases = SnapshotSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/public-cases.json', import.meta.url), 'utf8')));
    for (const margin of [0, 1]) {
      const expected = JSON.parse(readFileSync(new URL(`../fixtures/public-cases.expected-margin${margin}.json`, import.meta.url), 'utf8')) as {
        spaces: Record<string, Judged>; items: Record<string, Judged>;
      };
      for (const space of cases.spaces) expect(judgeSpace(space, margin), space.id).toEqual(expected.spaces[space.id]);
      for (const item of cases.items) {
        expect(judgeItem(cases, item, margin, ' An.Peeters@school.example '), item.id).toEqual(expected.items[item.id]);
      }
    }
  });

  it('exercises every group rule, among them for the demo teacher', () => {
    const lotteId = lotte?.id ?? '';
    const rules = count(groups, (group) => judgeGroup(group, 1)[1]);
    const lotteRules = count(groups.filter((group) => group.members.includes(lotteId)), (group) => judgeGroup(group, 1)[1]);
    for (const rule of ['G1', 'G2', 'G1G2', 'MARGIN']) {
      expect(rules.get(rule) ?? 0, rule).toBeGreaterThanOrEqual(2);
      expect(lotteRules.get(rule) ?? 0, `${rule} for Lotte`).toBeGreaterThanOrEqual(1);
    }
    expect(rules.get('G1') ?? 0).toBeGreaterThanOrEqual(15);
    expect(rules.get('G2') ?? 0).toBeGreaterThanOrEqual(15);
    // With margin 0 no date is near, so the MARGIN groups fall to a plain rule.
    expect(groups.some((group) => judgeGroup(group, 0)[1] === 'MARGIN')).toBe(false);
  });

  it('has activity timelines with bare timestamps, {at, kind} entries, logins and Brussels edge days', () => {
    const entries = demo.spaces.flatMap((space) => space.activity);
    expect(entries.some((entry) => typeof entry === 'string')).toBe(true);
    expect(entries.some((entry) => typeof entry !== 'string' && entry.kind === 'login')).toBe(true);
    for (const kind of ['page', 'forum', 'material', 'wall']) {
      expect(entries.some((entry) => typeof entry !== 'string' && entry.kind === kind), kind).toBe(true);
    }
    const stamps = entries.map((entry) => (typeof entry === 'string' ? entry : entry.at));
    for (const edge of ['2020-12-31T23:30:00Z', '2022-02-21T22:30:00Z', '2022-02-21T23:30:00Z', '2022-12-31T22:30:00Z', '2022-12-31T23:30:00Z']) {
      expect(stamps, edge).toContain(edge);
    }
    // A group whose only entries in 2021 are logins: logging in is not activity.
    const onlyLoginsIn2021 = groups.filter((group) => {
      const in2021 = group.activity.filter((entry) => dateOf(typeof entry === 'string' ? entry : entry.at).startsWith('2021'));
      return in2021.length > 0 && in2021.every((entry) => typeof entry !== 'string' && entry.kind === 'login');
    });
    expect(onlyLoginsIn2021.map((group) => judgeGroup(group, 1)[1])).toEqual(expect.arrayContaining(['G2', 'G1G2']));
  });

  it('has TwinSpaces without, with and with a confirmed migration request, each visible to the demo teacher', () => {
    for (const request of ['none', 'requested', 'confirmed'] as const) {
      const mine = twinSpaces.filter((space) => space.migrationRequest === request && space.members.includes(lotte?.id ?? ''));
      expect(mine.length, request).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives the demo teacher items under every rule, with the cutoff edge in Brussels time', () => {
    const visible = visibleTo(lotte?.id ?? '');
    const judged = visible.map((item) => judgeItem(demo, item, 1, 'lotte.janssens@school.example'));
    const rules = count(judged, ([, rule]) => rule);
    for (const rule of DOCUMENTED_RULES) expect(rules.get(rule) ?? 0, rule).toBeGreaterThanOrEqual(1);
    expect(rules.get('G3') ?? 0).toBeGreaterThanOrEqual(10);
    const inLiveGroups = demo.items.filter((item) => item.space !== null && spaceById.get(item.space)?.kind === 'group'
      && judgeGroup(spaceById.get(item.space) as SnapshotSpace, 1)[0] !== 'lost');
    const cutoffEdge = inLiveGroups.filter((item) => dateOf(item.createdAt) === CUTOFF);
    expect(cutoffEdge.map((item) => item.createdAt)).toEqual(expect.arrayContaining(['2018-06-30T22:30:00Z']));
    expect(inLiveGroups.filter((item) => dateOf(item.createdAt) < CUTOFF).length).toBeGreaterThanOrEqual(20);
    expect(inLiveGroups.filter((item) => dateOf(item.createdAt) > CUTOFF).length).toBeGreaterThanOrEqual(20);
    // The local date says 1 July, Brussels says 30 June.
    expect(inLiveGroups.some((item) => item.createdAt.startsWith('2018-07-01') && dateOf(item.createdAt) === '2018-06-30')).toBe(true);
  });

  it('gives the demo teacher every kind of personal item', () => {
    const mine = demo.items.filter((item) => item.space === null && item.owner === lotte?.id);
    const types = count(mine, (item) => item.type);
    for (const type of ['profile', 'profile-photo', 'photo', 'contact', 'follower', 'portfolio-activity', 'event', 'message', 'project']) {
      expect(types.get(type) ?? 0, type).toBeGreaterThanOrEqual(1);
    }
    expect(mine.find((item) => item.type === 'profile-photo')?.file).toBeDefined();
    expect(new Set(mine.filter((item) => item.type === 'event').map((item) => item.organizer))).toEqual(new Set(['user', 'nso', 'css']));
    expect(mine.filter((item) => item.type === 'message').every((item) => (item.body ?? '').length > 0)).toBe(true);
    expect(mine.filter((item) => item.origin === 'seg').length).toBeGreaterThanOrEqual(1);
    const portfolioDates = mine.filter((item) => item.type === 'portfolio-activity').map((item) => dateOf(item.createdAt));
    expect(portfolioDates.some((date) => date < CUTOFF)).toBe(true);
    expect(portfolioDates).toContain(CUTOFF);
    expect(portfolioDates.some((date) => date > CUTOFF)).toBe(true);
  });

  it('links items to items and files exactly as the platform serves them', () => {
    let contentLinks = 0;
    let fileLinks = 0;
    let images = 0;
    for (const item of demo.items) {
      for (const link of bodyLinks(item)) {
        const content = /^\/content\/([^/]+)$/.exec(link);
        if (content) {
          contentLinks += 1;
          if (content[1] !== DELETED_ITEM_ID) expect(itemById.has(content[1] ?? ''), `${item.id} links ${link}`).toBe(true);
        }
        const file = /^\/files\/([^/]+)\/([^/]+)$/.exec(link);
        if (file) {
          fileLinks += 1;
          const target = itemById.get(file[1] ?? '');
          expect(target?.file, `${item.id} links ${link}`).toBeDefined();
          expect(file[2], `${item.id} links ${link}`).toBe(encodeURIComponent(target?.file?.name ?? ''));
          expect(target?.space, `${item.id} links a file of its own space`).toBe(item.space);
        }
        if (link.startsWith('/')) expect(content ?? file, `${item.id} has an unknown platform link ${link}`).not.toBeNull();
      }
      images += (item.body ?? '').match(/<img src="\/files\//g)?.length ?? 0;
    }
    expect(itemById.has(DELETED_ITEM_ID)).toBe(false);
    expect(contentLinks).toBeGreaterThanOrEqual(20);
    expect(fileLinks).toBeGreaterThanOrEqual(60);
    expect(images).toBeGreaterThanOrEqual(15);
  });

  it('embeds videos and carries hostile HTML for the archiver to neutralise', () => {
    const bodies = demo.items.map((item) => item.body ?? '');
    const some = (pattern: RegExp): number => bodies.filter((body) => pattern.test(body)).length;
    expect(some(/<iframe[^>]+src="https:\/\/www\.youtube(?:-nocookie)?\.com\/embed\//)).toBeGreaterThanOrEqual(3);
    expect(some(/<iframe[^>]+src="https:\/\/player\.vimeo\.com\/video\//)).toBeGreaterThanOrEqual(2);
    expect(some(/href="https:\/\/(?:www\.youtube\.com\/watch|youtu\.be\/)/)).toBeGreaterThanOrEqual(2);
    expect(some(/href="https:\/\/vimeo\.com\//)).toBeGreaterThanOrEqual(2);
    expect(some(/<script/i)).toBeGreaterThanOrEqual(1);
    expect(some(/\son\w+="/i)).toBeGreaterThanOrEqual(2);
    expect(some(/href="javascript:/i)).toBeGreaterThanOrEqual(3);
    expect(some(/<img src="https:\/\/tracker\.example\/pixel\.gif/)).toBeGreaterThanOrEqual(2);
  });

  it('names files in every script and in ways no file system likes', () => {
    const names = files.map((item) => item.file?.name ?? '');
    const has = (pattern: RegExp, label: string): void => {
      expect(names.some((name) => pattern.test(name)), label).toBe(true);
    };
    has(/[àâçéèêëïîôûü]/, 'accents');
    has(/ij|\u0133/i, 'Dutch ij');
    has(/\u0133/, 'the ij ligature');
    has(/\p{Script=Greek}/u, 'Greek');
    has(/\p{Script=Cyrillic}/u, 'Cyrillic');
    has(/\p{Script=Arabic}/u, 'Arabic');
    has(/\p{Script=Han}/u, 'Chinese');
    has(/\p{Extended_Pictographic}/u, 'emoji');
    has(/ {2}/, 'runs of spaces');
    has(/^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i, 'a reserved Windows name');
    has(/[?:<>|"*]/, 'characters Windows refuses');
    has(/[. ]$/, 'a trailing dot or space');
    has(/\u202e/, 'a bidi override');
    has(/\.\.[/\\]/, 'a parent-directory step');
    has(/e\u0301/, 'a decomposed accent');
    expect(names.some((name) => Buffer.byteLength(name) > 300), 'a name over 300 bytes').toBe(true);
    for (const title of ['Greek', 'Cyrillic', 'Arabic', 'Han']) {
      const pattern = new RegExp(`\\p{Script=${title}}`, 'u');
      expect(demo.spaces.some((space) => pattern.test(space.title)), `a ${title} space title`).toBe(true);
      expect(demo.items.some((item) => !item.file && pattern.test(item.title)), `a ${title} item title`).toBe(true);
    }
    const spellings = new Map<string, Set<string>>();
    for (const item of files) {
      const name = item.file?.name ?? '';
      const key = `${item.space} ${name.toLowerCase()}`;
      spellings.set(key, (spellings.get(key) ?? new Set()).add(name));
    }
    expect([...spellings.values()].some((spelled) => spelled.size > 1), 'names differing only by case in one space').toBe(true);
  });

  it('keeps media and the file itself small, with sizes a classroom would have', () => {
    const types = new Set(files.map((item) => item.file?.mediaType));
    for (const type of ['image/png', 'image/jpeg', 'application/pdf', 'text/csv', 'text/plain',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document']) {
      expect(types.has(type), type).toBe(true);
    }
    for (const item of files) {
      const content = item.file?.content;
      if (content?.kind !== 'generated') continue;
      expect(content.size, item.id).toBeGreaterThanOrEqual(2048);
      expect(content.size, item.id).toBeLessThanOrEqual(1_500_000);
    }
    expect(Math.max(...files.map(bytesOf))).toBeGreaterThanOrEqual(1_000_000);
    expect(files.reduce((total, item) => total + bytesOf(item), 0)).toBeLessThanOrEqual(8_000_000);
    expect(Buffer.byteLength(committedText)).toBeLessThanOrEqual(1_500_000);
  });

  it('has real PNG images, a real PDF and a real CSV', () => {
    const crcTable = Array.from({ length: 256 }, (_, index) => {
      let crc = index;
      for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
      return crc >>> 0;
    });
    const crc32 = (bytes: Buffer): number =>
      (bytes.reduce((crc, byte) => (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;
    const pngs = files.filter((item) => item.file?.content.kind === 'base64' && item.file.mediaType === 'image/png');
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    for (const item of pngs) {
      const bytes = Buffer.from(item.file?.content.kind === 'base64' ? item.file.content.data : '', 'base64');
      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      let offset = 8;
      const chunks: { type: string; data: Buffer }[] = [];
      while (offset < bytes.length) {
        const length = bytes.readUInt32BE(offset);
        const typed = bytes.subarray(offset + 4, offset + 8 + length);
        expect(bytes.readUInt32BE(offset + 8 + length), `${item.id} chunk CRC`).toBe(crc32(typed));
        chunks.push({ type: typed.subarray(0, 4).toString('latin1'), data: typed.subarray(4) });
        offset += 12 + length;
      }
      expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
      const header = chunks[0]?.data ?? Buffer.alloc(13);
      const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
      expect(inflateSync(chunks[2]?.data ?? Buffer.alloc(0)).length).toBe(height * (width + 1));
    }
    const pdf = files.find((item) => item.file?.mediaType === 'application/pdf' && item.file.content.kind === 'text');
    const text = pdf?.file?.content.kind === 'text' ? pdf.file.content.text : '';
    expect(text.startsWith('%PDF-1.')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(offsets.length).toBeGreaterThanOrEqual(5);
    offsets.forEach((objectAt, index) => expect(text.slice(objectAt).startsWith(`${index + 1} 0 obj`)).toBe(true));
    const stream = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text);
    expect(Buffer.byteLength(stream?.[2] ?? '')).toBe(Number(stream?.[1]));
    const csv = files.find((item) => item.file?.mediaType === 'text/csv' && item.file.content.kind === 'text');
    const rows = csv?.file?.content.kind === 'text' ? csv.file.content.text.trim().split('\r\n') : [];
    expect(rows.length).toBeGreaterThanOrEqual(3);
  });
});
