/** Token-bucket settings: at most `burst` requests at once, refilled at `perMinute` per minute. */
export interface RateLimit {
  readonly burst: number;
  readonly perMinute: number;
}

/**
 * Per-key token buckets (a key is a token id, or an address for failed logins). `take` spends one request and
 * says how long to wait when the bucket is empty. Memory is bounded: full buckets are forgotten when the map grows.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number = Date.now,
  ) {}

  private refill(key: string): { tokens: number; at: number } {
    const now = this.clock();
    const b = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    b.tokens = Math.min(this.limit.burst, b.tokens + ((now - b.at) / 60_000) * this.limit.perMinute);
    b.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= 10_000) for (const [k, v] of this.buckets) if (v.tokens >= this.limit.burst) this.buckets.delete(k);
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Seconds to wait before `key` may make a request; 0 when it may now (without spending). */
  wait(key: string): number {
    const b = this.refill(key);
    return b.tokens >= 1 - 1e-9 ? 0 : Math.ceil(((1 - b.tokens) * 60) / this.limit.perMinute);
  }

  /** Spends one request for `key`: 0 when allowed, otherwise the seconds to wait. */
  take(key: string): number {
    const wait = this.wait(key);
    if (wait === 0) this.buckets.get(key)!.tokens -= 1;
    return wait;
  }
}
