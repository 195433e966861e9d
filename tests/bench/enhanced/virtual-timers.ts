/**
 * A clock and timers that jump: the sync worker's real scheduling (its 30-second interval, its "next
 * item due" timeout) runs against them, so an hour of watching takes seconds. Only time is
 * simulated; every request still goes over real HTTP to the sandbox and back.
 */
import type { Timers } from '../../../renderer/src/sync/sync-worker';

interface Timer {
  at: number;
  every?: number;
  callback: () => unknown;
}

export class VirtualTimers implements Timers {
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  constructor(public now: number) {}

  setTimeout(callback: () => unknown, ms: number): number {
    return this.add({ at: this.now + Math.max(0, ms), callback });
  }

  setInterval(callback: () => unknown, ms: number): number {
    return this.add({ at: this.now + ms, every: ms, callback });
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  clearInterval(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves the clock to the earliest timer (not past `limit`) and runs it; answers false when none is due by then. */
  fireNext(limit: number): { fired: boolean; result?: unknown } {
    let earliest: [number, Timer] | undefined;
    for (const entry of this.timers) if (!earliest || entry[1].at < earliest[1].at) earliest = entry;
    if (!earliest || earliest[1].at > limit) {
      this.now = Math.max(this.now, limit);
      return { fired: false };
    }
    const [id, timer] = earliest;
    this.now = Math.max(this.now, timer.at);
    if (timer.every) timer.at += timer.every;
    else this.timers.delete(id);
    return { fired: true, result: timer.callback() };
  }

  private add(timer: Timer): number {
    const id = this.nextId++;
    this.timers.set(id, timer);
    return id;
  }
}

/** A small seeded generator (mulberry32): the same accept moments on every run with the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
