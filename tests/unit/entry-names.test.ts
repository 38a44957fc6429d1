import { describe, expect, it } from 'vitest';
import {
  createEntryNamer,
  isSafeEntryPath,
  safeArchiveFileName,
  safeComponent,
  type EntryNamer,
} from '../../electron/core/archive/entry-names.ts';
import { codePointLength, collisionKey, utf8ByteLength } from '../../electron/core/archive/name-measure.ts';
import { isMacMetadataName, isWindowsDeviceName } from '../../electron/core/archive/platform-reserved-names.ts';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // 👨‍👩‍👧‍👦
const WAVE_MEDIUM = '\u{1F44B}\u{1F3FD}'; // 👋🏽
const RAINBOW_FLAG = '\u{1F3F3}\uFE0F\u200D\u{1F308}'; // 🏳️‍🌈
const COOK_DARK = '\u{1F9D1}\u{1F3FF}\u200D\u{1F373}'; // 🧑🏿‍🍳
const SCOTLAND = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'; // 🏴󠁧󠁢󠁳󠁣󠁴󠁿
const PERSIAN = 'می\u200Cخواهم'; // "I want", spelled with a zero-width non-joiner

/** Independent of the code under test: what Windows, macOS and Linux refuse or hide. */
// eslint-disable-next-line no-control-regex -- control characters are what this test looks for
const REFUSED = /[<>:"|?*\\\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\uFEFF\u061C\u2028\u2029\u00AD]/u;

function codePoints(text: string): number {
  return Array.from(text).length;
}

function isWellFormedUtf16(text: string): boolean {
  return Buffer.from(text, 'utf8').toString('utf8') === text;
}

function collisionForms(path: string): string[] {
  const nfc = path.normalize('NFC');
  return [nfc.toLowerCase(), nfc.toUpperCase(), nfc.toUpperCase().toLowerCase()];
}

function expectSafeComponent(component: string, maxCodePoints = 80): void {
  expect(isWellFormedUtf16(component)).toBe(true);
  expect(component.normalize('NFC')).toBe(component);
  expect(component).not.toMatch(REFUSED);
  expect(component).not.toContain('/');
  expect(component).not.toMatch(/^\s|[\s.]$/u);
  expect(component).toMatch(/[^.]/u);
  expect(codePoints(component)).toBeLessThanOrEqual(maxCodePoints);
  expect(Buffer.byteLength(component, 'utf8')).toBeLessThanOrEqual(255);
}

describe('safeComponent keeps names that are already safe', () => {
  it.each([
    ['plain ASCII', 'poster.jpg'],
    ['Dutch ij digraph', 'Ĳsselmeer en ĳs.docx'],
    ['Dutch with ij as two letters', 'IJsselmeer project.docx'],
    ['Greek', 'Ποτάμια της Ελλάδας.docx'],
    ['Cyrillic', 'Річки України.pdf'],
    ['Arabic', 'الأنهار في مصر.pdf'],
    ['Hebrew', 'נהרות ישראל.pdf'],
    ['Chinese', '我们的河流.pptx'],
    ['Japanese', '川の調査 (2019).xlsx'],
    ['Persian with ZWNJ between letters', `${PERSIAN}.txt`],
    ['Hindi with virama', 'नदी की कहानी.pdf'],
    ['emoji ZWJ family', `${FAMILY} family.jpg`],
    ['emoji with skin tone', `${WAVE_MEDIUM} hello.png`],
    ['emoji with variation selector and ZWJ', `${RAINBOW_FLAG} pride.png`],
    ['emoji with skin tone and ZWJ', `${COOK_DARK} recipe.pdf`],
    ['emoji tag sequence flag', `${SCOTLAND} Scotland.jpg`],
    ['leading dots', '.hidden'],
    ['leading dots and more', '...and then'],
    ['double dot inside', 'report..final.pdf'],
    ['underscores', '__init__.py'],
    ['brackets and punctuation', "Maria's [draft] #2 & co, 50% done!.odt"],
    ['private use character', 'logo \uF8FF.png'],
    ['non-breaking space inside', 'a\u00A0b.txt'],
  ])('%s', (_label, name) => {
    expect(safeComponent(name, 'i-1')).toBe(name);
  });
});

describe('safeComponent normalizes to NFC', () => {
  it.each([
    ['Cafe\u0301 cre\u0300me.txt', 'Café crème.txt'],
    ['A\u030Angstro\u0308m', 'Ångström'],
    ['\u1112\u1161\u11AB\u1100\u1173\u11AF.hwp', '한글.hwp'],
    ['\u212A and \u2126.txt', 'K and Ω.txt'],
    ['\u0395\u0301\u03BB\u03BB\u03B7\u03BD\u03B9\u03BA\u03AC', 'Έλληνικά'],
  ])('%j becomes %j', (name, expected) => {
    const component = safeComponent(name, 'i-1');
    expect(component).toBe(expected);
    expect(component).toBe(component.normalize('NFC'));
  });
});

describe('safeComponent replaces what Windows refuses', () => {
  it.each(['<', '>', ':', '"', '|', '?', '*', '\\', '/'])('%j', (character) => {
    expect(safeComponent(`a${character}b.txt`, 'i-1')).toBe('a_b.txt');
  });

  it.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['tab', '\t'],
    ['newline', '\n'],
    ['unit separator', '\u001F'],
    ['DEL', '\u007F'],
    ['C1 NEL', '\u0085'],
    ['C1 APC', '\u009F'],
  ])('control character %s', (_label, character) => {
    expect(safeComponent(`a${character}b.txt`, 'i-1')).toBe('a_b.txt');
  });

  it('collapses a run of refused characters into one underscore', () => {
    expect(safeComponent('a<>:"|?*\\/b', 'i-1')).toBe('a_b');
    expect(safeComponent('a\u0000\u0000\u202E\u200Bb', 'i-1')).toBe('a_b');
  });

  it('keeps underscores that were in the name', () => {
    expect(safeComponent('a_?b', 'i-1')).toBe('a__b');
  });

  it.each([
    ['what?.pdf', 'what_.pdf'],
    ['a:b.png', 'a_b.png'],
    ['Q&A: rivers?', 'Q&A_ rivers_'],
    ['"quoted".txt', '_quoted_.txt'],
  ])('%j becomes %j', (name, expected) => {
    expect(safeComponent(name, 'i-1')).toBe(expected);
  });
});

