import sanitizeHtml from 'sanitize-html';
import { ALLOWLIST, DROPPED_WITH_CONTENT, FORMATTING_TAGS } from './allowlist.ts';
import { BOX_ATTRIBUTES, BOX_TAG, DROPPED_TAG, MARKER_TAGS, UNWRAPPED_TAG, boxMarker, type Box } from './box-marker.ts';
import { classifyUrl, videoProviderOf } from './classify-url.ts';
import type { LinkTarget, PlatformPath } from './link-target.ts';
import { NestingTracker } from './nesting-tracker.ts';
import { PAGE_STRINGS } from './page-strings.ts';

/** What the rewriting pass needs from its caller, and tells it about every link it meets. */
export interface RewriteContext {
  /** Where a platform link leads; called once per link or image met. */
  target: (path: PlatformPath) => LinkTarget;
  /** The href of a ZIP entry, relative to the page. */
  hrefTo: (entryPath: string) => string;
  onEmbed: (provider: 'youtube' | 'vimeo' | 'other', url: string) => void;
  onExternalLink: (url: string) => void;
}

type Tag = sanitizeHtml.Tag;
type Attributes = sanitizeHtml.Attributes;

/** Real pages nest a few dozen levels; Chromium's parser stops nesting at 512. */
const NESTING_LIMIT = 100;

/** Pasted images arrive as data: URLs; above this they stay in the original HTML only. */
const MAX_DATA_IMAGE_CHARS = 1_500_000;
const DATA_IMAGE_PREFIXES = ['data:image/png;', 'data:image/jpeg;', 'data:image/jpg;', 'data:image/gif;', 'data:image/webp;'];

/** Parameters that name the movie of an old Flash-era <object> embed. */
const MEDIA_PARAMS = new Set(['movie', 'src', 'url', 'filename', 'data']);

const DROPPED_NAMES = new Set(DROPPED_WITH_CONTENT);
const MARKER_NAMES = new Set(MARKER_TAGS);

/**
 * The first pass: the allowlist, plus every decision about links, images and embeds. Its
 * output is already inert; the finishing pass turns its markers into boxes and checks it all
 * once more.
 */
