import { describe, expect, it } from 'vitest';
import { fetchSome } from '../../../../renderer/src/bulk/fetch-some';

describe('fetching what an import check lacks', () => {
  it('fetches each id once, a few at a time, within the import’s budget, and skips a failed fetch', async () => {
    const fetched: string[] = [];
    let running = 0;
    let most = 0;
    const fetchOne = async (id: string) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
      if (id === 'b') throw new Error('offline');
      fetched.push(id);
    };
    const budget = { left: 5 };
    await fetchSome(['a', 'b', 'a', 'c', 'd', 'e', 'f', 'g'], fetchOne, budget, 2);
    expect(fetched.sort()).toEqual(['a', 'c', 'd', 'e']);
    expect(most).toBe(2);
    expect(budget.left).toBe(0);
    // The budget is spent: the next chunk fetches nothing.
    await fetchSome(['h'], fetchOne, budget);
    expect(fetched).not.toContain('h');
  });
});
