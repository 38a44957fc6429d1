import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { COMPRESSION_WORKER_SOURCE } from './compression-worker-source.ts';
import type { BatchEntry, PreparedBatch, PreparedEntry } from './prepared-entry.ts';

interface Job {
  id: number;
  input: ArrayBuffer;
  output: ArrayBuffer;
  sizes: number[];
  compress: boolean[];
  resolve: (prepared: PreparedBatch) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  thread: Worker;
  jobs: Map<number, Job>;
}

const ReplySchema = z.union([
  z.object({
    id: z.number(),
    input: z.instanceof(ArrayBuffer),
    output: z.instanceof(ArrayBuffer),
    deflatedSizes: z.array(z.number().int()),
    crcs: z.array(z.number().int()),
    sha256s: z.array(z.string()),
  }),
  z.object({ id: z.number(), input: z.instanceof(ArrayBuffer), output: z.instanceof(ArrayBuffer), error: z.string() }),
]);
type Reply = z.infer<typeof ReplySchema>;

/** Two batches per worker: it starts the second while the first's answer travels back. */
const JOBS_PER_WORKER = 2;
const MAX_WORKERS = 4;
/** Batch buffers are kept to serve again, up to this size and this many. */
const SPARE_BYTES = 320 * 1024;
const MAX_SPARE_BYTES = 4 * 1024 * 1024;
const MAX_SPARES = 4 * JOBS_PER_WORKER * MAX_WORKERS;

/**
 * Worker threads that CRC, hash and deflate batches of small entries, so compression runs on
 * every core while the calling thread reads, renders and writes. Workers start on demand, hold
 * the process open only while they have work, and stop after a while without any.
 *
 * Every batch travels in two buffers, its entries and room for their deflated bytes, that
 * come back and serve again: fresh ones per batch would be garbage that nothing collects
 * until tens of megabytes have piled up.
 */
export class CompressionPool {
  readonly size: number;
  readonly #idleMs: number;
  readonly #workers: PoolWorker[] = [];
  readonly #waiting: Job[] = [];
  readonly #spares: ArrayBuffer[] = [];
  #nextId = 1;
  #idleTimer: NodeJS.Timeout | null = null;

  constructor(size: number, idleMs = 10_000) {
    this.size = Math.max(1, size);
    this.#idleMs = idleMs;
  }

