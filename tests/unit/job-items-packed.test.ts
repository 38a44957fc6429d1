import { describe, expect, it } from 'vitest';
import { jobItems, markJobItemsPacked, packedJobItems, upsertJobItems } from '../../electron/core/library/job-items-repository.ts';
import { createJob } from '../../electron/core/library/jobs-repository.ts';
import { useTempLibraries } from './library-temp.ts';

const temp = useTempLibraries();

describe('packed job items', () => {
  it('marks items packed with their body sizes in one go, and gives them back to a resumed run', () => {
    const library = temp.open();
    const job = createJob(library, { kind: 'archive', params: {} });
    upsertJobItems(library, job.id, ['i-1', 'i-2', 'i-3'].map((itemId) => ({ itemId, archiveKey: 'g-1' })));
    markJobItemsPacked(library, job.id, [{ itemId: 'i-1', bodySize: 1234 }, { itemId: 'i-3', bodySize: null }]);
    expect(packedJobItems(library, job.id)).toEqual([{ itemId: 'i-1', bodySize: 1234 }, { itemId: 'i-3', bodySize: null }]);
    expect(jobItems(library, job.id).map((item) => [item.itemId, item.state])).toEqual([['i-1', 'packed'], ['i-2', 'pending'], ['i-3', 'packed']]);
  });
});
