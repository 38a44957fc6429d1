import sanitizeHtml from 'sanitize-html';
import { ALLOWLIST, DROPPED_WITH_CONTENT, FORMATTING_TAGS } from './allowlist.ts';
import { BOX_TAG, DROPPED_TAG, boxFromMarker } from './box-marker.ts';
import type { LinkResolver } from './link-target.ts';
import { plainTextOf } from './plain-text.ts';
import { relativeHref } from './relative-href.ts';
import { rewriteBody } from './rewrite-pass.ts';

export interface BodyEmbed {
  provider: 'youtube' | 'vimeo' | 'other';
  url: string;
}

export interface SanitizedBody {
  /** An inert HTML fragment: formatting, links and local images only. */
  html: string;
  /** Embedded players and plain links to video sites, each URL once, in order. */
  embeds: BodyEmbed[];
  /** http(s) addresses outside the platform (links and remote images), each once, in order. */
  externalLinks: string[];
  /** Platform items the body links to, embeds or shows, each once, in order. */
  internalLinks: { itemId: string; kind: 'content' | 'file' }[];
  /** The text a reader sees, one line per block, for full-text search. */
  text: string;
}

/**
 * Turns a platform body into an inert fragment for the page at `pageEntryPath` (that page's
 * ZIP entry path, e.g. `spaces/Climate Action/pages/Welcome.html`): harmless formatting only;
 * platform links and images rewritten to relative links into the ZIP, or to text with a note;
 * remote images and embedded players replaced by links that load nothing.
 */
export function sanitizeBody(html: string, resolve: LinkResolver, pageEntryPath: string): SanitizedBody {
  const embeds = new Map<string, BodyEmbed>();
  const externalLinks = new Set<string>();
  const internalLinks = new Map<string, { itemId: string; kind: 'content' | 'file' }>();

  const rewritten = rewriteBody(html, {
    target: (path) => {
      internalLinks.set(`${path.kind}\u0000${path.itemId}`, { itemId: path.itemId, kind: path.kind });
      return resolve(path);
    },
    hrefTo: (entryPath) => relativeHref(pageEntryPath, entryPath),
    onEmbed: (provider, url) => {
      if (!embeds.has(url)) embeds.set(url, { provider, url });
    },
    onExternalLink: (url) => externalLinks.add(url),
  });
  const finished = finishBody(rewritten);

  return {
    html: finished,
    embeds: [...embeds.values()],
    externalLinks: [...externalLinks],
    internalLinks: [...internalLinks.values()],
    text: plainTextOf(finished),
  };
}

/** The second pass: markers become boxes or go, and the allowlist is applied once more. */
function finishBody(rewritten: string): string {
  return sanitizeHtml(rewritten, {
    ...ALLOWLIST,
    allowedTags: [...FORMATTING_TAGS],
    nonTextTags: [...DROPPED_WITH_CONTENT, DROPPED_TAG],
    transformTags: { [BOX_TAG]: boxFromMarker },
  });
}
