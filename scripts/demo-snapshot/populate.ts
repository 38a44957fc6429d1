import type { SnapshotItem } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { FILE_NAMES } from './files.ts';
import { seeAlso } from './html.ts';
import type { Rng } from './prng.ts';
import type { FileSpec, SpaceWriter } from './space-writer.ts';
import {
  COMMENT_TEXTS, JOURNAL_TEXTS, PAGE_TEXTS, THREAD_TEXTS, type TextLang,
} from './texts.ts';

/** How much everyday content a space of each size gets: [min, max] per kind. */
type Range = readonly [min: number, max: number];
const AMOUNTS: Record<1 | 2 | 3, Record<'pages' | 'threads' | 'journal', Range>> = {
  1: { pages: [1, 1], threads: [0, 1], journal: [1, 1] },
  2: { pages: [1, 2], threads: [1, 1], journal: [2, 3] },
  3: { pages: [2, 3], threads: [1, 2], journal: [3, 4] },
};

/** Texts of a pool in a per-space order, so a space does not repeat itself. */
function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const copy = [...list];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = rng.int(0, index);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

function everydayFiles(writer: SpaceWriter, lang: TextLang, count: number): FileSpec[] {
  return writer.rng.sample(FILE_NAMES[lang], count).map((pattern) => ({
    name: pattern.replace('{n}', String(writer.rng.int(1, 12))),
  }));
}

function maybeComments(writer: SpaceWriter, parent: SnapshotItem, lang: TextLang, chance: number): void {
  if (!writer.rng.chance(chance)) return;
  for (let count = writer.rng.int(1, 2); count > 0; count -= 1) {
    writer.comment(parent, { html: writer.rng.pick(COMMENT_TEXTS[lang]) });
  }
}

/** Sometimes a pointer to something written earlier in the same space. */
function withSeeAlso(rng: Rng, html: string, linkable: readonly SnapshotItem[], at: number, lang: TextLang, chance: number): string {
  const earlier = linkable.filter((item) => Date.parse(item.createdAt) < at);
  return earlier.length > 0 && rng.chance(chance) ? `${html}${seeAlso(rng.pick(earlier), lang)}` : html;
}

/** Pages, forum threads and (in TwinSpaces) a project diary, as an ordinary space has them. */
export function populateSpace(writer: SpaceWriter, size: 1 | 2 | 3, isTwinSpace: boolean): void {
  const { rng } = writer;
  const amounts = AMOUNTS[size];
  const linkable: SnapshotItem[] = [];
  const pageTexts = { nl: shuffled(rng, PAGE_TEXTS.nl), en: shuffled(rng, PAGE_TEXTS.en) };
  const threadTexts = { nl: shuffled(rng, THREAD_TEXTS.nl), en: shuffled(rng, THREAD_TEXTS.en) };
  const journalTexts = { nl: shuffled(rng, JOURNAL_TEXTS.nl), en: shuffled(rng, JOURNAL_TEXTS.en) };

  for (let count = rng.int(...amounts.pages); count > 0; count -= 1) {
    const lang = writer.lang();
    const text = pageTexts[lang].shift();
    if (!text) break;
    const at = writer.randomMoment();
    const files = rng.chance(0.35) ? everydayFiles(writer, lang, rng.int(1, 2)) : [];
    const page = writer.page({ title: text.title, lang, files, at, html: withSeeAlso(rng, text.html, linkable, at, lang, 0.5) });
    linkable.push(page);
    maybeComments(writer, page, lang, 0.2);
  }

  for (let count = rng.int(...amounts.threads); count > 0; count -= 1) {
    const lang = writer.lang();
    const text = threadTexts[lang].shift();
    if (!text) break;
    const replies = text.replies.slice(0, rng.int(1, size === 1 ? 1 : 2)).map((html) => ({
      html,
      lang,
      files: rng.chance(0.15) ? everydayFiles(writer, lang, 1) : [],
    }));
    const at = writer.randomMoment();
    const html = withSeeAlso(rng, text.html, linkable, at, lang, 0.4);
    const { thread, posts } = writer.thread({ title: text.title, html, lang, at }, replies);
    linkable.push(thread);
    const lastPost = posts.at(-1);
    if (lastPost) maybeComments(writer, lastPost, lang, 0.15);
  }

  if (!isTwinSpace) return;
  for (let count = rng.int(...amounts.journal); count > 0; count -= 1) {
    const lang = writer.lang();
    const text = journalTexts[lang].shift();
    if (!text) break;
    const photos = rng.chance(0.45) ? [{ name: 'IMG_{stamp}.jpg' }] : [];
    const at = writer.randomMoment();
    writer.journal({ title: text.title, html: withSeeAlso(rng, text.html, linkable, at, lang, 0.3), lang, files: photos, at });
  }
}
