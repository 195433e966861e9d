/**
 * Turns search matches into the rows the list shows: filtered by MCA status and sorted by a column,
 * in time proportional to the rows (no comparisons per keystroke). Pure TypeScript, like the search.
 */

/** Positions sorted by some key, and each position's rank in that order. */
export interface SortOrder {
  order: Uint32Array;
  rank: Uint32Array;
}

/** Sorts positions 0..n-1 by a string key (computed once per data set and column, not per keystroke). */
export function sortOrderBy(count: number, keyOf: (position: number) => string): SortOrder {
  const keys = new Array<string>(count);
  for (let position = 0; position < count; position++) keys[position] = keyOf(position);
  const order = Uint32Array.from({ length: count }, (_, position) => position).sort((a, b) => {
    const left = keys[a] as string;
    const right = keys[b] as string;
    return left < right ? -1 : left > right ? 1 : a - b;
  });
  return withRanks(order);
}

/** Sorts positions by a small integer code, keeping the positions' order within a code (counting sort). */
export function sortOrderByCode(codes: Uint8Array, codeCount: number): SortOrder {
  const starts = new Uint32Array(codeCount + 1);
  for (const code of codes) (starts[code + 1] as number)++;
  for (let code = 0; code < codeCount; code++) starts[code + 1] = (starts[code + 1] as number) + (starts[code] as number);
  const order = new Uint32Array(codes.length);
  for (let position = 0; position < codes.length; position++) order[(starts[codes[position] as number] as number)++] = position;
  return withRanks(order);
}

function withRanks(order: Uint32Array): SortOrder {
  const rank = new Uint32Array(order.length);
  for (let at = 0; at < order.length; at++) rank[order[at] as number] = at;
  return { order, rank };
}

export interface ArrangeOptions {
  /** Every position's status code; with `statusFilter`, only that code is kept. */
  statusCodes?: Uint8Array;
  statusFilter?: number;
  /** The column order; without it, positions keep their own (ascending) order. */
  sort?: SortOrder;
  descending?: boolean;
}

/** The positions to show, in display order. `matches` must be ascending. */
export function arrangeRows(matches: Uint32Array, total: number, options: ArrangeOptions = {}): Uint32Array {
  const { statusCodes, statusFilter, sort, descending } = options;
  const keep = statusCodes && statusFilter !== undefined ? (position: number) => statusCodes[position] === statusFilter : null;
  let rows: Uint32Array;
  if (!sort) {
    rows = keep ? filter(matches, keep) : matches;
  } else if (matches.length === total) {
    rows = keep ? filter(sort.order, keep) : sort.order;
  } else if (matches.length * 8 > total) {
    // Many matches: walk the column order once and keep the matched positions.
    const matched = new Uint8Array(total);
    for (const position of matches) matched[position] = 1;
    rows = filter(sort.order, (position) => matched[position] === 1 && (!keep || keep(position)));
  } else {
    const kept = keep ? filter(matches, keep) : matches;
    const { rank } = sort;
    rows = Uint32Array.from(kept).sort((a, b) => (rank[a] as number) - (rank[b] as number));
  }
  return descending ? Uint32Array.from(rows).reverse() : rows;
}

function filter(positions: Uint32Array, keep: (position: number) => boolean): Uint32Array {
  const out = new Uint32Array(positions.length);
  let found = 0;
  for (const position of positions) if (keep(position)) out[found++] = position;
  return out.subarray(0, found);
}