describe('safeComponent removes characters that make names lie', () => {
  it.each([
    ['LRE', '\u202A'],
    ['RLE', '\u202B'],
    ['PDF', '\u202C'],
    ['LRO', '\u202D'],
    ['RLO', '\u202E'],
    ['LRI', '\u2066'],
    ['RLI', '\u2067'],
    ['FSI', '\u2068'],
    ['PDI', '\u2069'],
    ['zero-width space', '\u200B'],
    ['ZWNJ between Latin letters', '\u200C'],
    ['ZWJ between Latin letters', '\u200D'],
    ['LRM', '\u200E'],
    ['RLM', '\u200F'],
    ['BOM', '\uFEFF'],
    ['Arabic letter mark', '\u061C'],
    ['soft hyphen', '\u00AD'],
    ['word joiner', '\u2060'],
    ['line separator', '\u2028'],
    ['paragraph separator', '\u2029'],
    ['Hangul filler', '\u3164'],
    ['Mongolian vowel separator', '\u180E'],
    ['interlinear annotation anchor', '\uFFF9'],
    ['noncharacter', '\uFFFF'],
    ['stray tag character', '\u{E0041}'],
  ])('%s', (_label, character) => {
    expect(safeComponent(`a${character}b.txt`, 'i-1')).toBe('a_b.txt');
  });

  it('shows the U+202E extension trick instead of reversing the name', () => {
    expect(safeComponent('\u202Egpj.exe', 'i-1')).toBe('_gpj.exe');
    expect(safeComponent('holiday\u202Egpj.exe', 'i-1')).toBe('holiday_gpj.exe');
    expect(safeComponent('holiday\u2067gpj.exe\u2069', 'i-1')).toBe('holiday_gpj.exe_');
  });

  it('keeps RTL text readable but marks a stray RLM', () => {
    expect(safeComponent('שלום\u200F.pdf', 'i-1')).toBe('שלום_.pdf');
  });

  it('removes joiners that do not join emoji or letters of a joining script', () => {
    expect(safeComponent('\u200D\u{1F468}', 'i-1')).toBe('_\u{1F468}');
    expect(safeComponent('\u{1F468}\u200D', 'i-1')).toBe('\u{1F468}_');
    expect(safeComponent('\u{1F468}\u200D\u200D\u{1F469}', 'i-1')).toBe('\u{1F468}_\u{1F469}');
    expect(safeComponent('\u0645\u200C.txt', 'i-1')).toBe('\u0645_.txt');
    expect(safeComponent('\u0645\u200Cx', 'i-1')).toBe('\u0645_x');
  });

  it('keeps a tag sequence only when it spells a flag', () => {
    expect(safeComponent(SCOTLAND, 'i-1')).toBe(SCOTLAND);
    expect(safeComponent('\u{1F3F4}\u{E0067}\u{E0062}', 'i-1')).toBe('\u{1F3F4}_');
    expect(safeComponent('a\u{E0067}\u{E007F}', 'i-1')).toBe('a_');
  });

  it('replaces lone surrogates but keeps valid pairs', () => {
    expect(safeComponent('a\uD800b', 'i-1')).toBe('a_b');
    expect(safeComponent('a\uDC00b', 'i-1')).toBe('a_b');
    expect(safeComponent('a\uDC00\uD800b', 'i-1')).toBe('a_b');
    expect(safeComponent('\u{1F600}', 'i-1')).toBe('\u{1F600}');
    expect(safeComponent('\uD800', 'i-1')).toBe('i-1');
  });

  it('replaces NUL bytes', () => {
    expect(safeComponent('a\u0000b.txt', 'i-1')).toBe('a_b.txt');
    expect(safeComponent('report.pdf\u0000.exe', 'i-1')).toBe('report.pdf_.exe');
    expect(safeComponent('\u0000', 'i-1')).toBe('i-1');
  });
});

describe('safeComponent turns paths from the platform into one harmless component', () => {
  it.each([
    ['../x', '.._x'],
    ['..\\x', '.._x'],
    ['a\\b', 'a_b'],
    ['a/b', 'a_b'],
    ['../../etc/passwd', '.._.._etc_passwd'],
    ['/etc/passwd', '_etc_passwd'],
    ['C:\\Windows\\x', 'C_Windows_x'],
    ['C:', 'C_'],
    ['c:/autoexec.bat', 'c_autoexec.bat'],
    ['\\\\server\\share', '_server_share'],
    ['\\\\?\\C:\\x', '_C_x'],
    ['./x', '_._x'],
  ])('%j becomes %j', (name, expected) => {
    const component = safeComponent(name, 'i-1');
    expect(component).toBe(expected);
    expect(isSafeEntryPath(component)).toBe(true);
  });
});

