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
 * - 2-character terms: a bigram index of the same layout, exact for printable ASCII (no verification);
 * - 1-character terms: a 64-bit character-presence mask per customer (exact for a-z and 0-9);
 * - typing on (the new query refines the previous one) narrows the previous result instead; one more
 *   character in the last word checks only the character after where that word was found in each
 *   previous match, not a search of its text (a prefix nearly every customer holds, such as the
 *   sandbox's domains, is typed on at one character read per customer).
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

/**
 * Folds a UTF-16 code unit into 7 bits: printable ASCII (32-127) keeps its own code; every other
 * character shares the control-character codes 0-31 (verified later). A non-ASCII character must
 * never fold onto a printable one, or the postings of an all-printable term (answered without
 * verification) would hold customers that do not contain it.
 */
function fold(code: number): number {
  return code < 128 ? code : (code * 31) & 31;
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

/** Bigram keys: two folded characters, 14 bits, exact for printable ASCII. */
const BIGRAM_BUCKETS = 1 << 14;

function bigramKey(text: string, at: number): number {
  return (fold(text.charCodeAt(at)) << 7) | fold(text.charCodeAt(at + 1));
}

/** Every character keeps its own code in `fold` (none is a control character): such a term's postings are exact. */
function isPrintableAscii(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 32 || code >= 128) return false;
  }
  return true;
}

/** Postings in CSR layout: the customers holding key k are postings[offsets[k] .. offsets[k + 1]). */
interface Postings {
  offsets: Uint32Array;
  postings: Uint32Array;
}

/**
 * Builds postings of every distinct key of every text (`keysOf` calls back once per key occurrence),
 * in two passes: count, then fill in customer order, so each list is ascending.
 */
function buildPostings(texts: readonly string[], buckets: number, keysOf: (text: string, emit: (key: number) => void) => void): Postings {
  const offsets = new Uint32Array(buckets + 1);
  const lastSeen = new Int32Array(buckets).fill(-1);
  for (let index = 0; index < texts.length; index++) {
    keysOf(texts[index] as string, (key) => {
      if (lastSeen[key] !== index) {
        lastSeen[key] = index;
        (offsets[key + 1] as number)++;
      }
    });
  }
  for (let key = 0; key < buckets; key++) offsets[key + 1] = (offsets[key + 1] as number) + (offsets[key] as number);
  const postings = new Uint32Array(offsets[buckets] as number);
  const cursor = offsets.slice(0, buckets);
  lastSeen.fill(-1);
  for (let index = 0; index < texts.length; index++) {
    keysOf(texts[index] as string, (key) => {
      if (lastSeen[key] !== index) {
        lastSeen[key] = index;
        postings[(cursor[key] as number)++] = index;
      }
    });
  }
  return { offsets, postings };
}

export class CustomerSearchIndex {
  private readonly haystacks: string[];
  private readonly trigrams: Postings;
  private readonly bigrams: Postings;
  private readonly maskLow: Uint32Array;
  private readonly maskHigh: Uint32Array;
  private readonly bucketMask: number;
  private readonly exactTrigrams: boolean;
  /** Customers whose text changed after the build (a contact email learnt later): checked by scan. */
  private readonly late = new Set<number>();
  private readonly lateFlags: Uint8Array;
  /**
   * The previous search: its terms, the word typed last (the query's last word) and the result, with
   * where that word first occurs in each match's text when the search looked (`wordAt`, aligned with
   * `result`; NOT_LOCATED where unknown).
   */
  private last: { terms: string[]; word: string; result: Uint32Array; wordAt: Uint16Array | null } | null = null;
  private everyone: Uint32Array | null = null;
  /**
   * Two buffers for `wordAt`, written in turn: the previous search's places are read while the new
   * ones are written. They never leave the index, so no keystroke allocates them (a typed array of
   * up to 100,000 entries per keystroke is garbage for V8 to collect while the agent types).
   */
  private wordAtBuffers: [Uint16Array, Uint16Array] | null = null;

  private constructor(haystacks: string[], trigrams: Postings, bigrams: Postings, maskLow: Uint32Array, maskHigh: Uint32Array) {
    this.bucketMask = trigrams.offsets.length - 2;
    // With every trigram in its own bucket, a 3-character ASCII term's postings are its exact answer.
    this.exactTrigrams = this.bucketMask === MAX_TRIGRAM_BUCKETS - 1;
    this.haystacks = haystacks;
    this.trigrams = trigrams;
    this.bigrams = bigrams;
    this.maskLow = maskLow;
    this.maskHigh = maskHigh;
    this.lateFlags = new Uint8Array(haystacks.length);
  }

  get size(): number {
    return this.haystacks.length;
  }

