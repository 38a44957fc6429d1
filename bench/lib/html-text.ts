import type { Rng } from '../../scripts/demo-snapshot/prng.ts';
import { capitalize, sentence, title, type Vocabulary } from './words.ts';

/** HTML as teachers wrote it on the platform: headings, paragraphs, lists, tables and links. */

function paragraph(vocabulary: Vocabulary, rng: Rng): string {
  const sentences: string[] = [];
  const count = rng.int(2, 6);
  for (let index = 0; index < count; index += 1) sentences.push(sentence(vocabulary, rng));
  const text = sentences.join(' ');
  if (rng.chance(0.3)) {
    const cut = text.indexOf(' ', Math.floor(text.length / 2));
    if (cut > 0) return `<p>${text.slice(0, cut)} <strong>${vocabulary.word(rng)}</strong>${text.slice(cut)}</p>`;
  }
  return `<p>${text}</p>`;
}

function list(vocabulary: Vocabulary, rng: Rng): string {
  const items: string[] = [];
  const count = rng.int(3, 7);
  for (let index = 0; index < count; index += 1) items.push(`<li>${sentence(vocabulary, rng, 3, 9)}</li>`);
  return rng.chance(0.5) ? `<ul>${items.join('')}</ul>` : `<ol>${items.join('')}</ol>`;
}

function table(vocabulary: Vocabulary, rng: Rng): string {
  const rows: string[] = [`<tr><th>${capitalize(vocabulary.word(rng))}</th><th>${capitalize(vocabulary.word(rng))}</th><th>${capitalize(vocabulary.word(rng))}</th></tr>`];
  const count = rng.int(2, 6);
  for (let index = 0; index < count; index += 1) {
    rows.push(`<tr><td>${title(vocabulary, rng)}</td><td>${vocabulary.word(rng)}</td><td>${rng.int(1, 31)}/${rng.int(1, 12)}</td></tr>`);
  }
  return `<table>${rows.join('')}</table>`;
}

function links(vocabulary: Vocabulary, rng: Rng, internal: readonly string[]): string {
  const items: string[] = [];
  const count = rng.int(1, 4);
  for (let index = 0; index < count; index += 1) {
    const href = internal.length > 0 && rng.chance(0.5)
      ? rng.pick(internal)
      : `https://www.${vocabulary.word(rng)}-${vocabulary.word(rng)}.example/${vocabulary.word(rng)}`;
    items.push(`<li><a href="${href}">${title(vocabulary, rng)}</a></li>`);
  }
  return `<ul>${items.join('')}</ul>`;
}

/**
 * A body fragment of about `bytes` bytes (at least one heading and paragraph). `internal` are
 * platform links (`/content/…`, `/files/…`) to mix in, as teachers linked their own pages.
 */
export function bodyHtml(vocabulary: Vocabulary, rng: Rng, bytes: number, internal: readonly string[] = []): string {
  const parts: string[] = [`<h2>${title(vocabulary, rng)}</h2>`, paragraph(vocabulary, rng)];
  let size = parts.reduce((sum, part) => sum + part.length, 0);
  // Bounded: each block adds at least a few dozen bytes.
  for (let blocks = 0; size < bytes && blocks < 10_000; blocks += 1) {
    const roll = rng.next();
    const block = roll < 0.6 ? paragraph(vocabulary, rng)
      : roll < 0.75 ? list(vocabulary, rng)
        : roll < 0.83 ? `<h3>${title(vocabulary, rng)}</h3>`
          : roll < 0.92 ? links(vocabulary, rng, internal)
            : table(vocabulary, rng);
    parts.push(block);
    size += block.length;
  }
  return parts.join('\n');
}

/** A whole web page of about `bytes` bytes. */
export function htmlDocument(vocabulary: Vocabulary, rng: Rng, bytes: number): string {
  const heading = title(vocabulary, rng);
  const head = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${heading}</title>\n`
    + '<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n<body>\n'
    + `<nav><a href="index.html">Home</a> | <a href="pages.html">Pages</a> | <a href="forum.html">Forum</a></nav>\n<main>\n<h1>${heading}</h1>\n`;
  const tail = '\n</main>\n<footer><p>Archived from the legacy platform.</p></footer>\n</body>\n</html>\n';
  return head + bodyHtml(vocabulary, rng, Math.max(200, bytes - head.length - tail.length)) + tail;
}
