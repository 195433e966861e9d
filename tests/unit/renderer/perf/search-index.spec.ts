/**
 * The search index's fast paths (exact bigram postings for 2-character terms, masks for single
 * characters, skipped stop-trigrams, refinement while typing, contact emails learnt later) must
 * answer exactly what the Array.filter baseline answers, query after query as an agent types.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CustomerSearchIndex, filterSearch, type SearchableCustomer } from '../../../../renderer/src/search/customer-search';

const words = ['Contoso', 'Fabrikam', 'Northwind', 'Nord', 'Zoë', 'Café', 'Müller', '渡辺', 'Ltd', 'B.V.', 'no', 'on', 'Co'];

function customer(n: number, name: string, email?: string): SearchableCustomer {
  const hex = n.toString(16).padStart(8, '0');
  return { id: `${hex}-1234-4abc-8def-${hex}abcd`, companyName: name, domain: `shared-prefix-${n}.example`, email };
}

/** The index's answer and the baseline's, as one string each (fast to compare at 70,000 customers). */
function answers(index: CustomerSearchIndex, list: SearchableCustomer[], query: string): [string, string] {
  return [`${query}: ${index.search(query).join()}`, `${query}: ${filterSearch(list, query).join()}`];
}

/** Every prefix of every query, in order, as typed. */
function typed(queries: string[]): string[] {
  return queries.flatMap((query) => Array.from({ length: query.length + 1 }, (_, length) => query.slice(0, length)));
}

describe('customer search index, typed char by char', () => {
  it('agrees with the filter baseline through typing, updates and shortened queries (property)', () => {
    const arbitraryCustomer = fc.record({
      name: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')),
      n: fc.integer({ min: 0, max: 0xffff }),
      email: fc.option(fc.constantFrom('no@co.example', 'zoë@café.example', 'anna@nord.example'), { nil: undefined }),
    });
    const query = fc.oneof(
      fc.constantFrom('no', 'on', 'co', 'zo', 'ë', 'é', 'caf', 'shared-prefix-1', 'nord no', 'co ltd', 'n o', '渡', 'ex'),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(
        fc.array(arbitraryCustomer, { minLength: 1, maxLength: 60 }),
        fc.array(query, { maxLength: 4 }),
        fc.array(fc.record({ at: fc.nat(), email: fc.constantFrom('new@no.example', 'zoë@x.example', 'plain@on.example') }), {
          maxLength: 3,
        }),
        (generated, queries, updates) => {
          const list = generated.map(({ name, n, email }) => customer(n, name, email));
          const index = CustomerSearchIndex.build(list);
          for (const prefix of typed(queries)) expect([...index.search(prefix)]).toEqual(filterSearch(list, prefix));
          for (const update of updates) {
            const at = update.at % list.length;
            list[at] = { ...(list[at] as SearchableCustomer), email: update.email };
            index.update(at, list[at] as SearchableCustomer);
          }
          for (const prefix of typed(queries)) expect([...index.search(prefix)]).toEqual(filterSearch(list, prefix));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers from exact trigram postings at full size (65,536+ customers), before and after updates', () => {
    const list = Array.from({ length: 70_000 }, (_, n) =>
      customer(n, `${words[n % words.length]} ${n}`, n % 7 === 0 ? `x${n}@no.example` : undefined),
    );
    const index = CustomerSearchIndex.build(list);
    const queries = ['shared-prefix-4', 'nor 12', 'no', 'co 123', 'ë', 'caf', 'zoë 7', '123', 'ltd b.v'];
    for (const prefix of typed(queries)) {
      const [fast, slow] = answers(index, list, prefix);
      expect(fast).toBe(slow);
    }
    for (const at of [7, 12_345, 69_999]) {
      list[at] = { ...(list[at] as SearchableCustomer), email: 'zed@shared.example' };
      index.update(at, list[at] as SearchableCustomer);
    }
    for (const prefix of typed([...queries, 'zed', 'x7@no'])) {
      const [fast, slow] = answers(index, list, prefix);
      expect(fast).toBe(slow);
    }
  });
});
