import { describe, expect, it } from 'vitest';
import { arrangeRows, sortOrderBy, sortOrderByCode } from '../../../../renderer/src/search/customer-list-view';

const names = ['delta', 'alpha', 'charlie', 'bravo', 'echo'];
const byName = sortOrderBy(names.length, (position) => names[position] as string);
const all = Uint32Array.from([0, 1, 2, 3, 4]);

describe('customer list view', () => {
  it('sorts by a column and reverses on request', () => {
    expect([...arrangeRows(all, 5, { sort: byName })]).toEqual([1, 3, 2, 0, 4]);
    expect([...arrangeRows(all, 5, { sort: byName, descending: true })]).toEqual([4, 0, 2, 3, 1]);
  });

  it('keeps only the matches, in column order, whether few or many matched', () => {
    expect([...arrangeRows(Uint32Array.from([0, 4]), 5, { sort: byName })]).toEqual([0, 4]);
    expect([...arrangeRows(Uint32Array.from([0, 1, 2, 3]), 5, { sort: byName })]).toEqual([1, 3, 2, 0]);
    const many = Uint32Array.from({ length: 900 }, (_, i) => i * 2);
    const order = sortOrderBy(2000, (position) => String(1999 - position).padStart(4, '0'));
    expect([...arrangeRows(many, 2000, { sort: order })].slice(0, 3)).toEqual([1798, 1796, 1794]);
  });

  it('filters by status code and sorts by status, keeping name order within a status', () => {
    const codes = Uint8Array.from([2, 0, 2, 1, 0]);
    expect([...arrangeRows(all, 5, { statusCodes: codes, statusFilter: 2 })]).toEqual([0, 2]);
    expect([...arrangeRows(all, 5, { sort: sortOrderByCode(codes, 5) })]).toEqual([1, 4, 3, 0, 2]);
  });
});
