import type { Peers } from './peers.ts';
import type { ScenarioResult } from './results.ts';
import type { Vocabulary } from './words.ts';

/** What every scenario is given by bench/run.ts. */
export interface BenchContext {
  quick: boolean;
  /** Runs of each contender (peers and TwinArchive alternate within every round). */
  rounds: number;
  /** TwinArchive's --concurrency, and wget2's --max-threads. */
  concurrency: number;
  /** A folder of this scenario's own under the run's temp root; removed after the run. */
  tempDir: string;
  peers: Peers;
  /** Where children write CPU profiles (node --cpu-prof), or null. */
  profileDir: string | null;
  vocabulary: Vocabulary;
  log(line: string): void;
}

export interface Scenario {
  id: string;
  title: string;
  run(context: BenchContext): Promise<ScenarioResult>;
}
