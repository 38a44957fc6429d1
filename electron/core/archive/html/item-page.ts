import { formatBytes } from '../../../../shared/format.ts';
import type { ScannedItem, ScannedSpace } from '../../../../shared/inventory.ts';
import type { EventOrganizer, ItemOrigin, ItemType } from '../../../../shared/model.ts';
import { escapeHtml } from './escape-html.ts';
import { formatDay, timeElement } from './format-date.ts';
import type { LinkTarget } from './link-target.ts';
import { externalLink, linkTo } from './link-markup.ts';
import { renderDocument } from './page-document.ts';
import { ITEM_TYPE_LABELS, PAGE_STRINGS, SPACE_KIND_LABELS } from './page-strings.ts';
import { relativeHref } from './relative-href.ts';
import type { SanitizedBody } from './sanitize-body.ts';
import { renderVerdictSection } from './verdict-block.ts';

/** Another item a page points at: its parent, an attachment, a reply or comment. */
export interface RelatedItemLink {
  title: string;
  type: ItemType;
  /** Its page or file entry in this ZIP, or where it is instead. */
  target: LinkTarget;
  createdAt?: string | null;
  /** Bytes of its file, shown for attachments. */
  size?: number | null;
}

/** Everything one item's page shows. Links are computed relative to `entryPath`. */
export interface ItemPageInput {
  /** This page's ZIP entry path, e.g. `spaces/Climate Action/pages/Welcome.html`. */
  entryPath: string;
  /** What the scan knows of the item, with its verdict, rule, reason {en, nl} and FAQ quote. */
  item: ScannedItem;
  /** The group or TwinSpace it belongs to; null for personal items. */
  space: ScannedSpace | null;
  /** The body through sanitizeBody (same entryPath); null for items without one (contacts, events, ...). */
  body: SanitizedBody | null;
  /** The entry holding the original body byte for byte (see originalEntryName); null when there is none. */
  originalEntryPath: string | null;
  /** The item's own file (materials, photos); null when it has none. */
  file: LinkTarget | null;
  /** The thread of a post, the page of a comment or material. */
  parent: RelatedItemLink | null;
  attachments: readonly RelatedItemLink[];
  replies: readonly RelatedItemLink[];
  /** When the archive was made, ISO 8601. */
  archivedAt: string;
  /** The platform address it was archived from. */
  sourceUrl: string;
  /** The archive's index page; `index.html` when not given. */
  indexEntryPath?: string;
  /** The owner's name when known; the scan itself only has an account id. */
  ownerName?: string | null;
}

const ORIGIN_LABELS: Readonly<Record<ItemOrigin, string>> = {
  etwinning: 'eTwinning',
  seg: 'School Education Gateway',
};

const ORGANIZER_LABELS: Readonly<Record<EventOrganizer, string>> = {
  user: 'A teacher (you or a colleague)',
  nso: 'National Support Organisation',
  css: 'Central Support Service',
};

/** Raster images a browser shows inline; anything else is only linked. */
const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** One item as a complete, self-contained, inert HTML5 page. */
export function renderItemPage(input: ItemPageInput): string {
  const { item, space, entryPath } = input;
  const title = item.title.trim() === '' ? PAGE_STRINGS.untitled : item.title;
  const typeLabel = ITEM_TYPE_LABELS[item.type];
  const home = space ? space.title : PAGE_STRINGS.personalItems;
  const indexHref = relativeHref(entryPath, input.indexEntryPath ?? 'index.html');

  const markup = `<nav class="breadcrumb" aria-label="Breadcrumb"><a href="${escapeHtml(indexHref)}"><bdi>${escapeHtml(home)}</bdi></a> › ${escapeHtml(typeLabel.many)} › <bdi>${escapeHtml(title)}</bdi></nav>
<header>
<p class="kind">${escapeHtml(typeLabel.one)}</p>
<h1 dir="auto">${escapeHtml(title)}</h1>
${renderMetadata(input)}
</header>
${renderVerdictSection(item, PAGE_STRINGS.verdictHeading)}
<main>
${renderOwnFile(input)}
${input.body ? `<article class="body" dir="auto">\n${input.body.html}\n</article>` : `<p class="note">${escapeHtml(PAGE_STRINGS.noBody)}</p>`}
${input.parent ? section(PAGE_STRINGS.inReplyTo, `<p>${relatedLink(entryPath, input.parent)}</p>`) : ''}
${renderRelatedList(PAGE_STRINGS.attachments, entryPath, input.attachments)}
${renderRelatedList(PAGE_STRINGS.replies, entryPath, input.replies)}
${renderEmbeds(input.body)}
${input.originalEntryPath ? section(PAGE_STRINGS.original, `<p><a href="${escapeHtml(relativeHref(entryPath, input.originalEntryPath))}" type="text/plain">${escapeHtml(PAGE_STRINGS.originalLink)}</a></p>`) : ''}
</main>
<footer>${escapeHtml(PAGE_STRINGS.footer(formatDay(input.archivedAt)))}${externalLink(input.sourceUrl)}</footer>`;

  return renderDocument(`${title} · ${home} · ${PAGE_STRINGS.product}`, markup);
}

