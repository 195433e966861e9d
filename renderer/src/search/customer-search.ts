/**
 * Search over the cached customers: name, domain, tenant id and contact email, as-you-type on
 * 100,000 customers. Pure TypeScript (no Vue, no Dexie) so the benchmark can import it.
 *
 * Semantics (both functions below, identical results): the query is lower-cased and split on
 * whitespace; a customer matches when every term is a substring of one of its fields.
 *
 * The index answers a term from n-gram postings instead of scanning every customer:
 * - terms of 3+ characters: a trigram inverted index (CSR layout: one offsets array and one postings
 *   array, both typed), intersecting the rarest trigrams' postings, then verifying the few candidates;
 * - 1-2 character terms: a 64-bit character-presence mask per customer narrows the candidates;
 * - typing on (the new query refines the previous one) narrows the previous result instead.
 * Postings hold customer indices in ascending order, so results come out in the input's order.
 */

export interface SearchableCustomer {
  id: string;
  companyName: string;
  domain: string;
  email?: string | undefined;
}

/** The lower-cased, distinct terms of a query, longest first (the most selective). */
export function searchTerms(query: string): string[] {
  const terms = [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))];
  return terms.sort((a, b) => b.length - a.length);
}

/**
 * The baseline the benchmark compares with: `Array.filter` with lower-cased `includes` per field.
 * Answers the matching indices in order.
 */
export function filterSearch(customers: readonly SearchableCustomer[], query: string): number[] {
  const terms = searchTerms(query);
  const matches: number[] = [];
  customers.forEach((customer, index) => {
    const matched = terms.every(
      (term) =>
        customer.companyName.toLowerCase().includes(term) ||
        customer.domain.toLowerCase().includes(term) ||
        customer.id.toLowerCase().includes(term) ||
        (customer.email ?? '').toLowerCase().includes(term),
    );
    if (matched) matches.push(index);
  });
  return matches;
}

// Fields are joined by a newline: a term never holds whitespace, so it never spans two fields.
function haystackOf(customer: SearchableCustomer): string {
  return `${customer.companyName}\n${customer.domain}\n${customer.id}\n${customer.email ?? ''}`.toLowerCase();
}

/** 21 bits hold three folded characters exactly; small indexes use fewer buckets (collisions are verified away). */
const MAX_TRIGRAM_BUCKETS = 1 << 21;

function bucketCountFor(customers: number): number {
  let buckets = 1024;
  while (buckets < MAX_TRIGRAM_BUCKETS && buckets < customers * 32) buckets *= 2;
  return buckets;
}

/** Folds a UTF-16 code unit into 7 bits: exact for ASCII; other characters share buckets (verified later). */
function fold(code: number): number {
  return code < 128 ? code : (code * 31) & 127;
}

function trigramKey(text: string, at: number, mask: number): number {
  return ((fold(text.charCodeAt(at)) << 14) | (fold(text.charCodeAt(at + 1)) << 7) | fold(text.charCodeAt(at + 2))) & mask;
}

/** Bit position (0-63) of a character in the presence mask; a-z and 0-9 have their own bits. */
function maskBit(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  return 36 + (code % 28);
}

/** Bit position (0-63) of a two-character sequence in the pair mask (a 64-bit Bloom filter). */
function pairBit(text: string, at: number): number {
  return Math.imul(fold(text.charCodeAt(at)) * 131 + fold(text.charCodeAt(at + 1)), 2654435761) >>> 26;
}

export class CustomerSearchIndex {
  private readonly haystacks: string[];
  private readonly offsets: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly maskLow: Uint32Array;
  private readonly maskHigh: Uint32Array;
  private readonly pairLow: Uint32Array;
  private readonly pairHigh: Uint32Array;
  private readonly bucketMask: number;
  /** Customers whose text changed after the build (a contact email learnt later): checked by scan. */
  private readonly late = new Set<number>();
  private last: { terms: string[]; result: Uint32Array } | null = null;
  private everyone: Uint32Array | null = null;

  private constructor(haystacks: string[], offsets: Uint32Array, postings: Uint32Array, masks: Uint32Array[]) {
    this.bucketMask = offsets.length - 2;
    [this.maskLow, this.maskHigh, this.pairLow, this.pairHigh] = masks as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
    this.haystacks = haystacks;
    this.offsets = offsets;
    this.postings = postings;
  }

