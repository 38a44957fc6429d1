import { formatBytes } from '../../../../shared/format.ts';
import type { ScanAccount, ScannedItem, ScannedSpace } from '../../../../shared/inventory.ts';
import { ITEM_TYPES, VERDICTS, type ItemType } from '../../../../shared/model.ts';
import { escapeHtml } from './escape-html.ts';
import { formatDay, timeElement } from './format-date.ts';
import type { LinkTarget } from './link-target.ts';
import { externalLink, linkTo } from './link-markup.ts';
import { renderDocument } from './page-document.ts';
import { ITEM_TYPE_LABELS, PAGE_STRINGS, SPACE_KIND_LABELS, VERDICT_LABELS } from './page-strings.ts';
import { relativeHref } from './relative-href.ts';
import { ruleLabel, renderVerdictSection, verdictBadge } from './verdict-block.ts';

/** One item as the index lists it. */
export interface ArchiveIndexEntry {
  /** What the scan knows of it, with its verdict and reason. */
  item: ScannedItem;
  /** Its page (or, for a bare file, the file) in this ZIP, or where it is instead. */
  target: LinkTarget;
}

/** Everything the archive's `index.html` shows. */
export interface ArchiveIndexInput {
  /** The group or TwinSpace this archive holds; null for an archive of personal items. */
  space: ScannedSpace | null;
  account: Pick<ScanAccount, 'name' | 'email'>;
  /** This ZIP's place when a space is split over several: 1-based. */
  part: { number: number; of: number };
  /** When the archive was made, ISO 8601. */
  archivedAt: string;
  /** The platform address it was archived from. */
  sourceUrl: string;
  /** Every item of this part, in the order to list them within their type. */
  entries: readonly ArchiveIndexEntry[];
  /** `index.html` when not given. */
  entryPath?: string;
  /** `manifest.json` when not given. */
  manifestEntryPath?: string;
}

/** The archive's front page: what it holds, why, and a link to every item. */
export function renderArchiveIndex(input: ArchiveIndexInput): string {
  const entryPath = input.entryPath ?? 'index.html';
  const { space } = input;
  const heading = space
    ? (space.title.trim() === '' ? PAGE_STRINGS.untitled : space.title)
    : `${PAGE_STRINGS.personalItems}: ${input.account.name}`;
  const byType = groupByType(input.entries);

  const markup = `<header>
<p class="kind">${escapeHtml(space ? SPACE_KIND_LABELS[space.kind] : PAGE_STRINGS.personalItems)}</p>
<h1 dir="auto">${escapeHtml(heading)}</h1>
<p>${escapeHtml(PAGE_STRINGS.indexIntro)}</p>
${renderFacts(input)}
</header>
${space ? renderVerdictSection(space, PAGE_STRINGS.verdictHeading) : ''}
<main>
<section>
<h2>${escapeHtml(PAGE_STRINGS.contents)}</h2>
${byType.length === 0 ? `<p class="note">${escapeHtml(PAGE_STRINGS.noItems)}</p>` : renderCounts(byType)}
</section>
${byType.map(([type, entries]) => renderTypeSection(entryPath, type, entries)).join('\n')}
<section>
<h2>${escapeHtml(PAGE_STRINGS.searchHeading)}</h2>
<p>${escapeHtml(PAGE_STRINGS.searchNote)}</p>
<p><a href="${escapeHtml(relativeHref(entryPath, input.manifestEntryPath ?? 'manifest.json'))}" type="application/json">${escapeHtml(PAGE_STRINGS.manifestLink)}</a></p>
</section>
</main>
<footer>${escapeHtml(PAGE_STRINGS.footer(formatDay(input.archivedAt)))}${externalLink(input.sourceUrl)}</footer>`;

  return renderDocument(`${heading} · ${PAGE_STRINGS.product}`, markup);
}

