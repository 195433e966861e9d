/**
 * The SQL migrations, in order. Each is plain SQL in its own module (kept as TypeScript so the
 * sandbox also runs bundled, where loose .sql files would not travel). Never edit an applied one:
 * add the next.
 */
import { sql as init } from './0001_init';
import { sql as leanCustomerIndexes } from './0002_lean_customer_indexes';
import { sql as enhancedAttestations } from './0003_enhanced_attestations';

export interface Migration {
  id: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { id: '0001_init', sql: init },
  { id: '0002_lean_customer_indexes', sql: leanCustomerIndexes },
  { id: '0003_enhanced_attestations', sql: enhancedAttestations },
];
