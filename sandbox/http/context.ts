import type { HttpBindings } from '@hono/node-server';
import type { Database } from '../db/database';
import type { TokenService } from '../auth/tokens';
import type { UserDirectory, AuthUser } from '../auth/users';
import type { AppDirectory, AuthApp } from '../auth/apps';
import type { Faults } from './faults';
import type { Throttle } from './throttle';
import type { Templates } from '../services/templates';
import type { LegacyAttestation } from '../enhanced/contract';

/** Everything a route needs, shared by the whole running sandbox. */
export interface SandboxState {
  db: Database;
  tokens: TokenService;
  users: UserDirectory;
  apps: AppDirectory;
  clock: () => Date;
  faults: Faults;
  templates: Templates;
  throttle: Throttle;
  password: string;
  tokenTtlSeconds: number;
  quiet: boolean;
  /** Which era of Partner Center is modelled (`--legacy-attestation`). */
  legacyAttestation: LegacyAttestation;
  /** http://127.0.0.1:<port>, known once listening: the origin of the links the sandbox hands out. */
  origin: string;
}

/** Who made a `/v1` call: a user (App+User token) or an app (AppOnly token, no user). */
export type Caller = { kind: 'user'; user: AuthUser } | { kind: 'app'; app: AuthApp };

export type AppEnv = {
  Bindings: HttpBindings;
  Variables: {
    /** MS-RequestId as given (validated), or one the server made up. */
    requestId: string;
    /** True when the client sent MS-RequestId: only then is a write idempotent. */
    requestIdGiven: boolean;
    correlationId: string;
    /** The signed-in user; set for App+User tokens only (AppOnly tokens reach only the calls that take them). */
    user: AuthUser;
    caller: Caller;
    /** The caller's partner tenant, for either kind of token. */
    partnerTenantId: string;
  };
};