function renderFacts({ space, account, part, archivedAt, sourceUrl }: ArchiveIndexInput): string {
  const rows: [string, string][] = [];
  if (space) {
    rows.push([PAGE_STRINGS.kind, escapeHtml(SPACE_KIND_LABELS[space.kind])]);
    rows.push([PAGE_STRINGS.created, timeElement(space.createdAt)]);
  }
  rows.push([PAGE_STRINGS.account, `<bdi>${escapeHtml(account.name)}</bdi> &lt;${escapeHtml(account.email)}&gt;`]);
  rows.push([PAGE_STRINGS.part, escapeHtml(PAGE_STRINGS.partValue(part.number, part.of))]);
  rows.push([PAGE_STRINGS.archivedOn, timeElement(archivedAt)]);
  rows.push([PAGE_STRINGS.source, externalLink(sourceUrl)]);
  return `<dl class="meta">\n${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('\n')}\n</dl>`;
}

function groupByType(entries: readonly ArchiveIndexEntry[]): [ItemType, ArchiveIndexEntry[]][] {
  const groups = new Map<ItemType, ArchiveIndexEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.item.type);
    if (group) group.push(entry);
    else groups.set(entry.item.type, [entry]);
  }
  return ITEM_TYPES.flatMap((type) => {
    const group = groups.get(type);
    return group ? [[type, group] as [ItemType, ArchiveIndexEntry[]]] : [];
  });
}

function renderCounts(byType: readonly [ItemType, ArchiveIndexEntry[]][]): string {
  const row = (label: string, items: readonly ScannedItem[], header: boolean) => {
    const cell = header ? 'th' : 'td';
    const perVerdict = VERDICTS.map((verdict) => `<td>${items.filter((item) => item.verdict === verdict).length}</td>`).join('');
    const bytes = items.reduce((sum, item) => sum + item.size, 0);
    return `<tr><${cell} scope="row">${label}</${cell}><td>${items.length}</td>${perVerdict}<td>${escapeHtml(formatBytes(bytes))}</td></tr>`;
  };
  const rows = byType.map(([type, entries]) => row(
    `<a href="#type-${escapeHtml(type)}">${escapeHtml(ITEM_TYPE_LABELS[type].many)}</a>`,
    entries.map((entry) => entry.item),
    true,
  ));
  const all = byType.flatMap(([, entries]) => entries.map((entry) => entry.item));
  return `<table class="counts">
<caption>${escapeHtml(PAGE_STRINGS.countsCaption)}</caption>
<thead><tr><th scope="col">${escapeHtml(PAGE_STRINGS.type)}</th><th scope="col">${escapeHtml(PAGE_STRINGS.itemsColumn)}</th>${VERDICTS.map((verdict) => `<th scope="col">${escapeHtml(VERDICT_LABELS[verdict])}</th>`).join('')}<th scope="col">${escapeHtml(PAGE_STRINGS.size)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot>${row(escapeHtml(PAGE_STRINGS.total), all, true)}</tfoot>
</table>`;
}

function renderTypeSection(entryPath: string, type: ItemType, entries: readonly ArchiveIndexEntry[]): string {
  const items = entries.map(({ item, target }) => {
    const title = item.title.trim() === '' ? PAGE_STRINGS.untitled : item.title;
    return `<li>${linkTo(entryPath, target, `<bdi>${escapeHtml(title)}</bdi>`)} ${verdictBadge(item.verdict)} ${ruleLabel(item)} <span class="muted">${timeElement(item.createdAt, formatDay)}</span>
<span class="reason" lang="en">${escapeHtml(item.reason.en)}</span><span class="reason" lang="nl">${escapeHtml(item.reason.nl)}</span></li>`;
  });
  return `<section id="type-${escapeHtml(type)}">
<h2>${escapeHtml(ITEM_TYPE_LABELS[type].many)} (${entries.length})</h2>
<ul class="items">
${items.join('\n')}
</ul>
</section>`;
}
