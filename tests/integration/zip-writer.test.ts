import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkZip } from '../../electron/core/archive/zip/read-zip.ts';
import { createZipWriter } from '../../electron/core/archive/zip/zip-writer.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { pythonZipCheck, unzipList, unzipTest } from '../helpers/unzip.ts';

const tempDir = useTempDirs();
const modified = new Date('2021-06-10T14:00:00Z');
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function* chunks(total: number, chunkSize: number, fill: (index: number) => number): Generator<Buffer> {
  for (let offset = 0; offset < total; offset += chunkSize) {
    const chunk = Buffer.alloc(Math.min(chunkSize, total - offset));
    for (let i = 0; i < chunk.length; i += 1) chunk[i] = fill(offset + i);
    yield chunk;
  }
}

describe('zip writer', () => {
  it('writes buffers and streams, stored and deflated, with UTF-8 names that three readers accept', async () => {
    const file = path.join(await tempDir(), 'out.zip');
    const zip = await createZipWriter(file);
    const text = Buffer.from('<p>Wie doet mee? Ideeën voor de klas.</p>\n'.repeat(500));
    const random = createHash('sha512').update('x').digest();
    const entries: [string, Buffer][] = [
      ['index.html', text],
      ['spaces/Nieuwe ideeën/Ελληνικά και 中文 🎉.html', text.subarray(0, 1000)],
      ['files/empty.txt', Buffer.alloc(0)],
      ['files/random.bin', random],
    ];
    const written = await Promise.all(entries.map(([name, data]) => zip.addBuffer(name, data, { modified, compress: true })));
    expect(written[0]?.method).toBe('deflate');
    expect(written[3]?.method).toBe('store');
    const streamed = Buffer.concat([...chunks(300_000, 7_777, (i) => (i * 31) % 251)]);
    await zip.addStream('media/stream stored.bin', Readable.from(chunks(300_000, 7_777, (i) => (i * 31) % 251)), { modified, compress: false, size: 300_000 });
    await zip.addStream('media/stream deflated.txt', Readable.from([text, text]), { modified, compress: true, size: null });
    const { entries: count, size } = await zip.finish();
    expect(count).toBe(6);
    expect((await stat(file)).size).toBe(size);

    expect((await unzipTest(file)).ok).toBe(true);
    const names = [...entries.map(([name]) => name), 'media/stream stored.bin', 'media/stream deflated.txt'];
    expect(await unzipList(file)).toEqual(names);
    expect(await pythonZipCheck(file)).toEqual({ names, firstBad: null });
    const checked = await checkZip(file);
    expect(checked.map((entry) => entry.problem)).toEqual(names.map(() => null));
    expect(checked.every((entry) => entry.utf8)).toBe(true);
    expect(checked[4]?.sha256).toBe(sha(streamed));
    expect(checked[5]?.sha256).toBe(sha(Buffer.concat([text, text])));
    expect(checked[1]?.sha256).toBe(sha(text.subarray(0, 1000)));
  });

  it('switches to ZIP64 end records past 65,535 entries', async () => {
    const file = path.join(await tempDir(), 'many.zip');
    const zip = await createZipWriter(file);
    const total = 70_000;
    for (let index = 0; index < total; index += 1) {
      await zip.addBuffer(`pages/${index}.html`, Buffer.from(`<p>${index}</p>`), { modified, compress: index % 2 === 0 });
    }
    await zip.finish();
    expect((await unzipTest(file)).ok).toBe(true);
    const listed = await unzipList(file);
    expect(listed.length).toBe(total);
    expect(listed.at(-1)).toBe(`pages/${total - 1}.html`);
    const python = await pythonZipCheck(file);
    expect(python.firstBad).toBeNull();
    expect(python.names.length).toBe(total);
  });

  it('fails loudly when a source stream breaks, and abort removes the file', async () => {
    const file = path.join(await tempDir(), 'broken.zip');
    const zip = await createZipWriter(file);
    await zip.addBuffer('first.txt', Buffer.from('first'), { modified, compress: true });
    const broken = new Readable({
      read() {
        this.push(Buffer.alloc(1000));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(zip.addStream('broken.bin', broken, { modified, compress: false, size: 5000 })).rejects.toThrow('connection reset');
    await expect(zip.addBuffer('after.txt', Buffer.from('x'), { modified, compress: false })).rejects.toThrow('connection reset');
    await expect(zip.finish()).rejects.toThrow('connection reset');
    await zip.abort();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a stream shorter than its declared size, and duplicate names', async () => {
    const file = path.join(await tempDir(), 'short.zip');
    const zip = await createZipWriter(file);
    expect(() => zip.addBuffer('a.txt', Buffer.from('a'), { modified, compress: false })).not.toThrow();
    expect(() => zip.addBuffer('a.txt', Buffer.from('b'), { modified, compress: false })).toThrow(/already has an entry/);
    await expect(zip.addStream('short.bin', Readable.from([Buffer.alloc(10)]), { modified, compress: false, size: 11 }))
      .rejects.toThrow('ended after 10 of its 11 bytes');
    await zip.abort();
  });
});