describe('safeComponent trims what Windows would drop', () => {
  it.each([
    ['report.', 'report'],
    ['report...', 'report'],
    ['report ', 'report'],
    ['report . . ', 'report'],
    [' report', 'report'],
    ['\u3000report\u3000', 'report'],
    ['report\u00A0', 'report'],
    ['  spaced  out.txt  ', 'spaced  out.txt'],
    ['a. .b', 'a. .b'],
  ])('%j becomes %j', (name, expected) => {
    expect(safeComponent(name, 'i-1')).toBe(expected);
  });
});

describe('safeComponent falls back when nothing readable is left', () => {
  it.each(['', ' ', '.', '..', '...', '. .', '???', '<>:"|?*', '\u202E', '\u200B\u200B', '\u0000\u0001', '\t\n'])(
    '%j',
    (name) => {
      expect(safeComponent(name, 'i-7')).toBe('i-7');
    },
  );

  it('keeps the extension of a name whose stem was all removed', () => {
    expect(safeComponent('???.pdf', 'i-7')).toBe('i-7.pdf');
    expect(safeComponent('\u202E.jpg', 'i-7')).toBe('i-7.jpg');
  });

  it('makes the fallback safe too', () => {
    expect(safeComponent('', '../i:7')).toBe('.._i_7');
    expect(safeComponent('', 'CON')).toBe('_CON');
    expect(safeComponent('', '')).toBe('_');
    expect(safeComponent('???', '???')).toBe('_');
  });
});

describe('safeComponent avoids Windows device names', () => {
  it.each([
    ['CON', '_CON'],
    ['con', '_con'],
    ['Con.txt', '_Con.txt'],
    ['CON.txt', '_CON.txt'],
    ['con ', '_con'],
    ['CON .txt', '_CON .txt'],
    ['nul.', '_nul'],
    ['NUL.tar.gz', '_NUL.tar.gz'],
    ['PRN', '_PRN'],
    ['aux.html', '_aux.html'],
    ['COM1', '_COM1'],
    ['com9.log', '_com9.log'],
    ['LPT1', '_LPT1'],
    ['LPT9.tar.gz', '_LPT9.tar.gz'],
    ['COM0', '_COM0'],
    ['COM\u00B9.txt', '_COM\u00B9.txt'],
    ['com\u00B2', '_com\u00B2'],
    ['LPT\u00B3', '_LPT\u00B3'],
    ['CONIN$', '_CONIN$'],
    ['conout$.txt', '_conout$.txt'],
  ])('%j becomes %j', (name, expected) => {
    expect(safeComponent(name, 'i-1')).toBe(expected);
  });

  it.each(['CONSOLE.txt', 'COM10.txt', 'LPT', 'NULL', 'icon.png', 'con-notes.txt', 'auxiliary', 'COM', '.con', 'x.CON'])(
    'leaves %j alone',
    (name) => {
      expect(safeComponent(name, 'i-1')).toBe(name);
    },
  );

  it('checks again after shortening, which can leave a bare device name', () => {
    expect(safeComponent(`CON${' '.repeat(100)}x`, 'i-1')).toBe('_CON');
  });
});

describe('safeComponent avoids names that macOS unzip tools swallow', () => {
  it.each([
    ['._poster.jpg', '_._poster.jpg'],
    ['__MACOSX', '___MACOSX'],
    ['__macosx', '___macosx'],
  ])('%j becomes %j', (name, expected) => {
    expect(safeComponent(name, 'i-1')).toBe(expected);
  });
});

describe('safeComponent shortens long names', () => {
  it('cuts to 80 code points', () => {
    expect(safeComponent('a'.repeat(300), 'i-1')).toBe('a'.repeat(80));
  });

  it('keeps a 300-byte two-byte name within 80 code points', () => {
    const name = 'é'.repeat(150);
    expect(Buffer.byteLength(name)).toBe(300);
    expect(safeComponent(name, 'i-1')).toBe('é'.repeat(80));
  });

  it('keeps a 300-byte Chinese name within 80 code points and 255 bytes', () => {
    const component = safeComponent('河'.repeat(100), 'i-1');
    expect(component).toBe('河'.repeat(80));
    expect(Buffer.byteLength(component)).toBe(240);
  });

  it('keeps four-byte emoji within 255 bytes', () => {
    const component = safeComponent('\u{1F600}'.repeat(70), 'i-1');
    expect(component).toBe('\u{1F600}'.repeat(63));
    expect(Buffer.byteLength(component)).toBe(252);
  });

  it('never splits a ZWJ family', () => {
    // 7 code points and 25 bytes each: 10 fit in 255 bytes, the 11th would not.
    const component = safeComponent(FAMILY.repeat(20), 'i-1');
    expect(component).toBe(FAMILY.repeat(10));
  });

  it('never splits an emoji from its skin tone', () => {
    const component = safeComponent(`x${WAVE_MEDIUM.repeat(60)}`, 'i-1');
    expect(component).toBe(`x${WAVE_MEDIUM.repeat(31)}`);
    expect(Buffer.byteLength(component)).toBeLessThanOrEqual(255);
  });

  it('never splits a letter from its combining accent', () => {
    const component = safeComponent('x\u0301'.repeat(60), 'i-1');
    expect(component).toBe('x\u0301'.repeat(40));
  });

  it('cuts a letter buried under hundreds of combining marks between code points', () => {
    const component = safeComponent(`e${'\u0301\u0302'.repeat(200)}`, 'i-1');
    expect(codePoints(component)).toBe(80);
    expectSafeComponent(component);
  });

  it('keeps the extension', () => {
    expect(safeComponent(`${'a'.repeat(100)}.jpeg`, 'i-1')).toBe(`${'a'.repeat(75)}.jpeg`);
    expect(safeComponent(`${'é'.repeat(300)}.pdf`, 'i-1')).toBe(`${'é'.repeat(76)}.pdf`);
    expect(safeComponent(`${'a'.repeat(100)}.abcdefghij`, 'i-1')).toBe(`${'a'.repeat(69)}.abcdefghij`);
  });

  it('does not mistake the end of a sentence or an 11-letter tail for an extension', () => {
    expect(safeComponent(`${'a'.repeat(100)}.abcdefghijk`, 'i-1')).toBe('a'.repeat(80));
    expect(safeComponent(`${'a'.repeat(78)}. and more`, 'i-1')).toBe('a'.repeat(78));
  });

  it('drops a trailing dot or space that the cut exposes', () => {
    expect(safeComponent(`${'a'.repeat(78)} . ${'b'.repeat(20)}`, 'i-1')).toBe('a'.repeat(78));
  });

  it('drops a joiner that the cut strands at the end', () => {
    const name = `${'\u0645'.repeat(79)}\u200C${'\u06CC'.repeat(10)}`;
    expect(safeComponent(name, 'i-1')).toBe('\u0645'.repeat(79));
  });

  it('copes with a megabyte-long name', () => {
    const component = safeComponent(`${'x'.repeat(1_000_000)}.pdf`, 'i-1');
    expect(component).toBe(`${'x'.repeat(76)}.pdf`);
  });
});

