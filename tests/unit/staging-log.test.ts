import { appendFileSync, closeSync, openSync, readdirSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StagingLog } from '../../electron/core/jobs/staging-log.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const bytes = (text: string) => Buffer.from(text, 'utf8');
const segments = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.log')).sort();

/** The log in `dir`, opened: what a resumed job finds there. */
function reopened(dir: string, segmentBytes?: number): StagingLog {
  const log = new StagingLog(dir, segmentBytes);
  log.open();
  return log;
}

async function opened(segmentBytes?: number): Promise<{ dir: string; log: StagingLog }> {
  const dir = await tempDir();
  return { dir, log: reopened(dir, segmentBytes) };
}

/** The only segment of a log that was written once and closed. */
const firstSegment = (dir: string) => path.join(dir, segments(dir)[0] ?? '');

/** A log that holds one record, closed: its folder and its segment, for a test to damage. */
async function withOneRecord(key: string, text: string): Promise<{ dir: string; file: string }> {
  const { dir, log } = await opened();
  log.append(key, bytes(text));
  log.close();
  return { dir, file: firstSegment(dir) };
}

describe('the staging log', () => {
  it('reads back what was appended under each key, the last append winning, and nothing for other keys', async () => {
    const { log } = await opened();
    log.append('body\u0000p-1', bytes('<p>één</p>'));
    log.append('file\u0000p-1', bytes('a file'));
    log.append('body\u0000p-1', bytes('<p>twee</p>'));
    expect(log.read('body\u0000p-1')?.toString('utf8')).toBe('<p>twee</p>');
    expect(log.read('file\u0000p-1')?.toString('utf8')).toBe('a file');
    expect(log.read('body\u0000p-2')).toBeNull();
    log.close();
  });

  it('finds earlier records after a reopen, and cuts off a record a crash left short', async () => {
    const { dir, log } = await opened();
    log.append('a', bytes('first record'));
    log.append('b', bytes('second record'));
    log.close();
    const file = firstSegment(dir);
    truncateSync(file, statSync(file).size - 3);

    const again = reopened(dir);
    expect(again.read('a')?.toString('utf8')).toBe('first record');
    expect(again.has('b')).toBe(false);
    // Appends go on from the cut, and read back whole after another reopen.
    again.append('c', bytes('third'));
    again.close();
    const third = reopened(dir);
    expect([third.read('a')?.toString('utf8'), third.read('c')?.toString('utf8')]).toEqual(['first record', 'third']);
    third.close();
  });

  it('never hands out bytes that no longer match their hash', async () => {
    const { dir, file } = await withOneRecord('a', 'intact bytes');
    const fd = openSync(file, 'r+');
    writeSync(fd, bytes('X'), 0, 1, statSync(file).size - 1);
    closeSync(fd);
    const again = reopened(dir);
    expect(again.has('a')).toBe(true);
    expect(again.read('a')).toBeNull();
    expect(again.has('a')).toBe(false);
    again.close();
  });

  it('stops at a header that is not one, and ignores files that are not segments', async () => {
    const { dir, file } = await withOneRecord('a', 'kept');
    // What a crash can leave: the file longer than what reached the disk, the rest zeros.
    appendFileSync(file, Buffer.alloc(100));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a segment');
    const again = reopened(dir);
    expect(again.read('a')?.toString('utf8')).toBe('kept');
    expect(statSync(file).size).toBeLessThan(100);
    again.close();
  });

  it('starts new segments as they fill, and deletes a full one once all its records are released', async () => {
    const { dir, log } = await opened(64);
    log.append('a', Buffer.alloc(40, 1));
    log.append('b', Buffer.alloc(40, 2));
    log.append('c', Buffer.alloc(40, 3));
    expect(segments(dir)).toEqual(['staged-0.log', 'staged-1.log', 'staged-2.log']);
    log.release('a');
    expect(segments(dir)).toEqual(['staged-1.log', 'staged-2.log']);
    // The segment being written stays while it is written, even with nothing left in it.
    log.release('c');
    expect(segments(dir)).toEqual(['staged-1.log', 'staged-2.log']);
    expect(log.read('b')?.equals(Buffer.alloc(40, 2))).toBe(true);
    log.close();
  });
});
