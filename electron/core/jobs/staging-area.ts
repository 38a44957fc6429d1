import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Where a job keeps fetched bodies and files until their ZIP is written and checked. Item ids
 * come from the platform, so file names are their hashes, never the ids themselves.
 */
export class StagingArea {
  readonly dir: string;

  constructor(dataDir: string, jobId: string) {
    this.dir = path.join(dataDir, 'staging', jobId);
  }

  #base(itemId: string): string {
    return path.join(this.dir, createHash('sha256').update(itemId).digest('hex').slice(0, 32));
  }

  bodyPath(itemId: string): string {
    return `${this.#base(itemId)}.body.html`;
  }

  filePath(itemId: string): string {
    return `${this.#base(itemId)}.file`;
  }
}
