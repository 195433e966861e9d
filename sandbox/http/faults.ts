/**
 * Fault injection for tests and demos, off by default: added latency, random 5xx answers (before the
 * request is handled: nothing is written) and dropped connections (half of them before handling,
 * half after it, so a write can be committed while its answer is lost: the case idempotency is for).
 * Applies to /v1 only; sign-in, the explainer page and /sandbox stay reliable.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

export interface FaultSettings {
  latencyMs: number;
  failRate: number;
  dropRate: number;
}

export class Faults {
  settings: FaultSettings;

  constructor(
    settings: Partial<FaultSettings> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.settings = { latencyMs: 0, failRate: 0, dropRate: 0 };
    this.set(settings);
  }

  set(settings: Partial<FaultSettings>): void {
    const clamp = (value: number | undefined, max: number) =>
      value === undefined || !Number.isFinite(value) ? undefined : Math.min(Math.max(value, 0), max);
    const latencyMs = clamp(settings.latencyMs, 60_000);
    const failRate = clamp(settings.failRate, 1);
    const dropRate = clamp(settings.dropRate, 1);
    if (latencyMs !== undefined) this.settings.latencyMs = latencyMs;
    if (failRate !== undefined) this.settings.failRate = failRate;
    if (dropRate !== undefined) this.settings.dropRate = dropRate;
  }

  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const { latencyMs, failRate, dropRate } = this.settings;
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const drop = dropRate > 0 && this.random() < dropRate;
      const dropAfter = drop && this.random() < 0.5;
      if (drop && !dropAfter) {
        c.env?.incoming?.socket?.destroy();
        return c.body(null, 500);
      }
      if (!drop && failRate > 0 && this.random() < failRate) {
        const status = this.random() < 0.5 ? 500 : 503;
        return c.json(
          { code: status, description: 'A fault injected by the sandbox (--fail-rate).', data: [], source: 'PartnerFD', isRetryable: true },
          status,
        );
      }
      await next();
      if (dropAfter) c.env?.incoming?.socket?.destroy();
    };
  }
}
