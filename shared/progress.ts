export const JOB_PHASES = [
  'signing-in', 'listing', 'fetching', 'packaging', 'verifying', 'indexing', 'done',
] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

/** One progress report of a long job; totals are null while still unknown. */
export interface JobProgress {
  phase: JobPhase;
  /** 0..1 over the whole job, phases weighted. */
  fraction: number;
  itemsDone: number;
  itemsTotal: number | null;
  bytesDone: number;
  bytesTotal: number | null;
  bytesPerSecond: number | null;
  etaSeconds: number | null;
  detail: string | null;
}

export type ProgressListener = (progress: JobProgress) => void;
