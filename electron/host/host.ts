/**
 * The host: every channel of the contract, one handler file per capability (`handlers/`), all on one
 * `HostContext`. Electron's IPC layer and the browser bridge both sit on `host.dispatch`; neither adds
 * logic of its own beyond checking who is calling. To add a channel: its schemas and access in
 * `shared/ipc/contract.ts` (and its name in `channels.ts`), and its handler in the capability's file.
 */
import { authLossOf } from './auth/provider';
import { createHostContext, type HostOptions as ContextOptions } from './context';
import { createDispatcher, withAccess, type ChannelHandlers, type ChannelImplementations, type Dispatcher } from './dispatch';
import type { SubmitService } from './submit';
import type { BackendKind } from '../../shared/ipc/contract';
import { appHandlers } from './handlers/app';
import { sessionHandlers } from './handlers/session';
import { agreementHandlers } from './handlers/agreements';
import { attestationHandlers } from './handlers/attestations';
import { customerHandlers } from './handlers/customers';
import { enhancedHandlers } from './handlers/enhanced';
import { appCredentialHandlers } from './handlers/app-credential';
import { auditHandlers } from './handlers/audit';
import { platformHandlers, type PlatformHandlers } from './handlers/platform';

export type { PlatformHandlers };

export interface HostOptions extends ContextOptions {
  platform?: Partial<PlatformHandlers>;
}

export interface Host {
  dispatch: Dispatcher;
  handlers: ChannelHandlers;
  submit: SubmitService;
  /** Loads the settings and restores the persisted session (once; the dispatcher waits for it). */
  start(): Promise<void>;
  /** Resolves when no submit is in flight (or after `timeoutMs`). */
  idle(timeoutMs?: number): Promise<boolean>;
  currentBackend(): Promise<{ kind: BackendKind; url: string }>;
}

export function createHost(options: HostOptions): Host {
  const ctx = createHostContext(options);
  const log = options.log ?? { warn: (message: string) => console.warn(message), error: (message: string) => console.error(message) };
  let started: Promise<void> | undefined;
  const start = () =>
    (started ??= ctx.load().catch((error: unknown) => {
      started = undefined; // the next call tries again
      throw error;
    }));

  const implementations: ChannelImplementations = {
    ...appHandlers(ctx),
    ...sessionHandlers(ctx),
    ...agreementHandlers(ctx),
    ...attestationHandlers(ctx),
    ...customerHandlers(ctx),
    ...enhancedHandlers(ctx),
    ...appCredentialHandlers(ctx),
    ...auditHandlers(ctx),
    ...platformHandlers(options.platform),
  };
  const handlers = withAccess(implementations, { ready: start, currentUser: () => ctx.auth().user() ?? null });

  return {
    dispatch: createDispatcher(handlers, { log, onAuthLost: (error) => ctx.auth().invalidate(authLossOf(error)) }),
    handlers,
    submit: ctx.submit,
    start,
    idle: (timeoutMs) => ctx.submit.idle(timeoutMs),
    async currentBackend() {
      await start();
      return ctx.backend();
    },
  };
}
