import { describe, expect, it } from 'vitest';
import { AnswerBatch, LatestEvery } from '../../../../renderer/src/scan/coalesce';

/** Timers on a clock the test moves: `advance` runs what falls due, in order. */
function manualClock() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback: () => void, ms: number) {
      const id = next++;
      due.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle: unknown) {
      due.delete(handle as number);
    },
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const first = [...due].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!first) break;
        due.delete(first[0]);
        now = first[1].at;
        first[1].callback();
        await Promise.resolve();
      }
      now = until;
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    pending: () => due.size,
  };
}

describe('AnswerBatch', () => {
  it('writes the answers of a second together, in the order they came, once a second', async () => {
    const clock = manualClock();
    const writes: number[][] = [];
    const batch = new AnswerBatch<number>(async (answers) => void writes.push(answers), clock, 1_000);
    for (const answer of [1, 2, 3, 4]) {
      batch.add(answer);
      await clock.advance(250);
    }
    expect(writes).toEqual([[1, 2, 3, 4]]);
    batch.add(5);
    await clock.advance(999);
    expect(writes).toHaveLength(1);
    await clock.advance(1);
    expect(writes).toEqual([[1, 2, 3, 4], [5]]);
    expect(clock.pending()).toBe(0);
  });

  it('flush writes at once and resolves after every earlier batch; a flush with nothing pending writes nothing', async () => {
    const clock = manualClock();
    const writes: number[][] = [];
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const batch = new AnswerBatch<number>(async (answers) => {
      if (first) {
        first = false;
        await slow;
      }
      writes.push(answers);
    }, clock);
    batch.add(1);
    const one = batch.flush();
    batch.add(2);
    let twoDone = false;
    const two = batch.flush().then(() => (twoDone = true));
    await Promise.resolve();
    expect(twoDone).toBe(false);
    release();
    await Promise.all([one, two]);
    expect(writes).toEqual([[1], [2]]);
    await batch.flush();
    expect(writes).toHaveLength(2);
    expect(clock.pending()).toBe(0);
  });

  it('a failed write does not stop the next batch', async () => {
    const clock = manualClock();
    const writes: number[][] = [];
    let fail = true;
    const batch = new AnswerBatch<number>(async (answers) => {
      if (fail) {
        fail = false;
        throw new Error('disk full');
      }
      writes.push(answers);
    }, clock);
    batch.add(1);
    await batch.flush();
    batch.add(2);
    await batch.flush();
    expect(writes).toEqual([[2]]);
  });
});

describe('LatestEvery', () => {
  it('passes on the latest value at most once per second, and an urgent one at once', async () => {
    const clock = manualClock();
    const seen: string[] = [];
    const latest = new LatestEvery<string>((value) => seen.push(value), clock, 1_000);
    latest.push('1 of 100', false);
    expect(seen).toEqual(['1 of 100']);
    latest.push('2 of 100', false);
    latest.push('3 of 100', false);
    await clock.advance(500);
    expect(seen).toEqual(['1 of 100']);
    await clock.advance(500);
    expect(seen).toEqual(['1 of 100', '3 of 100']);
    latest.push('4 of 100', false);
    latest.push('paused', true);
    // Cancelled (the scan ended): what waited is not shown afterwards.
    latest.push('5 of 100', false);
    latest.cancel();
    await clock.advance(2_000);
    expect(seen).toEqual(['1 of 100', '3 of 100', 'paused']);
    // Quiet for longer than the interval: the next value goes on at once.
    latest.push('6 of 100', false);
    expect(seen).toEqual(['1 of 100', '3 of 100', 'paused', '6 of 100']);
  });
});