describe('isSafeEntryPath', () => {
  it.each([
    'poster.jpg',
    'Our Rivers/Welcome.html',
    'a/b/c/d.txt',
    '.hidden',
    `${FAMILY}/${SCOTLAND}.png`,
    `${PERSIAN}.txt`,
    'x'.repeat(80),
    `${'a'.repeat(79)}/${'b'.repeat(80)}`,
  ])('accepts %j', (path) => {
    expect(isSafeEntryPath(path)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['absolute', '/etc/passwd'],
    ['empty component', 'a//b'],
    ['trailing slash', 'a/'],
    ['dot', '.'],
    ['dot dot', '..'],
    ['traversal', 'a/../b'],
    ['only dots', 'a/.../b'],
    ['drive letter', 'C:/x'],
    ['backslash', 'a\\b'],
    ['UNC', '\\\\server\\share'],
    ['device name', 'CON'],
    ['device name with extension in a folder', 'dir/con.txt'],
    ['device name as a folder', 'lpt1/x.txt'],
    ['trailing dot', 'a.'],
    ['trailing space', 'a '],
    ['trailing space in a folder', 'a /b'],
    ['leading space', ' a'],
    ['question mark', 'a?b'],
    ['control character', 'a\u0001b'],
    ['NUL', 'a\u0000b'],
    ['C1 control', 'a\u0085b'],
    ['RLO', '\u202Egpj.exe'],
    ['zero-width space', 'a\u200Bb'],
    ['BOM', '\uFEFFa'],
    ['ZWJ between Latin letters', 'a\u200Db'],
    ['stray tag', 'a\u{E0041}'],
    ['NFD', 'Cafe\u0301'],
    ['lone surrogate', 'a\uD800'],
    ['AppleDouble', '._x'],
    ['81 code points', 'x'.repeat(81)],
    ['256 bytes in 64 code points', '\u{1F600}'.repeat(64)],
    ['161 characters', `${'a'.repeat(80)}/${'b'.repeat(80)}`],
  ])('rejects %s', (_label, path) => {
    expect(isSafeEntryPath(path)).toBe(false);
  });

  it('measures the path in UTF-16 units, as Windows does', () => {
    const path = `${'\u{1F600}'.repeat(40)}/${'\u{1F600}'.repeat(40)}`;
    expect(codePoints(path)).toBe(81);
    expect(isSafeEntryPath(path)).toBe(false);
  });

  it('takes another maximum path length', () => {
    expect(isSafeEntryPath('a'.repeat(61), { maxPathLength: 60 })).toBe(false);
    expect(isSafeEntryPath('a'.repeat(60), { maxPathLength: 60 })).toBe(true);
  });
});

describe('createEntryNamer', () => {
  it('keeps names that are free', () => {
    const namer = createEntryNamer();
    expect(namer.claim([], 'poster.jpg', 'i-1')).toBe('poster.jpg');
    expect(namer.claim(['Our Rivers'], 'Welcome.html', 'i-2')).toBe('Our Rivers/Welcome.html');
  });

  it('breaks a tie with the item id before the extension, then with a counter', () => {
    const namer = createEntryNamer();
    expect(namer.claim([], 'poster.jpg', 'i-a4')).toBe('poster.jpg');
    expect(namer.claim([], 'poster.jpg', 'i-a5')).toBe('poster (i-a5).jpg');
    expect(namer.claim([], 'poster.jpg', 'i-a5')).toBe('poster (i-a5, 2).jpg');
    expect(namer.claim([], 'poster.jpg', 'i-a5')).toBe('poster (i-a5, 3).jpg');
  });

  it('treats names that differ only in case as the same', () => {
    const namer = createEntryNamer();
    expect(namer.claim([], 'Poster.JPG', 'i-1')).toBe('Poster.JPG');
    expect(namer.claim([], 'poster.jpg', 'i-2')).toBe('poster (i-2).jpg');
    expect(namer.claim([], 'POSTER.jpg', 'i-3')).toBe('POSTER (i-3).jpg');
  });

  it('treats NFC and NFD spellings as the same, and writes NFC', () => {
    const namer = createEntryNamer();
    expect(namer.claim([], 'café.txt', 'i-1')).toBe('café.txt');
    expect(namer.claim([], 'cafe\u0301.txt', 'i-2')).toBe('café (i-2).txt');
  });

  it.each([
    ['Dutch ij digraph', 'Ĳssel.txt', 'ĳssel.txt'],
    ['Greek sigma', 'ΣΟΦΙΑ.txt', 'σοφια.txt'],
    ['Greek final sigma', 'οδος.txt', 'ΟΔΟΣ.txt'],
    ['Greek sigma before the extension', 'ΣΟΦΙΑΣ.txt', 'σοφιας.txt'],
    ['Cyrillic', 'Річка.pdf', 'РІЧКА.pdf'],
    ['German sharp s, folded as macOS does', 'straße.txt', 'STRASSE.txt'],
    ['capital sharp s', 'STRAẞE.txt', 'strasse.txt'],
    ['Ohm sign, which NFC makes omega', 'Ω.txt', '\u2126.txt'],
    ['ligature', '\uFB00.txt', 'FF.txt'],
  ])('treats %s spellings as the same', (_label, first, second) => {
    const namer = createEntryNamer();
    expect(namer.claim([], first, 'i-1')).toBe(first);
    const path = namer.claim([], second, 'i-2');
    expect(path).toContain('(i-2)');
  });

  it('treats names that are only made safe alike as the same', () => {
    const namer = createEntryNamer();
    expect(namer.claim([], 'a?b.txt', 'i-1')).toBe('a_b.txt');
    expect(namer.claim([], 'a*b.txt', 'i-2')).toBe('a_b (i-2).txt');
    expect(namer.claim([], 'a_b.txt', 'i-3')).toBe('a_b (i-3).txt');
    expect(namer.claim([], 'report.', 'i-4')).toBe('report');
    expect(namer.claim([], 'report', 'i-5')).toBe('report (i-5)');
  });

  it('uses the item id for a name that is all removed', () => {
    const namer = createEntryNamer();
    expect(namer.claim([], '???', 'i-9')).toBe('i-9');
    expect(namer.claim([], '<<>>', 'i-9')).toBe('i-9 (i-9)');
    expect(namer.claim([], '???.pdf', 'i-10')).toBe('i-10.pdf');
  });

  it('makes a hostile tie-breaker safe, or counts without it', () => {
    const namer = createEntryNamer();
    namer.claim([], 'a.txt', 'i-1');
    expect(namer.claim([], 'a.txt', 'i/2')).toBe('a (i_2).txt');
    expect(namer.claim([], 'a.txt', '../\u202E')).toBe('a (2).txt');
    expect(namer.claim([], 'a.txt', '')).toBe('a (3).txt');
    const long = namer.claim([], 'a.txt', 'x'.repeat(200));
    expect(long).toBe(`a (${'x'.repeat(24)}).txt`);
  });

  it('does not let a file and a folder share a name', () => {
    const namer = createEntryNamer();
    expect(namer.claim([], 'a', 'i-1')).toBe('a');
    expect(namer.claim(['A'], 'x.txt', 'i-2')).toBe('A (2)/x.txt');
    expect(namer.claim(['B'], 'x.txt', 'i-3')).toBe('B/x.txt');
    expect(namer.claim([], 'b', 'i-4')).toBe('b (i-4)');
  });

  it('puts files with the same raw folder name in the same folder', () => {
    const namer = createEntryNamer();
    expect(namer.claim(['Our Rivers', 'Pages'], 'one.html', 'i-1')).toBe('Our Rivers/Pages/one.html');
    expect(namer.claim(['Our Rivers', 'Pages'], 'two.html', 'i-2')).toBe('Our Rivers/Pages/two.html');
    expect(namer.claim(['Our Rivers'], 'three.html', 'i-3')).toBe('Our Rivers/three.html');
    expect(namer.claim(['Our Rivers', 'Pages'], 'one.html', 'i-4')).toBe('Our Rivers/Pages/one (i-4).html');
    expect(namer.claim(['Our Rive\u0301rs'.normalize('NFD')], 'x', 'i-5')).toBe('Our Rivérs/x');
    expect(namer.claim(['Our Rive\u0301rs'], 'y', 'i-6')).toBe('Our Rivérs/y');
  });

  it('gives different raw folder names different folders, even when they come out alike', () => {
    const namer = createEntryNamer();
    expect(namer.claim(['Rivers'], 'a', 'i-1')).toBe('Rivers/a');
    expect(namer.claim(['rivers'], 'b', 'i-2')).toBe('rivers (2)/b');
    expect(namer.claim(['RIVERS'], 'c', 'i-3')).toBe('RIVERS (3)/c');
    expect(namer.claim(['a?b'], 'd', 'i-4')).toBe('a_b/d');
    expect(namer.claim(['a*b'], 'e', 'i-5')).toBe('a_b (2)/e');
    expect(namer.claim(['???'], 'f', 'i-6')).toBe('_/f');
    expect(namer.claim(['rivers'], 'g', 'i-7')).toBe('rivers (2)/g');
  });

  it('makes hostile folder names safe', () => {
    const namer = createEntryNamer();
    expect(namer.claim(['..', '../../etc', 'C:\\Windows', 'CON'], 'passwd', 'i-1')).toBe('_/.._.._etc/C_Windows/_CON/passwd');
    expect(namer.claim(['a/b'], 'c', 'i-2')).toBe('a_b/c');
  });

  it('keeps reserved paths free', () => {
    const namer = createEntryNamer({ reserved: ['index.html', 'manifest.json', 'assets/style.css'] });
    expect(namer.has('INDEX.HTML')).toBe(true);
    expect(namer.has('assets')).toBe(true);
    expect(namer.has('assets/')).toBe(true);
    expect(namer.has('Assets/Style.css')).toBe(true);
    expect(namer.has('assets/other.css')).toBe(false);
    expect(namer.claim([], 'index.html', 'i-1')).toBe('index (i-1).html');
    expect(namer.claim([], 'Manifest.JSON', 'i-2')).toBe('Manifest (i-2).JSON');
    expect(namer.claim([], 'Assets', 'i-3')).toBe('Assets (i-3)');
    expect(namer.claim(['assets'], 'style.css', 'i-4')).toBe('assets (2)/style.css');
  });

  it('refuses reserved paths that are unsafe or contradict each other', () => {
    expect(() => createEntryNamer({ reserved: ['../index.html'] })).toThrow(TypeError);
    expect(() => createEntryNamer({ reserved: ['CON'] })).toThrow(TypeError);
    expect(() => createEntryNamer({ reserved: ['a', 'a/b'] })).toThrow(TypeError);
    expect(() => createEntryNamer({ reserved: ['a/b', 'A'] })).toThrow(TypeError);
    expect(() => createEntryNamer({ reserved: ['index.html', 'INDEX.html'] })).not.toThrow();
  });

  it('answers has() for claimed files and folders, case-insensitively', () => {
    const namer = createEntryNamer();
    namer.claim(['Our Rivers'], 'poster.jpg', 'i-1');
    expect(namer.has('Our Rivers/poster.jpg')).toBe(true);
    expect(namer.has('our rivers/POSTER.JPG')).toBe(true);
    expect(namer.has('Our Rivers')).toBe(true);
    expect(namer.has('Our Rivers/other.jpg')).toBe(false);
    expect(namer.has('Our Rivers/poster.jpg/x')).toBe(false);
    expect(namer.has('poster.jpg')).toBe(false);
    expect(namer.has('')).toBe(false);
  });

  it('keeps a long name with its tie-breaker and extension within 80 code points', () => {
    const namer = createEntryNamer();
    const name = `${'a'.repeat(100)}.pdf`;
    expect(namer.claim([], name, 'i-1')).toBe(`${'a'.repeat(76)}.pdf`);
    expect(namer.claim([], name, 'i-2')).toBe(`${'a'.repeat(70)} (i-2).pdf`);
    expect(namer.claim([], name, 'i-2')).toBe(`${'a'.repeat(67)} (i-2, 2).pdf`);
  });

  it('shortens the deepest folder first and leaves room for the files', () => {
    const namer = createEntryNamer();
    const path = namer.claim(['A'.repeat(80), 'B'.repeat(80)], `${'c'.repeat(100)}.pdf`, 'i-1');
    const [first, second, file] = path.split('/');
    // The top folder keeps 17 characters for a third level of folders, the second folder gives
    // way down to 16, and the file keeps at least 48.
    expect(first).toBe('A'.repeat(77));
    expect(second).toBe('B'.repeat(16));
    expect(file).toMatch(/^c+\.pdf$/u);
    expect(file?.length).toBeGreaterThanOrEqual(48);
    expect(path.length).toBeLessThanOrEqual(160);
  });

  it('shortens parents once the deeper folders are as short as is readable', () => {
    const namer = createEntryNamer();
    const path = namer.claim(['A'.repeat(80), 'B'.repeat(80), 'C'.repeat(80)], 'x.txt', 'i-1');
    const [first, second, third] = path.split('/');
    expect(third).toBe('C'.repeat(16));
    expect(second).toBe('B'.repeat(16));
    expect(first?.length).toBeLessThan(80);
    expect(path.length).toBeLessThanOrEqual(160);
  });

  it('keeps every path under 160 characters and unique in a crowded deep folder', () => {
    const namer = createEntryNamer();
    const folders = ['Ποτάμια της Ελλάδας και της Κύπρου: ένα έργο για δύο χρόνια με πολλά σχολεία', '川'.repeat(90)];
    const paths = Array.from({ length: 60 }, (_, index) =>
      namer.claim(folders, `${'Ο ποταμός '.repeat(12)}.pdf`, `i-${index % 7}`),
    );
    expect(new Set(paths.map((path) => path.toLowerCase())).size).toBe(paths.length);
    for (const path of paths) {
      expect(isSafeEntryPath(path)).toBe(true);
      expect(path.length).toBeLessThanOrEqual(160);
      expect(path.endsWith('.pdf')).toBe(true);
    }
  });

  it('takes a shorter maximum path length', () => {
    const namer = createEntryNamer({ maxPathLength: 60 });
    const path = namer.claim(['x'.repeat(80), 'y'.repeat(80)], `${'z'.repeat(80)}.docx`, 'i-1');
    expect(path.length).toBeLessThanOrEqual(60);
    expect(isSafeEntryPath(path, { maxPathLength: 60 })).toBe(true);
    expect(path.endsWith('.docx')).toBe(true);
  });

  it('refuses a maximum path length too short to hold names', () => {
    expect(() => createEntryNamer({ maxPathLength: 10 })).toThrow(RangeError);
    expect(() => createEntryNamer({ maxPathLength: 100.5 })).toThrow(RangeError);
  });

  it('refuses folders nested deeper than a path can hold', () => {
    const namer = createEntryNamer();
    const folders = Array.from({ length: 40 }, (_, index) => `level ${index}`);
    expect(() => namer.claim(folders, 'x.txt', 'i-1')).toThrow(RangeError);
    expect(namer.claim(folders.slice(0, 8), 'x.txt', 'i-1').length).toBeLessThanOrEqual(160);
  });

  it('is deterministic', () => {
    const calls: [string[], string, string][] = [
      [[], 'poster.jpg', 'i-1'],
      [['Our Rivers'], 'poster.jpg', 'i-2'],
      [[], 'Poster.jpg', 'i-3'],
      [['our rivers'], 'x', 'i-4'],
      [[], 'poster.jpg', 'i-3'],
      [['Our Rivers', 'A'.repeat(90)], 'b'.repeat(90), 'i-5'],
    ];
    const run = () => {
      const namer = createEntryNamer({ reserved: ['index.html'] });
      return calls.map(([folders, name, tieBreaker]) => namer.claim(folders, name, tieBreaker));
    };
    expect(run()).toEqual(run());
  });
});

describe('safeArchiveFileName', () => {
  it('joins a safe title and the suffix', () => {
    expect(safeArchiveFileName('Our Rivers', ' part 1 of 3.zip', 'ts-2002')).toBe('Our Rivers part 1 of 3.zip');
  });

  it('does not take a dot in the title for an extension', () => {
    expect(safeArchiveFileName('Project 2.0', '.zip', 'ts-1')).toBe('Project 2.0.zip');
  });

  it('makes the title safe', () => {
    expect(safeArchiveFileName('Our/Rivers: 2019?', ' part 1 of 3.zip', 'ts-2002')).toBe(
      'Our_Rivers_ 2019_ part 1 of 3.zip',
    );
    expect(safeArchiveFileName('\u202Epiz.exe', '.zip', 'ts-1')).toBe('_piz.exe.zip');
    expect(safeArchiveFileName('Rivers...', '.zip', 'ts-1')).toBe('Rivers.zip');
    expect(safeArchiveFileName('CON', '.zip', 'ts-1')).toBe('_CON.zip');
  });

  it('falls back when the title is empty or all removed', () => {
    expect(safeArchiveFileName('', ' part 1 of 3.zip', 'ts-2002')).toBe('ts-2002 part 1 of 3.zip');
    expect(safeArchiveFileName('???', '.zip', 'ts-2002')).toBe('ts-2002.zip');
  });

  it('shortens a long title to keep the whole name within 120 characters', () => {
    const name = safeArchiveFileName(`${'Ο ποταμός '.repeat(30)}`, ' part 12 of 13.zip', 'ts-1');
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith(' part 12 of 13.zip')).toBe(true);
    expect(name).not.toMatch(/ {2}part/u);
    expectSafeComponent(name, 120);
  });

  it('keeps four-byte characters within 255 bytes', () => {
    const name = safeArchiveFileName('\u{1F30A}'.repeat(100), '.zip', 'ts-1');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith('.zip')).toBe(true);
  });
});

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  'a', 'Z', 'poster', ' ', '  ', '.', '..', '_', '-', '(1)', '#', '%', '&',
  'ij', 'Ĳ', 'ĳ', 'IJsselmeer', 'Ποτάμι', 'ς', 'σ', 'Σ', 'Річка', 'النهر', 'נהר', '河流', 'नदी', PERSIAN,
  FAMILY, WAVE_MEDIUM, RAINBOW_FLAG, COOK_DARK, SCOTLAND, '\u{1F600}', '\uFE0F',
  'e\u0301', '\u0301', '\u0308', 'café', 'cafe\u0301', 'ß', 'SS', 'ẞ', 'K', '\u212A', '\u1112\u1161\u11AB',
  '<', '>', ':', '"', '|', '?', '*', '\\', '/',
  '\u0000', '\u0007', '\t', '\n', '\u001F', '\u007F', '\u0085', '\u009F',
  '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
  '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\uFEFF', '\u061C', '\u00AD', '\u2028', '\u3164', '\u00A0', '\u3000',
  '\uD800', '\uDBFF', '\uDC00', '\uFDD0', '\uFFFF', '\u{E0041}', '\u{E007F}',
  'CON', 'con', 'PRN', 'aux', 'NUL', 'COM1', 'com9', 'LPT9', 'LPT\u00B3', 'CONIN$',
  '.txt', '.pdf', '.jpg', '.JPG', '.tar.gz', '.abcdefghijk',
  'C:', 'C:\\Windows\\', '\\\\server\\share', '../', '../../etc/passwd', './', '._', '__MACOSX',
  'x'.repeat(100), '河'.repeat(90), '\u{1F600}'.repeat(70), 'é'.repeat(130), 'x\u0301'.repeat(50), `e${'\u0301'.repeat(120)}`,
];

