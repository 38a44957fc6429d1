import { describe, expect, it, beforeAll } from 'vitest';
import type { ScanResult } from '../../shared/inventory.ts';
import { loadCurrentRuleSet } from '../../electron/core/rules/load-rule-set.ts';
import { REPORT_CSV_COLUMNS, renderReportCsv } from '../../electron/core/report/render-csv.ts';
import { REPORT_CSP, renderReportHtml } from '../../electron/core/report/render-html.ts';
import { renderReportJson } from '../../electron/core/report/render-json.ts';
import { escapeHtml } from '../../electron/core/report/escape-html.ts';
import { createReportFormat } from '../../electron/core/report/report-format.ts';
import { buildScan, type ItemSpec, type ScanSpec, type SpaceSpec } from '../helpers/report-scan-builder.ts';

const ruleSet = loadCurrentRuleSet();

const HOSTILE = {
  script: '<script>alert("x")</script>',
  attribute: '" onmouseover="alert(1)" x="',
  formula: '=HYPERLINK("http://evil.example/x","click")',
  csvShape: 'Comma, "quoted" and\r\nnew line\nhere',
  rtl: 'report\u202Egnp.exe',
  at: '@SUM(1+1)',
  minus: '-2+3',
  plus: '+32 2 555',
  tab: '\tTabbed',
  cr: '\rCarriage',
  js: 'javascript:alert(1)',
  img: '<img src=x onerror=alert(1)>',
  breakout: '</svg></table><script src="https://evil.example/a.js"></script>',
  unicode: 'Éloïse’s çafé 🎉 שלום',
  control: 'bell\u0007 and nul\u0000',
} as const;