function renderMetadata({ item, space, ownerName }: ItemPageInput): string {
  const rows: [string, string][] = [];
  rows.push([PAGE_STRINGS.space, space
    ? `<bdi>${escapeHtml(space.title)}</bdi> (${escapeHtml(SPACE_KIND_LABELS[space.kind])})`
    : escapeHtml(PAGE_STRINGS.personalItems)]);
  rows.push([PAGE_STRINGS.created, timeElement(item.createdAt)]);
  if (item.updatedAt) rows.push([PAGE_STRINGS.updated, timeElement(item.updatedAt)]);
  rows.push([PAGE_STRINGS.owner, `<bdi>${escapeHtml(ownerName ?? item.owner)}</bdi>`]);
  if (item.organizer) rows.push([PAGE_STRINGS.organizer, escapeHtml(ORGANIZER_LABELS[item.organizer])]);
  rows.push([PAGE_STRINGS.origin, escapeHtml(ORIGIN_LABELS[item.origin])]);
  if (item.file) {
    rows.push([PAGE_STRINGS.file, `<bdi>${escapeHtml(item.file.name)}</bdi>`]);
    rows.push([PAGE_STRINGS.mediaType, escapeHtml(item.file.mediaType)]);
    rows.push([PAGE_STRINGS.size, escapeHtml(formatBytes(item.file.size))]);
    rows.push([PAGE_STRINGS.sha256, `<code>${escapeHtml(item.file.sha256)}</code>`]);
  }
  rows.push([PAGE_STRINGS.itemId, `<code>${escapeHtml(item.id)}</code>`]);
  return `<dl class="meta">\n${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('\n')}\n</dl>`;
}

function renderOwnFile({ item, file, entryPath }: ItemPageInput): string {
  if (!file || !item.file) return '';
  const name = `<bdi>${escapeHtml(item.file.name)}</bdi>`;
  const preview = file.kind === 'entry' && PREVIEWABLE.has(item.file.mediaType.toLowerCase())
    ? `<img class="preview" src="${escapeHtml(relativeHref(entryPath, file.path))}" alt="${escapeHtml(item.title)}">`
    : '';
  return `${preview}<p>${escapeHtml(PAGE_STRINGS.openFile)}: ${linkTo(entryPath, file, name)} (${escapeHtml(formatBytes(item.file.size))})</p>`;
}

function renderRelatedList(heading: string, entryPath: string, links: readonly RelatedItemLink[]): string {
  if (links.length === 0) return '';
  return section(heading, `<ul>\n${links.map((link) => `<li>${relatedLink(entryPath, link)}</li>`).join('\n')}\n</ul>`);
}

function relatedLink(entryPath: string, link: RelatedItemLink): string {
  const title = link.title.trim() === '' ? PAGE_STRINGS.untitled : link.title;
  const details = [ITEM_TYPE_LABELS[link.type].one];
  if (link.size != null && link.size > 0) details.push(formatBytes(link.size));
  const when = link.createdAt ? `, ${timeElement(link.createdAt)}` : '';
  return `${linkTo(entryPath, link.target, `<bdi>${escapeHtml(title)}</bdi>`)} <span class="muted">(${escapeHtml(details.join(', '))}${when})</span>`;
}

function renderEmbeds(body: SanitizedBody | null): string {
  if (!body || body.embeds.length === 0) return '';
  const providers = { youtube: 'YouTube', vimeo: 'Vimeo', other: PAGE_STRINGS.embedded } as const;
  return section(PAGE_STRINGS.embeds, `<ul>\n${body.embeds.map((embed) => `<li>${escapeHtml(providers[embed.provider])}: ${externalLink(embed.url)}</li>`).join('\n')}\n</ul>`);
}

function section(heading: string, content: string): string {
  return `<section>\n<h2>${escapeHtml(heading)}</h2>\n${content}\n</section>`;
}
