/**
 * Runs contenders in turns, several rounds, reversing the order every other round, so that a
 * machine that gets busier or calmer during the run weighs on all of them alike.
 */

export interface Contender<S> {
  label: string;
  /** Why it does not run (a peer that is not installed), or null. */
  skip: string | null;
  run(round: number): Promise<S>;
}

export async function alternate<S>(
  contenders: readonly Contender<S>[],
  rounds: number,
  log: (line: string) => void,
  describe: (sample: S) => string,
): Promise<Map<string, S[]>> {
  const samples = new Map<string, S[]>(contenders.map((contender) => [contender.label, []]));
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      if (contender.skip !== null) continue;
      const sample = await contender.run(round);
      samples.get(contender.label)?.push(sample);
      log(`  round ${round + 1}/${rounds}  ${contender.label}: ${describe(sample)}`);
    }
  }
  return samples;
}