  get size(): number {
    return this.haystacks.length;
  }

  static build(customers: readonly SearchableCustomer[]): CustomerSearchIndex {
    const count = customers.length;
    const haystacks = new Array<string>(count);
    const maskLow = new Uint32Array(count);
    const maskHigh = new Uint32Array(count);
    const pairLow = new Uint32Array(count);
    const pairHigh = new Uint32Array(count);
    const buckets = bucketCountFor(count);
    const mask = buckets - 1;
    const offsets = new Uint32Array(buckets + 1);
    const lastSeen = new Int32Array(buckets).fill(-1);
    // Pass 1: haystacks, masks, and how many customers hold each trigram.
    for (let index = 0; index < count; index++) {
      const text = haystackOf(customers[index] as SearchableCustomer);
      haystacks[index] = text;
      let low = 0;
      let high = 0;
      for (let at = 0; at < text.length; at++) {
        const bit = maskBit(text.charCodeAt(at));
        if (bit < 32) low |= 1 << bit;
        else high |= 1 << (bit - 32);
      }
      maskLow[index] = low >>> 0;
      maskHigh[index] = high >>> 0;
      low = 0;
      high = 0;
      for (let at = 0; at + 2 <= text.length; at++) {
        const bit = pairBit(text, at);
        if (bit < 32) low |= 1 << bit;
        else high |= 1 << (bit - 32);
      }
      pairLow[index] = low >>> 0;
      pairHigh[index] = high >>> 0;
      for (let at = 0; at + 3 <= text.length; at++) {
        const key = trigramKey(text, at, mask);
        if (lastSeen[key] !== index) {
          lastSeen[key] = index;
          (offsets[key + 1] as number)++;
        }
      }
    }
    for (let key = 0; key < buckets; key++) offsets[key + 1] = (offsets[key + 1] as number) + (offsets[key] as number);
    // Pass 2: fill the postings, in customer order.
    const postings = new Uint32Array(offsets[buckets] as number);
    const cursor = offsets.slice(0, buckets);
    lastSeen.fill(-1);
    for (let index = 0; index < count; index++) {
      const text = haystacks[index] as string;
      for (let at = 0; at + 3 <= text.length; at++) {
        const key = trigramKey(text, at, mask);
        if (lastSeen[key] !== index) {
          lastSeen[key] = index;
          postings[(cursor[key] as number)++] = index;
        }
      }
    }
    return new CustomerSearchIndex(haystacks, offsets, postings, [maskLow, maskHigh, pairLow, pairHigh]);
  }

  /** Updates one customer's searchable text (e.g. its contact email became known). */
  update(index: number, customer: SearchableCustomer): void {
    if (index < 0 || index >= this.haystacks.length) return;
    this.haystacks[index] = haystackOf(customer);
    this.late.add(index);
    this.last = null;
  }

  /** The indices of the matching customers, ascending (do not modify it). An empty query matches everyone. */
  search(query: string): Uint32Array {
    const terms = searchTerms(query);
    if (terms.length === 0) return (this.everyone ??= allIndices(this.haystacks.length));
    let candidates: Uint32Array | null = this.refinesLast(terms) ? (this.last as { result: Uint32Array }).result : null;
    for (const term of terms) {
      // Terms come longest first: from here on they are too short for trigrams.
      if (term.length < 3) break;
      if (candidates !== null && candidates.length <= 64) break;
      candidates = this.trigramCandidates(term, candidates);
    }
    // Short terms (and a wide field of candidates) are narrowed by the character and pair masks first.
    const onlyExactSingles = terms.every((term) => term.length === 1 && maskBit(term.charCodeAt(0)) < 36);
    if (candidates === null || candidates.length > 4096) candidates = this.maskCandidates(terms, candidates);
    // Single a-z/0-9 characters have a bit of their own: the mask alone decides.
    const verified = onlyExactSingles ? candidates : this.verify(candidates, terms);
    const result = this.late.size ? this.addLate(verified, terms) : verified;
    this.last = { terms, result };
    return result;
  }

  private refinesLast(terms: string[]): boolean {
    // Every earlier term is inside some new term: the new matches are a subset of the old ones.
    return this.last !== null && this.last.terms.every((previous) => terms.some((term) => term.includes(previous)));
  }

