/**
 * Runs `work` over the inputs with at most `concurrency` at once and returns the results in
 * input order. The first failure stops new work and is rethrown once running work settles.
 */
export async function mapConcurrent<T, R>(
  inputs: readonly T[],
  concurrency: number,
  work: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(inputs.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  async function worker(): Promise<void> {
    while (failure === null && next < inputs.length) {
      const index = next++;
      try {
        results[index] = await work(inputs[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, worker);
  await Promise.all(workers);
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