export function rewriteBody(html: string, context: RewriteContext): string {
  const tracker = new NestingTracker(NESTING_LIMIT);

  // Elements sanitize-html drops with their content by their own name must keep it: renamed,
  // a <script> would have its raw text copied out as markup.
  const drop = (name: string): Tag => ({ tagName: DROPPED_NAMES.has(name) ? name : DROPPED_TAG, attribs: {} });
  const unwrap = (name: string): Tag => ({ tagName: DROPPED_NAMES.has(name) ? name : UNWRAPPED_TAG, attribs: {} });

  /** Drops what sits inside a box (browsers never show it either), unwraps what nests too deep. */
  const guarded = (transform: (name: string, attribs: Attributes) => Tag) => (name: string, attribs: Attributes): Tag => {
    if (tracker.insideReplaced) return drop(name);
    if (tracker.tooDeep) return unwrap(name);
    return transform(name, attribs);
  };

  const box = (name: string, address: string | undefined, label: string): Tag => {
    const url = classifyUrl(address ?? '');
    const embed = (content: Box) => boxMarker(content);
    switch (url.kind) {
      case 'external': {
        if (!tracker.firstInContainer(url.url)) return drop(name);
        const provider = videoProviderOf(url.url) ?? 'other';
        context.onEmbed(provider, url.url);
        const text = `${provider === 'other' ? label : PAGE_STRINGS.video}: ${url.url}`;
        return embed({ element: 'a', className: 'ta-embed', href: url.url, text });
      }
      case 'platform': {
        const { path } = url;
        if (!tracker.firstInContainer(path.kind === 'file' ? `file\u0000${path.itemId}\u0000${path.fileName}` : `content\u0000${path.itemId}`)) return drop(name);
        const to = context.target(path);
        const text = path.kind === 'file'
          ? `${PAGE_STRINGS.embeddedFile}: ${path.fileName}`
          : `${PAGE_STRINGS.embeddedPlatformPage}: /content/${path.itemId}`;
        return to.kind === 'entry'
          ? embed({ element: 'a', className: 'ta-embed', href: context.hrefTo(to.path), text })
          : embed({ element: 'span', className: 'ta-embed', text: `${text} (${to.label})` });
      }
      case 'old-platform':
        return embed({ element: 'span', className: 'ta-embed', text: `${label}: ${url.path} (${PAGE_STRINGS.oldPlatformLink})` });
      default:
        return embed({ element: 'span', className: 'ta-embed', text: PAGE_STRINGS.embedRemoved });
    }
  };

  const anchor = (attribs: Attributes): Tag => {
    const common = commonAttributes(attribs);
    const url = classifyUrl(attribs['href'] ?? '');
    switch (url.kind) {
      case 'platform': {
        const to = context.target(url.path);
        if (to.kind === 'entry') return { tagName: 'a', attribs: { ...common, href: context.hrefTo(to.path) } };
        return { tagName: 'span', attribs: { ...common, class: 'ta-elsewhere', 'data-ta-note': to.label, title: to.label } };
      }
      case 'external': {
        context.onExternalLink(url.url);
        const provider = videoProviderOf(url.url);
        if (provider) context.onEmbed(provider, url.url);
        return { tagName: 'a', attribs: { ...common, href: url.url, rel: 'noreferrer' } };
      }
      case 'mailto':
        return { tagName: 'a', attribs: { ...common, href: url.url, rel: 'noreferrer' } };
      case 'old-platform': {
        const note = PAGE_STRINGS.oldPlatformLink;
        return { tagName: 'span', attribs: { ...common, class: 'ta-elsewhere', 'data-ta-note': note, title: `${url.path}: ${note}` } };
      }
      default:
        return { tagName: 'span', attribs: common };
    }
  };

  const image = (attribs: Attributes): Tag => {
    const url = classifyUrl(attribs['src'] ?? '');
    const alt = attribs['alt']?.trim() ?? '';
    const note = (text: string) => `[${alt === '' ? text : `${alt}: ${text}`}]`;
    const placeholder = (text: string): Tag => boxMarker({ element: 'span', className: 'ta-remote-image', text: note(text) });
    const local = (src: string): Tag => ({ tagName: 'img', attribs: { ...commonAttributes(attribs), ...numeric(attribs, ['width', 'height'], 4), src, alt } });
    switch (url.kind) {
      case 'platform': {
        if (url.path.kind !== 'file') return placeholder(PAGE_STRINGS.imageRemoved);
        const to = context.target(url.path);
        return to.kind === 'entry' ? local(context.hrefTo(to.path)) : placeholder(`${url.path.fileName} (${to.label})`);
      }
      case 'external':
        context.onExternalLink(url.url);
        return boxMarker({ element: 'a', className: 'ta-remote-image', href: url.url, text: note(`${PAGE_STRINGS.remoteImage}: ${url.url}`) });
      case 'data':
        if (!isRasterDataImage(url.url)) return placeholder(PAGE_STRINGS.imageRemoved);
        return url.url.length > MAX_DATA_IMAGE_CHARS ? placeholder(PAGE_STRINGS.largeDataImage) : local(url.url);
      case 'old-platform':
        return placeholder(`${url.path} (${PAGE_STRINGS.oldPlatformLink})`);
      default:
        return placeholder(PAGE_STRINGS.imageRemoved);
    }
  };

  const hasAddress = (attribs: Attributes, name: string) => (attribs[name]?.trim() ?? '') !== '';

  return sanitizeHtml(html, {
    ...ALLOWLIST,
    allowedTags: [...FORMATTING_TAGS, ...MARKER_TAGS],
    allowedAttributes: { ...ALLOWLIST.allowedAttributes, [BOX_TAG]: [...BOX_ATTRIBUTES] },
    nonTextTags: [...DROPPED_WITH_CONTENT],
    onOpenTag: (name, attribs) => tracker.open(name, attribs),
    onCloseTag: () => tracker.close(),
    transformTags: {
      'a': guarded((_name, attribs) => anchor(attribs)),
      'img': guarded((_name, attribs) => image(attribs)),
      'span': guarded((name, attribs) => ({ tagName: name, attribs: commonAttributes(attribs) })),
      'td': guarded((name, attribs) => ({ tagName: name, attribs: { ...commonAttributes(attribs), ...numeric(attribs, ['colspan', 'rowspan'], 3) } })),
      'th': guarded((name, attribs) => ({ tagName: name, attribs: { ...commonAttributes(attribs), ...numeric(attribs, ['colspan', 'rowspan'], 3) } })),
      'strike': guarded((_name, attribs) => ({ tagName: 's', attribs })),
      'center': guarded((_name, attribs) => ({ tagName: 'div', attribs })),
      'iframe': guarded((name, attribs) => box(name, attribs['src'], PAGE_STRINGS.embedded)),
      'frame': guarded((name, attribs) => box(name, attribs['src'], PAGE_STRINGS.embedded)),
      'embed': guarded((name, attribs) => box(name, attribs['src'], PAGE_STRINGS.embedded)),
      // Without an address of their own, these are containers: their <param> or <source> has it.
      'object': guarded((name, attribs) => (hasAddress(attribs, 'data') ? box(name, attribs['data'], PAGE_STRINGS.embedded) : { tagName: name, attribs: {} })),
      'video': guarded((name, attribs) => (hasAddress(attribs, 'src') ? box(name, attribs['src'], PAGE_STRINGS.video) : { tagName: name, attribs: {} })),
      'audio': guarded((name, attribs) => (hasAddress(attribs, 'src') ? box(name, attribs['src'], PAGE_STRINGS.embedded) : { tagName: name, attribs: {} })),
      'source': guarded((name, attribs) => (hasAddress(attribs, 'src') ? box(name, attribs['src'], PAGE_STRINGS.embedded) : drop(name))),
      'param': guarded((name, attribs) => (MEDIA_PARAMS.has((attribs['name'] ?? '').toLowerCase()) && hasAddress(attribs, 'value')
        ? box(name, attribs['value'], PAGE_STRINGS.embedded)
        : drop(name))),
      // Markers are ours alone: one in the body itself means nothing.
      [BOX_TAG]: guarded(() => ({ tagName: UNWRAPPED_TAG, attribs: {} })),
      [DROPPED_TAG]: guarded(() => ({ tagName: DROPPED_TAG, attribs: {} })),
      [UNWRAPPED_TAG]: guarded(() => ({ tagName: UNWRAPPED_TAG, attribs: {} })),
      // Runs after the transforms above, on what they made: a marker is decided already.
      '*': (name, attribs) => {
        if (MARKER_NAMES.has(name)) return { tagName: name, attribs };
        if (tracker.insideReplaced) return drop(name);
        if (tracker.tooDeep) return unwrap(name);
        return { tagName: name, attribs: withValidDirection(attribs) };
      },
    },
  });
}