  /** Copies the entries into a buffer of the pool's (the caller keeps theirs) and prepares them. */
  prepare(entries: readonly BatchEntry[]): Promise<PreparedBatch> {
    const bytes = entries.reduce((sum, entry) => sum + entry.data.length, 0);
    const input = this.#take(bytes);
    const view = new Uint8Array(input);
    let offset = 0;
    for (const entry of entries) {
      view.set(entry.data, offset);
      offset += entry.data.length;
    }
    const output = this.#take(bytes);
    return new Promise((resolve, reject) => {
      this.#waiting.push({
        id: this.#nextId++, input, output, resolve, reject,
        sizes: entries.map((entry) => entry.data.length),
        compress: entries.map((entry) => entry.compress),
      });
      this.#pump();
    });
  }

  /** Stops every worker; jobs still running fail. */
  async close(): Promise<void> {
    this.#clearIdleTimer();
    await Promise.all(this.#workers.map((worker) => worker.thread.terminate()));
  }

  #take(bytes: number): ArrayBuffer {
    const index = this.#spares.findIndex((spare) => spare.byteLength >= bytes);
    if (index >= 0) return this.#spares.splice(index, 1)[0] ?? new ArrayBuffer(0);
    // allocUnsafeSlow gives a buffer an ArrayBuffer of its own, so handing it over is safe.
    return Buffer.allocUnsafeSlow(Math.max(bytes, SPARE_BYTES)).buffer as ArrayBuffer;
  }

  #give(buffer: ArrayBuffer): void {
    if (buffer.byteLength <= MAX_SPARE_BYTES && this.#spares.length < MAX_SPARES) this.#spares.push(buffer);
  }

  #pump(): void {
    while (this.#waiting.length > 0) {
      let worker: PoolWorker | null;
      try {
        worker = this.#pickWorker();
      } catch (error) {
        for (const job of this.#waiting.splice(0)) job.reject(error as Error);
        return;
      }
      if (!worker) return;
      const job = this.#waiting.shift();
      if (!job) return;
      this.#clearIdleTimer();
      if (worker.jobs.size === 0) worker.thread.ref();
      worker.jobs.set(job.id, job);
      const { id, input, output, sizes, compress } = job;
      worker.thread.postMessage({ id, input, output, sizes, compress }, [input, output]);
    }
  }

  #pickWorker(): PoolWorker | null {
    let best: PoolWorker | null = null;
    for (const worker of this.#workers) {
      if (worker.jobs.size < JOBS_PER_WORKER && (best === null || worker.jobs.size < best.jobs.size)) best = worker;
    }
    if ((best === null || best.jobs.size > 0) && this.#workers.length < this.size) return this.#spawn();
    return best;
  }

  #spawn(): PoolWorker {
    // Without the parent's flags: a loader such as tsx would only slow the start of plain JS.
    const worker: PoolWorker = { thread: new Worker(COMPRESSION_WORKER_SOURCE, { eval: true, execArgv: [] }), jobs: new Map() };
    this.#workers.push(worker);
    worker.thread.on('message', (message: unknown) => this.#settle(worker, message));
    worker.thread.on('error', (error) => this.#fail(worker, error));
    worker.thread.on('exit', (code) => this.#fail(worker, new Error(`The compression worker stopped (exit code ${code}).`)));
    return worker;
  }

  #settle(worker: PoolWorker, message: unknown): void {
    const parsed = ReplySchema.safeParse(message);
    if (!parsed.success) {
      this.#fail(worker, new Error('The compression worker sent an answer that makes no sense.'));
      void worker.thread.terminate();
      return;
    }
    const reply = parsed.data;
    const job = worker.jobs.get(reply.id);
    if (!job) return;
    worker.jobs.delete(reply.id);
    if (worker.jobs.size === 0) worker.thread.unref();
    this.#give(reply.input);
    if ('error' in reply) {
      this.#give(reply.output);
      job.reject(new Error(`Could not compress: ${reply.error}`));
    } else {
      try {
        const entries = splitReply(reply, job.sizes);
        job.resolve({ entries, release: () => this.#give(reply.output) });
      } catch (error) {
        job.reject(error as Error);
      }
    }
    this.#pump();
    this.#armIdleTimer();
  }

  #fail(worker: PoolWorker, error: Error): void {
    const index = this.#workers.indexOf(worker);
    if (index >= 0) this.#workers.splice(index, 1);
    const jobs = [...worker.jobs.values()];
    worker.jobs.clear();
    for (const job of jobs) job.reject(error);
    this.#pump();
  }

  #armIdleTimer(): void {
    if (this.#idleTimer !== null || this.#workers.some((worker) => worker.jobs.size > 0) || this.#waiting.length > 0) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null;
      for (const worker of this.#workers.splice(0)) void worker.thread.terminate();
      this.#spares.length = 0;
    }, this.#idleMs);
    this.#idleTimer.unref();
  }

  #clearIdleTimer(): void {
    if (this.#idleTimer === null) return;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }
}

/** Each entry's deflated bytes start where its input started. */
function splitReply(reply: Exclude<Reply, { error: string }>, sizes: readonly number[]): PreparedEntry[] {
  const count = sizes.length;
  if (reply.crcs.length !== count || reply.sha256s.length !== count || reply.deflatedSizes.length !== count) {
    throw new Error('The compression worker answered for a different number of entries.');
  }
  const output = Buffer.from(reply.output);
  const prepared: PreparedEntry[] = [];
  let offset = 0;
  for (let index = 0; index < count; index += 1) {
    const size = sizes[index] ?? 0;
    const deflatedSize = reply.deflatedSizes[index] ?? -1;
    if (deflatedSize >= size) throw new Error('The compression worker gave a deflated entry no smaller than the original.');
    prepared.push({
      crc32: reply.crcs[index] ?? 0,
      sha256: reply.sha256s[index] ?? '',
      deflated: deflatedSize < 0 ? null : output.subarray(offset, offset + deflatedSize),
    });
    offset += size;
  }
  return prepared;
}

let shared: CompressionPool | null | undefined;

/** The process's pool: as many workers as cores, up to four; none on a single core. */
export function sharedCompressionPool(): CompressionPool | null {
  if (shared === undefined) {
    const cores = availableParallelism();
    shared = cores > 1 ? new CompressionPool(Math.min(cores, MAX_WORKERS)) : null;
  }
  return shared;
}
