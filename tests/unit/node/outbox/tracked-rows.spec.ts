// @vitest-environment node
/** The one change-tracking primitive: rows kept in memory from a table's change feed, with versions that say what changed. */
import { describe, expect, it } from 'vitest';
import { TrackedRows } from '../../../../renderer/src/db/change-feed';

interface Row {
  id: string;
  customer: string;
  at: number;
  state: string;
}

const tracker = () =>
  new TrackedRows<Row>({
    keyOf: (row) => row.id,
    timeOf: (row) => row.at,
    same: (a, b) => a.at === b.at && a.state === b.state,
    affects: (row) => row.customer,
  });

describe('TrackedRows', () => {
  it('reports each change under the key it affects, and only real changes', () => {
    const tracked = tracker();
    const start = tracked.reset([{ id: 'a', customer: 'c1', at: 5, state: 'queued' }]);
    expect(tracked.cursor).toBe(5);
    expect(tracked.changedSince(start - 1)).toBeNull(); // a full read: everything changed
    // The same row read again at the cursor (writes in one millisecond are read inclusively): no change.
    expect(tracked.apply({ changed: [{ id: 'a', customer: 'c1', at: 5, state: 'queued' }] })).toBe(false);
    // A second write in the same millisecond is still seen.
    expect(
      tracked.apply({
        changed: [
          { id: 'a', customer: 'c1', at: 5, state: 'sending' },
          { id: 'b', customer: 'c2', at: 7, state: 'queued' },
        ],
      }),
    ).toBe(true);
    expect(tracked.changedSince(start)).toEqual(new Set(['c1', 'c2']));
    expect(tracked.cursor).toBe(7);
    expect(tracked.changedSince(tracked.version)).toEqual(new Set());
  });

  it('drops rows the feed no longer holds, and takes rows written with an older clock', () => {
    const tracked = tracker();
    tracked.reset([
      { id: 'a', customer: 'c1', at: 5, state: 'queued' },
      { id: 'b', customer: 'c2', at: 6, state: 'queued' },
    ]);
    const before = tracked.version;
    tracked.apply({ changed: [], present: ['b', 'late'], fetched: [{ id: 'late', customer: 'c3', at: 1, state: 'queued' }] });
    expect([...tracked.rows.keys()].sort()).toEqual(['b', 'late']);
    expect(tracked.changedSince(before)).toEqual(new Set(['c1', 'c3']));
    // An older write never moves the cursor back.
    expect(tracked.cursor).toBe(6);
  });

  it('answers "everything" for a version it no longer remembers, never a partial set', () => {
    const tracked = tracker();
    const start = tracked.reset([]);
    for (let n = 1; n <= 100; n++) tracked.apply({ changed: [{ id: `r${n}`, customer: `c${n}`, at: n, state: 'queued' }] });
    expect(tracked.changedSince(start)).toBeNull();
    expect(tracked.changedSince(tracked.version - 2)).toEqual(new Set(['c99', 'c100']));
    expect(tracked.changedSince(tracked.version + 1)).toBeNull();
  });
});