function randomName(random: () => number): string {
  const pick = (count: number) => Math.floor(random() * count);
  const length = random() < 0.1 ? 0 : random() < 0.8 ? 1 + pick(4) : 1 + pick(30);
  let name = '';
  for (let index = 0; index < length; index += 1) {
    name += random() < 0.15 ? String.fromCharCode(pick(0x10000)) : (FRAGMENTS[pick(FRAGMENTS.length)] ?? '');
  }
  return name;
}

interface Call {
  readonly folders: readonly string[];
  readonly name: string;
  readonly tieBreaker: string;
}

function randomCalls(seed: number, count: number): Call[] {
  const random = seededRandom(seed);
  const folderPool = Array.from({ length: 40 }, () => randomName(random));
  return Array.from({ length: count }, (_, index) => {
    const depth = Math.floor(random() * 4);
    const folders = Array.from({ length: depth }, () => folderPool[Math.floor(random() * folderPool.length)] ?? '');
    const name = random() < 0.2 ? 'poster.jpg' : randomName(random);
    const tieBreaker = random() < 0.9 ? `i-${index % 997}` : randomName(random);
    return { folders, name, tieBreaker };
  });
}

function claimAll(namer: EntryNamer, calls: readonly Call[]): string[] {
  return calls.map(({ folders, name, tieBreaker }) => namer.claim(folders, name, tieBreaker));
}