  private trigramCandidates(term: string, within: Uint32Array | null): Uint32Array {
    const lists: Uint32Array[] = [];
    const keys = new Set<number>();
    for (let at = 0; at + 3 <= term.length; at++) keys.add(trigramKey(term, at, this.bucketMask));
    for (const key of keys) lists.push(this.postings.subarray(this.offsets[key] as number, this.offsets[key + 1] as number));
    lists.sort((a, b) => a.length - b.length);
    let result = within ?? (lists[0] as Uint32Array);
    for (const list of within ? lists : lists.slice(1)) {
      if (result.length === 0) break;
      // Intersecting with a list far longer than the candidates costs more than verifying them.
      if (list.length > result.length * 32) break;
      result = intersect(result, list);
    }
    return result;
  }

  /** Customers holding every character (and, for 2-character terms, probably every pair) of the terms. */
  private maskCandidates(terms: string[], within: Uint32Array | null): Uint32Array {
    let wantLow = 0;
    let wantHigh = 0;
    let pairWantLow = 0;
    let pairWantHigh = 0;
    for (const term of terms) {
      for (let at = 0; at < term.length; at++) {
        const bit = maskBit(term.charCodeAt(at));
        if (bit < 32) wantLow |= 1 << bit;
        else wantHigh |= 1 << (bit - 32);
      }
      for (let at = 0; at + 2 <= term.length; at++) {
        const bit = pairBit(term, at);
        if (bit < 32) pairWantLow |= 1 << bit;
        else pairWantHigh |= 1 << (bit - 32);
      }
    }
    wantLow >>>= 0;
    wantHigh >>>= 0;
    pairWantLow >>>= 0;
    pairWantHigh >>>= 0;
    const { maskLow, maskHigh, pairLow, pairHigh } = this;
    const total = within ? within.length : maskLow.length;
    const out = new Uint32Array(total);
    let found = 0;
    for (let i = 0; i < total; i++) {
      const index = within ? (within[i] as number) : i;
      if (
        ((maskLow[index] as number) & wantLow) >>> 0 === wantLow &&
        ((maskHigh[index] as number) & wantHigh) >>> 0 === wantHigh &&
        ((pairLow[index] as number) & pairWantLow) >>> 0 === pairWantLow &&
        ((pairHigh[index] as number) & pairWantHigh) >>> 0 === pairWantHigh
      )
        out[found++] = index;
    }
    return out.subarray(0, found);
  }

  private verify(candidates: Uint32Array, terms: string[]): Uint32Array {
    const { haystacks } = this;
    const out = new Uint32Array(candidates.length);
    let found = 0;
    outer: for (let i = 0; i < candidates.length; i++) {
      const index = candidates[i] as number;
      const text = haystacks[index] as string;
      for (const term of terms) if (!text.includes(term)) continue outer;
      out[found++] = index;
    }
    return out.subarray(0, found);
  }

  private addLate(result: Uint32Array, terms: string[]): Uint32Array {
    const present = new Set(result);
    const extra: number[] = [];
    for (const index of this.late) {
      if (present.has(index)) continue;
      const text = this.haystacks[index] as string;
      if (terms.every((term) => text.includes(term))) extra.push(index);
    }
    if (!extra.length) return result;
    const merged = new Uint32Array(result.length + extra.length);
    merged.set(result);
    merged.set(extra, result.length);
    return merged.sort();
  }
}

function allIndices(count: number): Uint32Array {
  const out = new Uint32Array(count);
  for (let index = 0; index < count; index++) out[index] = index;
  return out;
}

/** Intersection of two ascending lists: a merge, or binary search when one is much shorter. */
export function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length > b.length) [a, b] = [b, a];
  const out = new Uint32Array(a.length);
  let found = 0;
  if (a.length * 16 < b.length) {
    let low = 0;
    for (let i = 0; i < a.length; i++) {
      const value = a[i] as number;
      let high = b.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((b[mid] as number) < value) low = mid + 1;
        else high = mid;
      }
      if (low < b.length && b[low] === value) out[found++] = value;
    }
  } else {
    let j = 0;
    for (let i = 0; i < a.length && j < b.length; i++) {
      const value = a[i] as number;
      while (j < b.length && (b[j] as number) < value) j++;
      if (j < b.length && b[j] === value) out[found++] = value;
    }
  }
  return out.subarray(0, found);
}
