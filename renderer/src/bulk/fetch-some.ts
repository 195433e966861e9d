/**
 * Fetches what a check needs and the cache lacks, a few at a time and at most `limit` per import: a
 * file of thousands of unopened customers must not turn into thousands of calls against the
 * backend's rate limit (those rows are refused with the reason instead). A failed fetch is skipped.
 */
export interface FetchBudget {
  left: number;
}

export async function fetchSome(
  ids: Iterable<string>,
  fetchOne: (id: string) => Promise<unknown>,
  budget: FetchBudget,
  concurrency = 4,
): Promise<void> {
  const queue = [...new Set(ids)].slice(0, Math.max(0, budget.left));
  budget.left -= queue.length;
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) await fetchOne(id).catch(() => undefined);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}