function realisticSpec(): ScanSpec {
  return {
    account: {
      id: 'u-1', name: 'An Peeters', email: 'an.peeters@school.example',
      hasEtwinningAccount: true, hasSegAccount: true,
    },
    euLoginEmail: 'An.Peeters@school.example ',
    spaces: [
      {
        id: 'g-climate', kind: 'group', title: 'Klimaatdetectives', createdAt: '2016-09-01T08:00:00Z',
        activity: ['2019-04-02T09:00:00Z', '2021-06-10T14:00:00Z', { at: '2023-01-05T10:00:00Z', kind: 'login' }],
        items: [
          { id: 'p-new', type: 'page', title: 'Onze metingen', createdAt: '2019-03-01T10:00:00Z' },
          { id: 'p-old', type: 'page', title: HOSTILE.script, createdAt: '2017-05-01T10:00:00Z' },
          { id: 'p-edge', type: 'page', title: 'Rand van juli', createdAt: '2018-06-30T22:30:00Z' },
          { id: 'm-old', type: 'material', title: HOSTILE.formula, createdAt: '2016-10-01T10:00:00Z', size: 1_234_567 },
          { id: 'f-1', type: 'forum-thread', title: HOSTILE.csvShape, createdAt: '2017-02-02T10:00:00Z', updatedAt: '2019-01-01T10:00:00Z' },
        ],
      },
      {
        id: 'g-reading', kind: 'group', title: HOSTILE.attribute, createdAt: '2014-02-01T08:00:00Z',
        activity: ['2014-03-01T09:00:00Z', '2020-11-02T09:00:00Z'],
        items: [
          { id: 'r-1', type: 'material', title: HOSTILE.at, createdAt: '2015-01-01T10:00:00Z', size: 52_000 },
          { id: 'r-2', type: 'comment', title: HOSTILE.minus, createdAt: '2020-11-02T10:00:00Z' },
        ],
      },
      {
        id: 'g-late', kind: 'group', title: HOSTILE.rtl, createdAt: '2022-04-01T08:00:00Z',
        activity: ['2022-05-03T09:00:00Z'],
        items: [{ id: 'l-1', type: 'forum-post', title: HOSTILE.plus, createdAt: '2022-05-03T09:00:00Z' }],
      },
      {
        id: 'g-edge', kind: 'group', title: 'Nieuwjaarsgroep', createdAt: '2020-12-01T08:00:00Z',
        activity: ['2020-12-31T23:30:00Z'],
        items: [{ id: 'e-1', type: 'page', title: HOSTILE.tab, createdAt: '2020-12-15T09:00:00Z' }],
      },
      {
        id: 't-none', kind: 'twinspace', title: HOSTILE.img, createdAt: '2012-09-01T08:00:00Z', migrationRequest: 'none',
        activity: ['2012-10-01T09:00:00Z', '2013-05-01T09:00:00Z'],
        items: [
          { id: 'j-1', type: 'journal-entry', title: HOSTILE.cr, createdAt: '2012-10-01T09:00:00Z' },
          { id: 'j-2', type: 'journal-entry', title: HOSTILE.breakout, createdAt: '2013-05-01T09:00:00Z', size: 999 },
        ],
      },
      {
        id: 't-req', kind: 'twinspace', title: HOSTILE.unicode, createdAt: '2019-09-01T08:00:00Z', migrationRequest: 'requested',
        activity: ['2020-02-01T09:00:00Z'],
        items: [{ id: 'q-1', type: 'material', title: HOSTILE.control, createdAt: '2020-02-01T09:00:00Z', size: 3_400_000_000 }],
      },
      {
        id: 't-ok', kind: 'twinspace', title: 'Confirmed space', createdAt: '2019-09-01T08:00:00Z', migrationRequest: 'confirmed',
        activity: [], items: [{ id: 'k-1', type: 'page', title: '', createdAt: '2020-02-01T09:00:00Z' }],
      },
    ],
    personal: [
      { id: 'me-profile', type: 'profile', title: 'Profiel', createdAt: '2012-01-01T08:00:00Z' },
      { id: 'me-photo', type: 'photo', title: HOSTILE.js, createdAt: '2015-01-01T08:00:00Z', size: 200_000 },
      { id: 'me-contact', type: 'contact', title: 'Marie Dubois', createdAt: '2016-01-01T08:00:00Z' },
      { id: 'me-follower', type: 'follower', title: '  ', createdAt: '2017-01-01T08:00:00Z' },
      { id: 'me-pf-old', type: 'portfolio-activity', title: 'Portfolio 2016', createdAt: '2016-10-12T08:00:00Z' },
      { id: 'me-pf-new', type: 'portfolio-activity', title: 'Portfolio 2020', createdAt: '2020-10-12T08:00:00Z' },
      { id: 'me-event', type: 'event', title: 'Mijn livesessie', createdAt: '2021-03-01T08:00:00Z', organizer: 'user' },
      { id: 'me-webinar', type: 'event', title: 'NSO-webinar', createdAt: '2021-04-01T08:00:00Z', organizer: 'nso' },
      { id: 'me-message', type: 'message', title: 'Re: partners', createdAt: '2022-01-01T08:00:00Z' },
      { id: 'me-project', type: 'project', title: 'Klimaatproject', createdAt: '2019-01-01T08:00:00Z' },
      { id: 'me-seg', type: 'photo', title: 'SEG-foto', createdAt: '2019-01-01T08:00:00Z', origin: 'seg' },
    ],
  };
}

