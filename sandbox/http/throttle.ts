/**
 * Throttling per partner tenant (reference §10): past `rateLimitPerMinute` requests in a one-minute
 * window, 429 with `Retry-After` in seconds and Partner Center's `{statusCode, message}` body. Off (0)
 * by default; `--rate-limit 500` mimics the documented Customer resource limit.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

const WINDOW_MS = 60_000;

export class Throttle {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    public limitPerMinute: number,
    private readonly now: () => number,
  ) {}

  set(limitPerMinute: number): void {
    this.limitPerMinute = Number.isFinite(limitPerMinute) && limitPerMinute > 0 ? Math.floor(limitPerMinute) : 0;
    this.windows.clear();
  }

  /** Counts one request; answers the seconds to wait when over the limit. */
  take(key: string): number | undefined {
    if (this.limitPerMinute <= 0) return undefined;
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.limitPerMinute) return undefined;
    return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  }

  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const retryAfter = this.take(c.get('partnerTenantId'));
      if (retryAfter !== undefined) {
        c.header('Retry-After', String(retryAfter));
        return c.json({ statusCode: 429, message: `Rate limit is exceeded. Try again in ${retryAfter} seconds.` }, 429);
      }
      await next();
    };
  }
}