function expectSafeAndUnique(paths: readonly string[], maxPathLength: number): void {
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const path of paths) {
    expect(isSafeEntryPath(path, { maxPathLength })).toBe(true);
    expect(path.length).toBeLessThanOrEqual(maxPathLength);
    expect(isWellFormedUtf16(path)).toBe(true);
    expect(path).not.toMatch(/^\/|\/\/|\/$/u);
    const components = path.split('/');
    for (const component of components) {
      expectSafeComponent(component);
      expect(component).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])( *\..*)?$/iu);
    }
    for (const form of collisionForms(path)) {
      expect(files.has(form), `${JSON.stringify(path)} collides with a file`).toBe(false);
      expect(folders.has(form), `${JSON.stringify(path)} collides with a folder`).toBe(false);
    }
    for (const form of collisionForms(path)) files.add(form);
    for (let depth = 1; depth < components.length; depth += 1) {
      const folder = components.slice(0, depth).join('/');
      for (const form of collisionForms(folder)) {
        expect(files.has(form), `folder ${JSON.stringify(folder)} collides with a file`).toBe(false);
        folders.add(form);
      }
    }
  }
}

describe('property: thousands of hostile names', () => {
  const calls = randomCalls(20_240_601, 5_000);

  it('every claimed path is safe, short and unique case-insensitively', () => {
    const namer = createEntryNamer({ reserved: ['index.html', 'manifest.json', 'assets/style.css'] });
    const paths = claimAll(namer, calls);
    expectSafeAndUnique([...paths, 'index.html', 'manifest.json', 'assets/style.css'], 160);
    for (const path of paths) expect(namer.has(path)).toBe(true);
  });

  it('gives the same paths for the same calls', () => {
    expect(claimAll(createEntryNamer(), calls)).toEqual(claimAll(createEntryNamer(), calls));
  });

  it('holds with a shorter maximum path length', () => {
    const namer = createEntryNamer({ maxPathLength: 60 });
    expectSafeAndUnique(claimAll(namer, calls.slice(0, 1_500)), 60);
  });

  it('every single component and archive file name is safe', () => {
    const random = seededRandom(7);
    for (let index = 0; index < 5_000; index += 1) {
      const component = safeComponent(randomName(random), randomName(random));
      expect(isSafeEntryPath(component)).toBe(true);
      expectSafeComponent(component);
      expect(safeComponent(component, 'other'), 'a safe name stays as it is').toBe(component);
      const archiveName = safeArchiveFileName(randomName(random), ' part 1 of 3.zip', `ts-${index}`);
      expectSafeComponent(archiveName, 120);
      expect(archiveName.length).toBeLessThanOrEqual(120);
      expect(archiveName.endsWith(' part 1 of 3.zip')).toBe(true);
    }
  });
});

