/**
 * Fewer indexes to maintain per customer row (bulk seeding of 100,000 generated customers was
 * dominated by index upkeep): `seq` and `generated_index` need no unique index of their own, and one
 * unique `text_pattern_ops` index on `domain` serves both uniqueness and the prefix filter.
 */
export const sql = /* sql */ `
alter table customers drop constraint customers_seq_key;
alter table customers drop constraint customers_generated_index_key;
drop index customers_partner_domain;
alter table customers drop constraint customers_domain_key;
create unique index customers_domain on customers (domain text_pattern_ops);
create index customers_generated on customers (generated_index) where generated_index is not null;
`;