/** RFC 4180, strictly: records end in CRLF, quotes only around whole fields, "" inside them. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    record.push(field);
    if (text[i] === ',') { i += 1; continue; }
    if (text.startsWith('\r\n', i)) { records.push(record); record = []; i += 2; continue; }
    if (i >= text.length) { records.push(record); break; }
    throw new Error(`a record must end in CRLF, found ${JSON.stringify(text[i])} at ${i}`);
  }
  return records;
}

const FORMULA = /^[=+\-@\t\r]/;
const guarded = (text: string) => (FORMULA.test(text) ? `'${text}` : text);

interface Tag { name: string; closing: boolean; selfClosing: boolean; attributes: [string, string][] }

function tagsOf(html: string): Tag[] {
  const withoutStyle = html.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  const tags: Tag[] = [];
  for (const match of withoutStyle.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)) {
    const attributes: [string, string][] = [];
    for (const attr of (match[3] ?? '').matchAll(/([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      attributes.push([attr[1] ?? '', (attr[2] ?? '').replace(/^["']|["']$/g, '')]);
    }
    tags.push({ name: (match[2] ?? '').toLowerCase(), closing: match[1] === '/', selfClosing: match[4] === '/', attributes });
  }
  return tags;
}

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'col', 'wbr', 'area', 'base', 'source', 'track', 'embed']);

/** Every element we open is closed, in order; self-closing only inside SVG. */
function assertBalanced(html: string): void {
  const stack: string[] = [];
  for (const tag of tagsOf(html)) {
    if (VOID.has(tag.name)) continue;
    if (tag.selfClosing) {
      expect(stack, `<${tag.name}/> outside SVG`).toContain('svg');
      continue;
    }
    if (!tag.closing) { stack.push(tag.name); continue; }
    expect(stack.pop(), `</${tag.name}> closes the wrong element`).toBe(tag.name);
  }
  expect(stack).toEqual([]);
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

function assertInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(iframe|object|embed|link|img|base|form|audio|video|source|use|image|foreignObject)\b/i);
  const unsafe: string[] = [];
  for (const tag of tagsOf(html)) {
    for (const [name, value] of tag.attributes) {
      if (/^on/i.test(name)) unsafe.push(`<${tag.name} ${name}>: an event handler`);
      if (/javascript:|https?:|\/\//i.test(value)) unsafe.push(`<${tag.name} ${name}="${value}">: a URL`);
      if (/^(src|href|xlink:href|srcset|action|formaction|poster|background)$/i.test(name)) unsafe.push(`<${tag.name} ${name}>: a resource`);
    }
  }
  expect(unsafe).toEqual([]);
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  expect(css).not.toMatch(/@import|url\((?!#)/i);
}

describe('the CSV report', () => {
  let scan: ScanResult;
  beforeAll(async () => { scan = await buildScan(realisticSpec()); });

  it('is UTF-8 with a BOM, CRLF records and a header', () => {
    const csv = renderReportCsv(scan);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsv(csv.slice(1));
    expect(records[0]).toEqual([...REPORT_CSV_COLUMNS]);
    expect(records).toHaveLength(1 + scan.spaces.length + scan.items.length);
    for (const record of records) expect(record).toHaveLength(REPORT_CSV_COLUMNS.length);
  });

  it('round-trips every field, with formulas defused', () => {
    const records = parseCsv(renderReportCsv(scan).slice(1)).slice(1);
    const rows = records.map((record) => Object.fromEntries(REPORT_CSV_COLUMNS.map((column, index) => [column, record[index]])));
    const spaceRows = rows.filter((row) => row.record === 'space');
    expect(spaceRows.map((row) => row.id)).toEqual(scan.spaces.map((space) => space.id));
    for (const [index, space] of scan.spaces.entries()) {
      expect(spaceRows[index]).toEqual({
        record: 'space', id: space.id, kind_or_type: space.kind, space: '', title: guarded(space.title),
        created_at: space.createdAt, verdict: space.verdict, rule: space.rule, reason_en: space.reason.en,
        reason_nl: space.reason.nl, quote: space.quote, size_bytes: '', last_activity: space.lastActivityAt ?? '',
      });
    }
    const itemRows = rows.filter((row) => row.record === 'item');
    for (const [index, item] of scan.items.entries()) {
      expect(itemRows[index]).toEqual({
        record: 'item', id: item.id, kind_or_type: item.type, space: item.space ?? '', title: guarded(item.title),
        created_at: item.createdAt, verdict: item.verdict, rule: item.rule, reason_en: item.reason.en,
        reason_nl: item.reason.nl, quote: item.quote, size_bytes: String(item.size), last_activity: item.updatedAt ?? '',
      });
    }
    const title = (id: string) => itemRows.find((row) => row.id === id)?.title;
    expect(title('m-old')).toBe(`'${HOSTILE.formula}`);
    expect(title('r-1')).toBe(`'${HOSTILE.at}`);
    expect(title('r-2')).toBe(`'${HOSTILE.minus}`);
    expect(title('l-1')).toBe(`'${HOSTILE.plus}`);
    expect(title('e-1')).toBe(`'${HOSTILE.tab}`);
    expect(title('j-1')).toBe(`'${HOSTILE.cr}`);
    expect(title('f-1')).toBe(HOSTILE.csvShape);
    expect(title('t-req')).toBeUndefined();
    expect(spaceRows.find((row) => row.id === 't-req')?.title).toBe(HOSTILE.unicode);
  });

  it('quotes every field, so a ";" locale cannot split a formula into a cell of its own', () => {
    const csv = renderReportCsv(scan);
    const header = csv.slice(1, csv.indexOf('\r\n'));
    expect(header).toBe(REPORT_CSV_COLUMNS.map((column) => `"${column}"`).join(','));
  });
});

describe('the JSON report', () => {
  it('is the scan, pretty', async () => {
    const scan = await buildScan(realisticSpec());
    const json = renderReportJson(scan);
    expect(json).toContain('\n  "format": "twinarchive-scan/1"');
    expect(JSON.parse(json)).toEqual(scan);
  });
});

describe('the HTML report', () => {
  let scan: ScanResult;
  let html: string;
  let htmlNl: string;
  beforeAll(async () => {
    scan = await buildScan(realisticSpec());
    html = renderReportHtml(scan, ruleSet, 'en');
    htmlNl = renderReportHtml(scan, ruleSet, 'nl');
  });

  it('can load and run nothing', () => {
    assertInert(html);
    assertInert(htmlNl);
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(head.indexOf('Content-Security-Policy')).toBeLessThan(head.indexOf('<style>'));
  });

  it('is well-formed', () => {
    assertBalanced(html);
    assertBalanced(htmlNl);
    expect(count(html, /<svg\b/g)).toBe(1);
    expect(count(html, /<\/svg>/g)).toBe(1);
    expect(count(html, /<table\b/g)).toBe(count(html, /<\/table>/g));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  });

  it('escapes hostile titles and isolates their direction', () => {
    expect(html).toContain(`<td dir="auto">${escapeHtml(HOSTILE.script)}</td>`);
    expect(html).toContain(`<span dir="auto">${escapeHtml(HOSTILE.img)}</span>`);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot; onmouseover=&quot;alert(1)&quot; x=&quot;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(`<span dir="auto">report\u202Egnp.exe</span>`);
    expect(html).toContain(`<span dir="auto">${escapeHtml(HOSTILE.unicode)}</span>`);
    expect(html).toContain('bell\uFFFD and nul\uFFFD');
    expect(html).not.toContain('\u0000');
    expect(html).toContain('<td dir="auto"><span class="untitled">(untitled)</span></td><td>Follower</td>');
  });

  it('names the account, the platform, the rule set and the settings', () => {
    expect(html).toContain('An Peeters');
    expect(html).toContain('an.peeters@school.example');
    expect(html).toContain('https://www.etwinning.net');
    expect(html).toContain('2023-10-17.1');
    expect(html).toContain('1 day (only the boundary day itself is uncertain)');
    expect(html).toContain('An.Peeters@school.example');
    expect(html).toContain('6 November 2023');
  });

  it('sums up in plain language and gives totals per verdict and per rule', () => {
    const { byVerdict } = scan.totals;
    expect(byVerdict.lost.items).toBeGreaterThan(0);
    expect(html).toContain(`Of ${scan.totals.items} items, ${byVerdict.lost.items} will be lost and ${byVerdict.uncertain.items} are uncertain: archive those`);
    for (const verdict of ['lost', 'uncertain', 'migrates'] as const) {
      const row = new RegExp(`<tr class="verdict-row" data-verdict="${verdict}">(.*?)</tr>`).exec(html)?.[1] ?? '';
      const cells = [...row.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((match) => match[1]);
      expect(cells.slice(0, 2)).toEqual([String(byVerdict[verdict].spaces), String(byVerdict[verdict].items)]);
    }
    expect(html).toContain('<span class="rule-id">G3</span></th><td>Made before 1 July 2018</td>');
    expect(html).toContain('3.4 GB');
    expect(html).toContain('1.2 MB');
  });

  it('draws the timeline with one row per space, the cutoff, both bands and a legend', () => {
    const svg = /<svg[\s\S]*<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/aria-label="[^"]+"/);
    expect(svg).toMatch(/<title>[^<]+<\/title>/);
    expect(count(svg, /class="row row-space"/g)).toBe(scan.spaces.length);
    expect(count(svg, /class="row row-personal"/g)).toBe(1);
    expect(svg).toContain('class="cutoff"');
    expect(svg).toContain('class="band-window"');
    expect(svg).toContain('class="band-life"');
    expect(svg).toContain('class="legend"');
    expect(svg).toContain('>2012</text>');
    expect(svg).toContain('>2023</text>');
    expect(svg).not.toContain('>2011</text>');
    for (const verdict of ['lost', 'uncertain', 'migrates']) expect(svg).toContain(`class="tick v-${verdict}"`);
  });

  it('explains every space with its rule, reason and the Dutch FAQ sentence', () => {
    expect(count(html, /<article class="space /g)).toBe(scan.spaces.length);
    const order = [...html.matchAll(/<h3 id="group-(\w+)">/g)].map((match) => match[1]);
    expect(order).toEqual(['lost', 'uncertain', 'migrates']);
    expect(html).toContain('<blockquote lang="nl">De TwinSpaces werden echter niet gemigreerd naar het nieuwe platform.</blockquote>');
    expect(html).toContain('requested from the Central Support Service');
    const climate = scan.spaces.find((space) => space.id === 'g-climate');
    expect(climate?.verdict).toBe('migrates');
    expect(html).toContain('1 migrate, 3 lost, 1 uncertain');
  });

  it('lists the items at risk with Brussels dates', () => {
    const atRisk = html.slice(html.indexOf('id="at-risk-heading"'));
    expect(atRisk).toContain('Rand van juli');
    expect(atRisk).toContain('<tr><td dir="auto">Rand van juli</td><td>Page</td><td>2018-07-01</td><td class="v-uncertain">Uncertain</td><td>MARGIN</td>');
    expect(atRisk).not.toContain('Onze metingen');
    expect(atRisk).toContain('Your personal items');
    expect(atRisk).toContain('SEG-foto');
    expect(atRisk).not.toContain('Klimaatproject');
  });

  it('speaks Dutch', () => {
    expect(htmlNl.startsWith('<!DOCTYPE html>\n<html lang="nl">')).toBe(true);
    for (const label of ['Gaat verloren', 'Onzeker', 'Verhuist', 'Kort samengevat', 'Totalen', 'Tijdlijn', 'Items in gevaar', 'Je persoonlijke items', 'Gebruikt EU Login-e-mailadres']) {
      expect(htmlNl).toContain(label);
    }
    const { byVerdict } = scan.totals;
    expect(htmlNl).toContain(`Van de ${scan.totals.items} items gaan er ${byVerdict.lost.items} verloren en zijn er ${byVerdict.uncertain.items} onzeker`);
    expect(htmlNl).toContain('Gemaakt vóór 1 juli 2018');
    expect(htmlNl).toContain('6 november 2023');
    expect(htmlNl).toContain('3,4 GB');
    expect(htmlNl).not.toContain('In short');
    expect(htmlNl).not.toContain('Items at risk');
    expect(htmlNl).toContain(scan.items.find((item) => item.id === 'p-old')?.reason.nl ?? 'missing');
  });

  it('prints on A4 and follows a dark system theme', () => {
    expect(html).toContain('@media print');
    expect(html).toContain('size: A4');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
  });
});

describe('big scans', () => {
  function bigSpec(spaceCount: number, itemsPerSpace: number): ScanSpec {
    const base = realisticSpec();
    const spaces: SpaceSpec[] = Array.from({ length: spaceCount }, (_, s) => {
      const year = 2012 + (s % 11);
      const items: ItemSpec[] = Array.from({ length: itemsPerSpace }, (_, i) => ({
        id: `i-${s}-${i}`,
        type: i % 3 === 0 ? 'material' : 'page',
        title: `${s % 7 === 0 ? HOSTILE.script : 'Werkblad'} ${s}.${i}`,
        createdAt: new Date(Date.UTC(year, 0, 1) + i * 3_600_000 * 7).toISOString(),
        ...(i % 3 === 0 ? { size: 10_000 + i } : {}),
      }));
      return {
        id: `space-${s}`,
        kind: s % 5 === 0 ? 'twinspace' : 'group',
        ...(s % 5 === 0 ? { migrationRequest: 'none' as const } : {}),
        title: `Ruimte ${s}`,
        createdAt: `${year}-01-01T00:00:00Z`,
        activity: [`${year}-03-01T10:00:00Z`, `${2020 + (s % 3)}-05-01T10:00:00Z`],
        items,
      };
    });
    return { ...base, spaces };
  }

  it('keeps 20,000 items to a few MB with the timeline and tables capped', async () => {
    const scan = await buildScan(bigSpec(80, 250));
    expect(scan.spaces).toHaveLength(80);
    expect(scan.items.length).toBeGreaterThanOrEqual(20_000);
    const started = performance.now();
    const html = renderReportHtml(scan, ruleSet, 'en');
    const elapsed = performance.now() - started;
    const bytes = Buffer.byteLength(html, 'utf8');
    expect(bytes).toBeLessThan(4_000_000);
    expect(elapsed).toBeLessThan(5_000);
    console.info(`20,000 items: ${(bytes / 1e6).toFixed(2)} MB of HTML in ${Math.round(elapsed)} ms`);
    expect(count(html, /class="row row-space"/g)).toBe(60);
    expect(html).toContain('20 more groups and TwinSpaces are not drawn');
    assertInert(html);
    assertBalanced(html);
    expect(renderReportCsv(scan).length).toBeGreaterThan(0);
  });

  it('caps at-risk rows per space and points to the CSV for the rest', async () => {
    const spec = bigSpec(1, 1_200);
    const onlySpace = spec.spaces[0];
    if (!onlySpace) throw new Error('no space');
    spec.spaces = [{ ...onlySpace, kind: 'twinspace', migrationRequest: 'none' }];
    const scan = await buildScan(spec);
    const html = renderReportHtml(scan, ruleSet, 'en');
    const table = html.slice(html.indexOf('class="risk-space"'), html.indexOf('class="risk-space personal"'));
    expect(count(table, /<tr><td dir="auto">/g)).toBe(500);
    expect(table).toContain('700 more items at risk are not shown here; they are all in the CSV export.');
    const few = renderReportHtml(scan, ruleSet, 'nl', { maxItemRowsPerSpace: 10 });
    expect(few).toContain('Nog 1.190 items in gevaar staan hier niet');
    expect(few).toContain('TwinSpace niet gemigreerd (1.200 items)');
    const none = renderReportHtml(scan, ruleSet, 'en', { maxItemRowsTotal: 0 });
    expect(count(none, /<tr><td dir="auto">/g)).toBe(0);
    expect(none).toContain('TwinSpace not migrated (1,200 items): <span class="reason">');
    expect(none).toContain('1,200 more items at risk are not shown here');
  });
});

describe('report formatting', () => {
  it('writes sizes in human units per language', () => {
    const en = createReportFormat('en-GB', 'Europe/Brussels');
    const nl = createReportFormat('nl-BE', 'Europe/Brussels');
    expect([0, 999, 1000, 1_234_567, 999_960, 3_400_000_000].map(en.bytes)).toEqual(['0 B', '999 B', '1.0 kB', '1.2 MB', '1.0 MB', '3.4 GB']);
    expect(nl.bytes(1_234_567)).toBe('1,2 MB');
    expect(en.date('2018-06-30T22:30:00Z')).toBe('2018-07-01');
    expect(en.date('2018-07-01T23:30:00Z')).toBe('2018-07-02');
    expect(en.date('not a date')).toBe('—');
    expect(en.date(null)).toBe('—');
  });
});
