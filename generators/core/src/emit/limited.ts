/** File operations in flight at once: thousands of files are read, staged and moved in a fraction of the time. */
const CONCURRENCY = 32;

/**
 * Runs `task` on every item, at most CONCURRENCY at a time. After a failure no further task starts; the running
 * ones finish, then the first error is rethrown (so a rollback sees every step that was taken).
 */
export async function eachLimited<T>(
  items: readonly T[],
  task: (item: T, index: number) => Promise<void>,
  concurrency = CONCURRENCY,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const run = async () => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        await task(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, run));
  if (failure) throw failure.error;
}
