/**
 * Bytes of staged bodies and small files a job may also keep in memory until their ZIP is
 * recorded, so that packing does not open and read them back from staging. Past the budget
 * packing reads them from disk as before, so a part of thousands of items that waits for its
 * check never holds more than this.
 */
export class MemoryBudget {
  readonly limit: number;
  #held = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  get held(): number {
    return this.#held;
  }

  /** Takes `bytes` from the budget if they fit; false leaves the budget as it was. */
  take(bytes: number): boolean {
    if (this.#held + bytes > this.limit) return false;
    this.#held += bytes;
    return true;
  }

  give(bytes: number): void {
    this.#held = Math.max(0, this.#held - bytes);
  }
}
