/**
 * The search index over the cached customers and what it learns later: each customer's contact
 * email once its details are cached (by this window or another), followed through the details
 * table's change feed. Plain TypeScript; the customers store wires it to Vue.
 */
import { TrackedRows } from '../db/change-feed';
import type { CustomerDetailRow, CustomerRow } from '../db/rows';
import { CustomerSearchIndex } from './customer-search';

export class CustomerIndexHolder {
  index: CustomerSearchIndex | null = null;
  /** The cached details, as far as the index has seen them. */
  readonly details = new TrackedRows<CustomerDetailRow>({ keyOf: (row) => row.id, timeOf: (row) => row.fetchedAt });
  private taught = 0;

  /** Builds the index over `rows` (name order) and teaches it every email in `details`. */
  build(rows: readonly CustomerRow[], positions: ReadonlyMap<string, number>, details: readonly CustomerDetailRow[]): CustomerSearchIndex {
    const built = CustomerSearchIndex.build(rows);
    this.details.reset(details);
    teach(built, positions, details);
    this.taught = this.details.version;
    return built;
  }

  /** Makes `index` the current one (built over the records as they are now). */
  use(index: CustomerSearchIndex | null): void {
    this.index = index;
  }

  /** Teaches the current index the details that changed since it last looked. */
  catchUp(positions: ReadonlyMap<string, number>): void {
    const changed = this.details.changedSince(this.taught);
    this.taught = this.details.version;
    if (!this.index) return;
    const rows = changed === null ? [...this.details.rows.values()] : [...changed].flatMap((id) => this.details.rows.get(id) ?? []);
    teach(this.index, positions, rows);
  }
}

/** The emails of these details, for the customers the index covers. */
function teach(index: CustomerSearchIndex, positions: ReadonlyMap<string, number>, details: Iterable<CustomerDetailRow>): void {
  for (const detail of details) {
    const position = positions.get(detail.id);
    if (position !== undefined && position < index.size && detail.contact.email)
      index.update(position, { ...detail, email: detail.contact.email });
  }
}