describe('the measures behind names, on any text', () => {
  // What the measures were before they got their ASCII and per-unit shortcuts: one string per
  // code point, every fold spelled out.
  const reference = {
    codePointLength: (text: string) => Array.from(text).length,
    utf8ByteLength: (text: string) => Array.from(text).reduce((sum, c) => {
      const code = c.codePointAt(0) ?? 0;
      return sum + (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);
    }, 0),
    collisionKey: (text: string) => text.normalize('NFC').toLowerCase().toUpperCase().toLowerCase().normalize('NFC'),
    isWindowsDeviceName: (text: string) => ['CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$',
      ...['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '\u00B9', '\u00B2', '\u00B3'].flatMap((digit) => [`COM${digit}`, `LPT${digit}`])]
      .includes((text.split('.', 1)[0] ?? '').replace(/ +$/u, '').toUpperCase()),
    isMacMetadataName: (text: string) => text.startsWith('._') || text.toUpperCase() === '__MACOSX',
  };
  // Characters that change length when folded or measured: lone and paired surrogates, ß and
  // ligatures that grow in upper case, ſ and dotless i that fold to ASCII, combining marks.
  const pieces = ['a', 'Z', ' ', '.', 'con', 'LpT', 'com\u00B9', '__macosx', '._', 'ß', 'ﬀ', 'ﬆ', 'ſ', 'ı', 'İ', 'e\u0301', 'é', 'Ω',
    '\u{1F600}', '\uD800', '\uDC00', '\u200D', '\u0000', '\u007F', '\u00FF', '\u0800', '\uFFFF', 'ǅ', 'ΐ'];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const texts = ['', ...pieces, 'CON .txt', 'nul', 'AUX   ', 'conout$.tar.gz', 'x'.repeat(15), 'ſ'.repeat(8)];
  for (let index = 0; index < 3000; index += 1) {
    texts.push(Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)] ?? '').join(''));
  }

  it('are what the plain definitions give', () => {
    for (const text of texts) {
      expect([codePointLength(text), utf8ByteLength(text), collisionKey(text), isWindowsDeviceName(text), isMacMetadataName(text)], JSON.stringify(text))
        .toEqual([reference.codePointLength(text), reference.utf8ByteLength(text), reference.collisionKey(text),
          reference.isWindowsDeviceName(text), reference.isMacMetadataName(text)]);
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });
});
