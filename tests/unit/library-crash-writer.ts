/*
 * Child process for library-crash.test.ts: commits some rows, then dies by SIGKILL in the middle
 * of a large transaction, the way a laptop loses power mid-job.
 * Usage: node --import tsx library-crash-writer.ts <library file>
 */
import { recordArchive } from '../../electron/core/library/archives-repository.ts';
import { upsertItems } from '../../electron/core/library/items-repository.ts';
import { setJobItemState, upsertJobItems } from '../../electron/core/library/job-items-repository.ts';
import { createJob } from '../../electron/core/library/jobs-repository.ts';
import { openLibrary } from '../../electron/core/library/library.ts';
import { SCOPE, item } from './library-fixtures.ts';

const file = process.argv[2];
if (!file) throw new Error('Give the library file as the first argument.');

const library = openLibrary(file);
const committed = Array.from({ length: 1_000 }, (_, index) => item(`committed-${index}`, { title: `Bewaard verslag ${index}` }));
upsertItems(library, SCOPE, committed);
createJob(library, { id: 'job-1', kind: 'archive', params: { spaces: ['g-1'] } });
upsertJobItems(library, 'job-1', committed.map((entry) => ({ itemId: entry.id, archiveKey: 'g-1' })));

// A small page cache and a large transaction: SQLite spills uncommitted pages into the WAL
// before the kill, so reopening must really tell committed frames from uncommitted ones.
library.db.pragma('cache_size = -1000');
library.db.exec('BEGIN IMMEDIATE');
const lost = Array.from({ length: 50_000 }, (_, index) => item(`uncommitted-${index}`, { title: `Verloren werk ${index} ${'tekst '.repeat(20)}` }));
upsertItems(library, SCOPE, lost);
recordArchive(
  library,
  {
    source: SCOPE.source, accountId: SCOPE.accountId, spaceId: 'g-1', title: 'Half', part: 1, parts: 1,
    path: '/archives/half.zip', size: 1, sha256: '0'.repeat(64), entryCount: 1_000, createdAt: new Date().toISOString(),
  },
  committed.map((entry) => ({ itemId: entry.id, entryPath: `pages/${entry.id}.html`, sha256: '1'.repeat(64), bodyText: 'onafgemaakt' })),
);
for (const entry of committed) setJobItemState(library, 'job-1', entry.id, { state: 'packed', bytesDone: 100 });
process.stdout.write('in-transaction\n');
process.kill(process.pid, 'SIGKILL');