  static build(customers: readonly SearchableCustomer[]): CustomerSearchIndex {
    const count = customers.length;
    const haystacks = new Array<string>(count);
    const maskLow = new Uint32Array(count);
    const maskHigh = new Uint32Array(count);
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
    }
    const buckets = bucketCountFor(count);
    const mask = buckets - 1;
    const trigrams = buildPostings(haystacks, buckets, (text, emit) => {
      for (let at = 0; at + 3 <= text.length; at++) emit(trigramKey(text, at, mask));
    });
    const bigrams = buildPostings(haystacks, BIGRAM_BUCKETS, (text, emit) => {
      for (let at = 0; at + 2 <= text.length; at++) emit(bigramKey(text, at));
    });
    return new CustomerSearchIndex(haystacks, trigrams, bigrams, maskLow, maskHigh);
  }

  /** Updates one customer's searchable text (e.g. its contact email became known). */
  update(index: number, customer: SearchableCustomer): void {
    if (index < 0 || index >= this.haystacks.length) return;
    this.haystacks[index] = haystackOf(customer);
    this.late.add(index);
    this.lateFlags[index] = 1;
    this.last = null;
  }

  /** The indices of the matching customers, ascending (do not modify it). An empty query matches everyone. */
  search(query: string): Uint32Array {
    const terms = searchTerms(query);
    if (terms.length === 0) return (this.everyone ??= allIndices(this.haystacks.length));
    const word = query.toLowerCase().split(/\s+/).filter(Boolean).at(-1) as string;
    const last = this.last;
    if (last && sameTerms(last.terms, terms)) return last.result;
    let candidates: Uint32Array | null = null;
    let open = terms;
    if (
      last &&
      word.length > last.word.length &&
      word.startsWith(last.word) &&
      sameTerms(without(last.terms, last.word), without(terms, word))
    ) {
      // Typing on in the last word: the previous matches hold every other term already.
      // (`wordAt` is never kept while late customers exist: their places are not recorded.)
      if (word.length === last.word.length + 1 && last.wordAt) {
        const { result, wordAt } = this.extendLastWord(last.result, last.wordAt, word);
        this.last = { terms, word, result, wordAt };
        return result;
      }
      candidates = last.result;
      open = [word];
    } else if (this.refinesLast(terms)) candidates = (last as { result: Uint32Array }).result;
    // Terms the postings or masks do not answer exactly; they are checked against the text.
    const unsure: string[] = [];
    const singles: string[] = [];
    for (const term of open) {
      const exact = isPrintableAscii(term) && (term.length === 2 || (term.length === 3 && this.exactTrigrams));
      if (exact) {
        const { offsets, postings } = term.length === 2 ? this.bigrams : this.trigrams;
        const key = term.length === 2 ? bigramKey(term, 0) : trigramKey(term, 0, this.bucketMask);
        const list = postings.subarray(offsets[key] as number, offsets[key + 1] as number);
        // A query of one exact term needs nothing else (a refined result would only be intersected back to it).
        candidates = candidates === null || terms.length === 1 ? list : intersect(candidates, list);
      } else if (term.length >= 2) {
        unsure.push(term);
        // Few candidates left: checking their text is cheaper than more postings.
        if (candidates === null || candidates.length > 64)
          candidates = term.length >= 3 ? this.trigramCandidates(term, candidates) : this.bigramList(term, candidates);
      } else {
        singles.push(term);
        if (maskBit(term.charCodeAt(0)) >= 36) unsure.push(term);
      }
    }
    if (singles.length) candidates = this.maskCandidates(singles, candidates);
    const checked = unsure.length
      ? this.verify(candidates as Uint32Array, unsure, word)
      : { result: candidates as Uint32Array, wordAt: null };
    if (this.late.size) {
      const result = this.withLate(checked.result, terms);
      this.last = { terms, word, result, wordAt: null };
      return result;
    }
    this.last = { terms, word, ...checked };
    return checked.result;
  }

  /**
   * The previous matches that hold `word`, the previous last word with one more character: where the
   * previous word first occurs is known, so a match is mostly one character compared. Exact: every
   * occurrence of `word` starts with an occurrence of the previous word, none before its first one.
   */
  private extendLastWord(previous: Uint32Array, previousAt: Uint16Array, word: string): { result: Uint32Array; wordAt: Uint16Array } {
    const { haystacks } = this;
    const added = word.charCodeAt(word.length - 1);
    const before = word.length - 1;
    const result = new Uint32Array(previous.length);
    const wordAt = this.freeWordAtBuffer();
    let found = 0;
    for (let i = 0; i < previous.length; i++) {
      const index = previous[i] as number;
      const text = haystacks[index] as string;
      const at = previousAt[i] as number;
      const first = at !== NOT_LOCATED && text.charCodeAt(at + before) === added ? at : text.indexOf(word, at === NOT_LOCATED ? 0 : at + 1);
      if (first < 0) continue;
      result[found] = index;
      wordAt[found++] = Math.min(first, NOT_LOCATED);
    }
    return { result: result.subarray(0, found), wordAt: wordAt.subarray(0, found) };
  }

  private bigramList(term: string, within: Uint32Array | null): Uint32Array {
    const key = bigramKey(term, 0);
    const list = this.bigrams.postings.subarray(this.bigrams.offsets[key] as number, this.bigrams.offsets[key + 1] as number);
    return within === null ? list : intersect(within, list);
  }

  private refinesLast(terms: string[]): boolean {
    // Every earlier term is inside some new term: the new matches are a subset of the old ones.
    return this.last !== null && this.last.terms.every((previous) => terms.some((term) => term.includes(previous)));
  }

  private trigramCandidates(term: string, within: Uint32Array | null): Uint32Array {
    const { offsets, postings } = this.trigrams;
    const lists: Uint32Array[] = [];
    const keys = new Set<number>();
    for (let at = 0; at + 3 <= term.length; at++) keys.add(trigramKey(term, at, this.bucketMask));
    for (const key of keys) lists.push(postings.subarray(offsets[key] as number, offsets[key + 1] as number));
    lists.sort((a, b) => a.length - b.length);
    let result = within ?? (lists[0] as Uint32Array);
    for (const list of within ? lists : lists.slice(1)) {
      if (result.length === 0) break;
      // Intersecting with a list far longer than the candidates costs more than verifying them, and
      // a trigram nearly everyone has narrows nothing (lists are sorted: the rest are longer still).
      if (list.length > result.length * 32 || list.length > this.size * 0.9) break;
      result = intersect(result, list);
    }
    return result;
  }

  /** Customers holding every one of these single characters. */
  private maskCandidates(singles: string[], within: Uint32Array | null): Uint32Array {
    let wantLow = 0;
    let wantHigh = 0;
    for (const term of singles) {
      const bit = maskBit(term.charCodeAt(0));
      if (bit < 32) wantLow |= 1 << bit;
      else wantHigh |= 1 << (bit - 32);
    }
    wantLow >>>= 0;
    wantHigh >>>= 0;
    const { maskLow, maskHigh } = this;
    const total = within ? within.length : maskLow.length;
    const out = new Uint32Array(total);
    let found = 0;
    for (let i = 0; i < total; i++) {
      const index = within ? (within[i] as number) : i;
      if (((maskLow[index] as number) & wantLow) >>> 0 === wantLow && ((maskHigh[index] as number) & wantHigh) >>> 0 === wantHigh)
        out[found++] = index;
    }
    return out.subarray(0, found);
  }

  /** The `wordAt` buffer the previous search's places are not in. */
  private freeWordAtBuffer(): Uint16Array {
    const buffers = (this.wordAtBuffers ??= [new Uint16Array(this.size), new Uint16Array(this.size)]);
    return this.last?.wordAt?.buffer === buffers[0].buffer ? buffers[1] : buffers[0];
  }

  /** The candidates whose text holds every term; where `word` first occurs, when it is one of them. */
  private verify(candidates: Uint32Array, terms: string[], word: string): { result: Uint32Array; wordAt: Uint16Array | null } {
    const { haystacks } = this;
    const others = without(terms, word);
    const locate = others.length < terms.length;
    const out = new Uint32Array(candidates.length);
    const wordAt = locate ? this.freeWordAtBuffer() : null;
    let found = 0;
    outer: for (let i = 0; i < candidates.length; i++) {
      const index = candidates[i] as number;
      const text = haystacks[index] as string;
      const at = locate ? text.indexOf(word) : 0;
      if (at < 0) continue;
      for (const term of others) if (!text.includes(term)) continue outer;
      if (wordAt) wordAt[found] = Math.min(at, NOT_LOCATED);
      out[found++] = index;
    }
    return { result: out.subarray(0, found), wordAt: wordAt ? wordAt.subarray(0, found) : null };
  }

  /** Customers whose text changed since the build: postings and masks describe their old text, so they are decided by their text. */
  private withLate(result: Uint32Array, terms: string[]): Uint32Array {
    const { late, lateFlags, haystacks } = this;
    const extra: number[] = [];
    for (const index of late) {
      const text = haystacks[index] as string;
      if (terms.every((term) => text.includes(term))) extra.push(index);
    }
    extra.sort((a, b) => a - b);
    // One merge pass: the result without late customers, and the late ones that match, in order.
    const out = new Uint32Array(result.length + extra.length);
    let found = 0;
    let next = 0;
    for (let i = 0; i < result.length; i++) {
      const index = result[i] as number;
      if (lateFlags[index] === 1) continue;
      while (next < extra.length && (extra[next] as number) < index) out[found++] = extra[next++] as number;
      out[found++] = index;
    }
    while (next < extra.length) out[found++] = extra[next++] as number;
    return out.subarray(0, found);
  }
}

/** A word's place in a text as `wordAt` holds it: texts are short, and a place beyond this is looked up again. */
const NOT_LOCATED = 0xffff;

/** The same set of terms (both lists hold distinct terms). */
function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((term) => b.includes(term));
}

function without(terms: readonly string[], term: string): string[] {
  return terms.filter((candidate) => candidate !== term);
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
