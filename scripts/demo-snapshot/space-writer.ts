import type {
  FileContent, SnapshotItem, SnapshotSpace,
} from '../../electron/core/sample-platform/snapshot-schema.ts';
import { accountKeyOf, type AccountKey } from './accounts.ts';
import { generatedContent, mediaTypeFor } from './files.ts';
import { attachmentsBlock, escapeHtml } from './html.ts';
import type { ItemFields, ItemSink } from './items.ts';
import type { Rng } from './prng.ts';
import type { TextLang } from './texts.ts';
import { cameraStamp, DAY_MS, formatInstant, laterInstant, randomInstant, type Zone } from './time.ts';
import type { Lang, Topic } from './world.ts';

export interface FileSpec {
  name: string;
  title?: string;
  content?: FileContent;
  size?: number;
  owner?: AccountKey;
}

/** An exact ISO text (edge cases), an instant, or nothing: a random moment of the space's life. */
export type When = string | number | undefined;

export interface EntrySpec {
  title: string;
  /** A template (placeholders filled, attachments appended) or a function of the attachments. */
  html: string | ((files: SnapshotItem[]) => string);
  owner?: AccountKey;
  at?: When;
  files?: readonly FileSpec[];
  lang?: TextLang;
  edited?: boolean;
}

export interface CommentSpec {
  html: string;
  owner?: AccountKey;
  at?: When;
}

export interface SpaceWriterOptions {
  space: SnapshotSpace;
  lang: Lang;
  topic: Topic;
  members: readonly AccountKey[];
  /** Brussels date ranges in which the space's content was written. */
  spans: readonly (readonly [string, string])[];
  rng: Rng;
  sink: ItemSink;
}

const instantOf = (item: SnapshotItem): number => Date.parse(item.createdAt);

/** Writes the items of one space: pages, journal entries, threads with posts, comments, files. */
export class SpaceWriter {
  readonly space: SnapshotSpace;
  readonly rng: Rng;
  /** The space's items, in the order they were written. */
  readonly written: SnapshotItem[] = [];
  private readonly options: SpaceWriterOptions;

  constructor(options: SpaceWriterOptions) {
    this.options = options;
    this.space = options.space;
    this.rng = options.rng;
  }

  get members(): readonly AccountKey[] {
    return this.options.members;
  }

  lang(): TextLang {
    const { lang } = this.options;
    return lang === 'mix' ? this.rng.pick(['nl', 'en'] as const) : lang;
  }

  /** A member who writes; the support office posts less than the teachers. */
  owner(): AccountKey {
    const teachers = this.members.filter((member) => member !== 'nso');
    return teachers.length > 0 && this.rng.chance(0.85) ? this.rng.pick(teachers) : this.rng.pick(this.members);
  }

  randomMoment(): number {
    const spans = this.options.spans;
    const lengths = spans.map(([from, to]) => Math.max(1, Date.parse(to) - Date.parse(from)));
    let pick = this.rng.next() * lengths.reduce((sum, length) => sum + length, 0);
    const index = lengths.findIndex((length) => (pick -= length) < 0);
    const span = spans[index] ?? spans[0];
    if (!span) throw new Error(`${this.space.id} has no period in which its content was written`);
    return randomInstant(this.rng, span[0], span[1]);
  }

  private stamp(at: When, owner: AccountKey): string {
    if (typeof at === 'string') return at;
    const ms = at ?? this.randomMoment();
    return formatInstant(ms, this.zoneFor(owner));
  }

  private zoneFor(owner: AccountKey): Zone {
    if (owner === 'eleni' && this.rng.chance(0.7)) return 'athens';
    return this.rng.chance(0.55) ? 'brussels' : 'utc';
  }