function commonAttributes(attribs: Attributes): Attributes {
  const kept: Attributes = {};
  for (const name of ['lang', 'dir', 'title']) {
    const value = attribs[name];
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

/** sanitize-html checks allowed values only for per-tag attributes, so `dir` is checked here. */
function withValidDirection(attribs: Attributes): Attributes {
  const dir = attribs['dir'];
  if (dir === undefined) return attribs;
  const { dir: _dropped, ...rest } = attribs;
  const normalized = dir.trim().toLowerCase();
  return normalized === 'ltr' || normalized === 'rtl' || normalized === 'auto' ? { ...rest, dir: normalized } : rest;
}

function numeric(attribs: Attributes, names: readonly string[], maxDigits: number): Attributes {
  const kept: Attributes = {};
  const pattern = new RegExp(`^\\d{1,${maxDigits}}%?$`);
  for (const name of names) {
    const value = attribs[name]?.trim();
    if (value !== undefined && pattern.test(value)) kept[name] = value;
  }
  return kept;
}

/** Raster images only: an SVG image is a document of its own. */
function isRasterDataImage(url: string): boolean {
  const start = url.slice(0, 32).toLowerCase();
  return DATA_IMAGE_PREFIXES.some((prefix) => start.startsWith(prefix)) && /^data:[^,]*;base64,[A-Za-z0-9+/=\s]*$/i.test(url);
}
