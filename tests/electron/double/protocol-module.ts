/**
 * The `protocol` module: `registerSchemesAsPrivileged` (before `ready`, once: electron.d.ts
 * L12404-L12440) and the default session's handlers (docs/api/protocol: the module is the default
 * session's protocol; each session has its own, L14484-L14487).
 */
import type { Lifecycle } from './lifecycle';
import { ElectronUsageError } from './events';
import type { SessionModule } from './session';

export interface SchemePrivileges {
  standard?: boolean;
  secure?: boolean;
  supportFetchAPI?: boolean;
  corsEnabled?: boolean;
  codeCache?: boolean;
  stream?: boolean;
  bypassCSP?: boolean;
  allowServiceWorkers?: boolean;
}

export class ProtocolModule {
  /** Schemes registered as privileged, with their privileges (read by the page driver). */
  readonly privileged = new Map<string, SchemePrivileges>();
  private registered = false;

  constructor(
    private readonly lifecycle: Lifecycle,
    private readonly sessions: SessionModule,
  ) {}

  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: SchemePrivileges }>): void {
    // L12404-L12405: "can only be used before the ready event of the app module gets emitted and can be called only once".
    if (this.lifecycle.ready) throw new ElectronUsageError('protocol.registerSchemesAsPrivileged should be called before app is ready');
    if (this.registered) throw new ElectronUsageError('protocol.registerSchemesAsPrivileged can be called only once');
    this.registered = true;
    for (const { scheme, privileges } of schemes) this.privileged.set(scheme, { ...privileges });
  }

  private defaultProtocol() {
    if (!this.lifecycle.ready) throw new ElectronUsageError("protocol module can't be used before app is ready");
    return this.sessions.defaultSession.protocol;
  }

  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.defaultProtocol().handle(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.defaultProtocol().unhandle(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.defaultProtocol().isProtocolHandled(scheme);
  }
}