  /** Fills `{space}`, `{topic}`, `{year}` and `{week}`; `escape` for HTML. */
  fill(template: string, lang: TextLang, ms: number, escape: boolean): string {
    const year = new Date(ms).getUTCFullYear();
    const values: Record<string, string> = {
      space: this.space.title,
      topic: this.options.topic[lang === 'nl' ? 0 : 1],
      year: String(year),
      week: String(this.rng.int(2, 30)),
    };
    return template.replace(/\{(space|topic|year|week)\}/g, (_, name: string) => {
      const value = values[name] ?? '';
      return escape ? escapeHtml(value) : value;
    });
  }

  private add(fields: ItemFields): SnapshotItem {
    const item = this.options.sink.add(fields);
    this.written.push(item);
    return item;
  }

  private entry(type: 'page' | 'journal-entry' | 'forum-thread' | 'forum-post', spec: EntrySpec, parent?: SnapshotItem): SnapshotItem {
    const owner = spec.owner ?? this.owner();
    const lang = spec.lang ?? this.lang();
    const createdAt = this.stamp(spec.at, owner);
    const ms = Date.parse(createdAt);
    const edited = spec.edited ?? (type !== 'forum-post' && this.rng.chance(0.3));
    const item = this.add({
      owner,
      space: this.space.id,
      type,
      title: this.fill(spec.title, lang, ms, false),
      createdAt,
      updatedAt: edited ? formatInstant(ms + this.rng.int(1, 9) * DAY_MS + this.rng.int(0, 600) * 60_000, 'utc') : undefined,
      parent: parent?.id,
      body: '',
    });
    const files = (spec.files ?? []).map((file) => this.material(item, file));
    item.body = typeof spec.html === 'function'
      ? spec.html(files)
      : this.fill(spec.html, lang, ms, true) + attachmentsBlock(files, lang);
    return item;
  }

  page(spec: EntrySpec): SnapshotItem {
    return this.entry('page', spec);
  }

  journal(spec: EntrySpec): SnapshotItem {
    return this.entry('journal-entry', spec);
  }

  /** A forum thread and its replies, each a little later than the one before. */
  thread(spec: EntrySpec, replies: readonly Omit<EntrySpec, 'title'>[]): { thread: SnapshotItem; posts: SnapshotItem[] } {
    const thread = this.entry('forum-thread', spec);
    let last = instantOf(thread);
    const posts = replies.map((reply) => {
      const at = reply.at ?? (last = laterInstant(this.rng, last, 6));
      return this.entry('forum-post', { ...reply, title: `Re: ${thread.title}`, at, edited: false }, thread);
    });
    return { thread, posts };
  }

  comment(parent: SnapshotItem, spec: CommentSpec): SnapshotItem {
    const owner = spec.owner ?? this.owner();
    const at = spec.at ?? laterInstant(this.rng, instantOf(parent), 12);
    return this.add({
      owner,
      space: this.space.id,
      type: 'comment',
      title: `Re: ${parent.title}`,
      createdAt: this.stamp(at, owner),
      parent: parent.id,
      body: spec.html,
    });
  }

  /** A file, attached to a page or post (uploaded minutes after it) or standing alone. */
  material(parent: SnapshotItem | null, spec: FileSpec, at?: When): SnapshotItem {
    const owner = spec.owner ?? (parent ? accountKeyOf(parent.owner) : this.owner());
    const createdAt = this.stamp(at ?? (parent ? laterInstant(this.rng, instantOf(parent), 0.02) : undefined), owner);
    // Photos keep the name the camera gave them, a little before the upload.
    const name = spec.name.replace('{stamp}', cameraStamp(Date.parse(createdAt) - this.rng.int(10, 600) * 60_000));
    const mediaType = mediaTypeFor(name);
    const content = spec.content
      ?? generatedContent(this.rng, `demo:${this.options.sink.nextId()}`, mediaType, spec.size);
    return this.add({
      owner,
      space: this.space.id,
      type: 'material',
      title: spec.title ?? name,
      createdAt,
      parent: parent?.id,
      file: { name, mediaType, content },
    });
  }
}
