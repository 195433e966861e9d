import type { HttpBindings } from '@hono/node-server';
import type { Database } from '../db/database';
import type { TokenService } from '../auth/tokens';
import type { UserDirectory, AuthUser } from '../auth/users';
import type { Faults } from './faults';
import type { Throttle } from './throttle';
import type { Templates } from '../services/templates';

/** Everything a route needs, shared by the whole running sandbox. */
export interface SandboxState {
  db: Database;
  tokens: TokenService;
  users: UserDirectory;
  clock: () => Date;
  faults: Faults;
  templates: Templates;
  throttle: Throttle;
  password: string;
  tokenTtlSeconds: number;
  quiet: boolean;
}

export type AppEnv = {
  Bindings: HttpBindings;
  Variables: {
    /** MS-RequestId as given (validated), or one the server made up. */
    requestId: string;
    /** True when the client sent MS-RequestId: only then is a write idempotent. */
    requestIdGiven: boolean;
    correlationId: string;
    user: AuthUser;
  };
};
