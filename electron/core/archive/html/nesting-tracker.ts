import type sanitizeHtml from 'sanitize-html';

/** Elements replaced by a link box; whatever they contain is dropped. */
function isReplacedByBox(name: string, attribs: sanitizeHtml.Attributes): boolean {
  switch (name) {
    case 'iframe': case 'frame': case 'embed': return true;
    case 'object': return Boolean(attribs['data']?.trim());
    case 'video': case 'audio': return Boolean(attribs['src']?.trim());
    default: return false;
  }
}

/** Plugin and media elements whose own address is in their children (<param>, <source>). */
const MEDIA_CONTAINERS = new Set(['object', 'video', 'audio']);

/**
 * Where the sanitizer is in the tree. sanitize-html calls its onOpenTag/onCloseTag hooks for
 * every element, before its transforms, and htmlparser2 closes every element it opens
 * (implied closes included), so counting here is exact.
 */
export class NestingTracker {
  private depth = 0;
  private replacedDepth = 0;
  private containerDepth = 0;
  private readonly containerUrls = new Set<string>();

  constructor(private readonly limit: number) {}

  open(name: string, attribs: sanitizeHtml.Attributes): void {
    this.depth += 1;
    if (this.replacedDepth > 0) this.replacedDepth += 1;
    else if (isReplacedByBox(name, attribs)) this.replacedDepth = 1;
    if (this.containerDepth > 0) this.containerDepth += 1;
    else if (this.replacedDepth === 0 && MEDIA_CONTAINERS.has(name)) this.containerDepth = 1;
  }

  close(): void {
    this.depth = Math.max(0, this.depth - 1);
    if (this.replacedDepth > 0) this.replacedDepth -= 1;
    if (this.containerDepth > 0) {
      this.containerDepth -= 1;
      if (this.containerDepth === 0) this.containerUrls.clear();
    }
  }

  /** Inside (not at) an element that became a box: browsers never show that content either. */
  get insideReplaced(): boolean {
    return this.replacedDepth > 1;
  }

  /** Deeper than any real page nests: the tag goes, its text stays. */
  get tooDeep(): boolean {
    return this.depth > this.limit;
  }

  /**
   * True the first time a media container (an <object> with <param> and <embed>, a <video>
   * with several <source>) names an address, so one video gives one box, not three.
   */
  firstInContainer(url: string): boolean {
    if (this.containerDepth === 0) return true;
    if (this.containerUrls.has(url)) return false;
    this.containerUrls.add(url);
    return true;
  }
}
