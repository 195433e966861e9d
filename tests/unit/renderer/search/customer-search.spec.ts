import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CustomerSearchIndex,
  filterSearch,
  intersect,
  searchTerms,
  type SearchableCustomer,
} from '../../../../renderer/src/search/customer-search';

const words = ['Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Zoë', 'Café', 'Müller', '渡辺', 'Ltd', 'B.V.', 'GmbH', 'Traders', 'Cloud'];

function customer(n: number, name: string, email?: string): SearchableCustomer {
  const hex = n.toString(16).padStart(8, '0');
  return {
    id: `${hex}-1234-4abc-8def-${hex}abcd`,
    companyName: name,
    domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}${n}.example`,
    email,
  };
}

describe('customer search', () => {
  const customers = [
    customer(1, 'Contoso Ltd', 'tania@contoso.example'),
    customer(2, 'Fabrikam B.V.'),
    customer(3, 'Northwind Traders', 'Anna.Admin@NORTHWIND.example'),
    customer(4, 'Café Zoë'),
    customer(5, '渡辺 Trading'),
  ];
  const index = CustomerSearchIndex.build(customers);

  it('never answers an ASCII term with a customer that only holds accented or other non-ASCII letters there', () => {
    // Non-ASCII characters once folded onto ASCII digits: 'í' onto '3', so "Logística" matched "g3".
    const accented = [customer(6, 'Amazonas Logística'), customer(7, 'Zoë Müller Ærø Ñandú'), customer(8, '渡辺 Łódź Straße')];
    const accentedIndex = CustomerSearchIndex.build(accented);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789.-_@';
    for (const first of alphabet)
      for (const second of alphabet) {
        const query = first + second;
        expect([...accentedIndex.search(query)], query).toEqual(filterSearch(accented, query));
      }
  });

  it('finds by name, domain, tenant id and contact email, case-insensitively', () => {
    expect([...index.search('contoso')]).toEqual([0]);
    expect([...index.search('fabrikambv2.example')]).toEqual([1]);
    expect([...index.search(customers[2]!.id.toUpperCase())]).toEqual([2]);
    expect([...index.search('anna.admin@northwind')]).toEqual([2]);
    expect([...index.search('zoë')]).toEqual([3]);
    expect([...index.search('渡辺')]).toEqual([4]);
  });

  it('needs every term, in any field, and an empty query lists everyone', () => {
    expect([...index.search('traders north')]).toEqual([2]);
    expect([...index.search('traders contoso')]).toEqual([]);
    expect(index.search('   ').length).toBe(5);
  });

  it('narrows while typing and widens again when the query is shortened', () => {
    expect([...index.search('c')]).toEqual(filterSearch(customers, 'c'));
    expect([...index.search('co')]).toEqual(filterSearch(customers, 'co'));
    expect([...index.search('con')]).toEqual([0]);
    expect([...index.search('co')]).toEqual(filterSearch(customers, 'co'));
  });

  it('finds a contact email learnt after the index was built', () => {
    const late = CustomerSearchIndex.build(customers);
    expect([...late.search('newcontact')]).toEqual([]);
    late.update(1, { ...customers[1]!, email: 'newcontact@fabrikam.example' });
    expect([...late.search('newcontact')]).toEqual([1]);
    expect([...late.search('fabrikam')]).toEqual([1]);
  });

  it('answers exactly what Array.filter with lower-cased includes answers (property)', () => {
    const arbitraryCustomer = fc.record({
      name: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')),
      n: fc.integer({ min: 0, max: 0xffffff }),
      email: fc.option(fc.emailAddress(), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryCustomer, { maxLength: 40 }),
        fc.array(
          fc.oneof(
            fc.constantFrom(...words.map((w) => w.toLowerCase().slice(0, 4)), 'a', 'co', 'ltd', '-4abc', '.example', 'ë'),
            fc.string({ maxLength: 4 }),
          ),
          { maxLength: 4 },
        ),
        (generated, queries) => {
          const list = generated.map(({ name, n, email }) => customer(n, name, email));
          const built = CustomerSearchIndex.build(list);
          for (const query of queries) expect([...built.search(query)]).toEqual(filterSearch(list, query));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers as Array.filter does at every keystroke of a query typed character by character (property)', () => {
    // Few letters, so words recur in a text and a word's first place often is not where it goes on.
    const syllable = fc.constantFrom('ab', 'ba', 'aab', 'b-a', 'a.b', 'Ab', 'ç');
    const text = fc.array(syllable, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: text, n: fc.integer({ min: 0, max: 0xff }) }), { maxLength: 30 }),
        fc.array(fc.constantFrom('a', 'b', '-', '.', ' ', 'A', 'ç'), { minLength: 1, maxLength: 12 }),
        (generated, keys) => {
          const list = generated.map(({ name, n }) => customer(n, name));
          const built = CustomerSearchIndex.build(list);
          let query = '';
          for (const key of keys) {
            query += key;
            expect([...built.search(query)], JSON.stringify(query)).toEqual(filterSearch(list, query));
          }
          // Backspace by backspace, then typing on again from a shorter word.
          for (let length = query.length - 1; length >= 0; length--)
            expect([...built.search(query.slice(0, length))]).toEqual(filterSearch(list, query.slice(0, length)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('types on a word found too far into a long text for its place to be recorded', () => {
    // "abcde" first occurs past 65,535 characters, beyond what the search records of a word's place.
    const long = [
      { id: 'long', companyName: `${'x'.repeat(70_000)} abcde`, domain: 'long.example' },
      customer(2, 'abd abcde'),
      customer(3, 'abd abcx'),
    ];
    const built = CustomerSearchIndex.build(long);
    const queries = ['abc', 'abcd', 'abcde', 'abd', 'abd a', 'abd ab', 'abd abc', 'abd abcd', 'x', 'xx', 'xxxx', 'xxxxx', 'xxxxx abcd'];
    for (const query of queries) expect([...built.search(query)], query).toEqual(filterSearch(long, query));
    expect([...built.search('abcde')]).toEqual([0, 1]);
  });

  it('splits a query into distinct lower-cased terms, longest first', () => {
    expect(searchTerms('  Contoso  NL contoso ')).toEqual(['contoso', 'nl']);
  });

  it('intersects sorted lists of very different lengths', () => {
    const long = Uint32Array.from({ length: 1000 }, (_, i) => i * 2);
    expect([...intersect(Uint32Array.from([4, 5, 998, 1998]), long)]).toEqual([4, 998, 1998]);
    expect([...intersect(Uint32Array.from([1, 2, 3, 4]), Uint32Array.from([2, 4, 6]))]).toEqual([2, 4]);
  });
});
