import { RateLimiter, type RateLimit } from './rate-limit.js';

/** At most `size` holders at once; the others wait in arrival order. */
class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }

  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/** A secret check that may go ahead: call `done` once with whether the secret matched. */
export interface LoginTicket {
  done(matched: boolean): void;
}

/**
 * Failed-login accounting per client (address) and per token id, that holds under concurrency.
 *
 * A slow secret check (scrypt) may start only when neither the client nor the token id has used up its budget of
 * failures, and checks of one token id run one at a time (of one client, `clientConcurrency` at a time). So the
 * outcome of every earlier check is counted before the next one is allowed: 500 simultaneous wrong secrets for one
 * id cost `burst` checks, the rest are refused with a wait — counting after the check let all 500 through.
 * A check that matches costs nothing. The caller skips this for a token it verified a moment ago (see app.ts), so a
 * bad client sharing an address (loopback, a proxy) does not lock out tokens that are in use.
 */
export class LoginLimiter {
  private readonly clients: RateLimiter;
  private readonly ids: RateLimiter;
  private readonly gates = new Map<string, Gate>();

  constructor(
    limit: RateLimit,
    private readonly clientConcurrency = 2,
    clock: () => number = Date.now,
  ) {
    this.clients = new RateLimiter(limit, clock);
    this.ids = new RateLimiter(limit, clock);
  }

  private wait(client: string, id: string): number {
    return Math.max(this.clients.wait(client), this.ids.wait(id));
  }

  private gate(key: string, size: number): Gate {
    let g = this.gates.get(key);
    if (!g) this.gates.set(key, (g = new Gate(size)));
    return g;
  }

  private release(key: string): void {
    const g = this.gates.get(key);
    if (!g) return;
    g.release();
    if (g.idle) this.gates.delete(key);
  }

  /**
   * Waits for the turn of a secret check for token `id` from `client`; `{ wait }` (seconds) when either budget is
   * used up, checked both before and after waiting.
   */
  async admit(client: string, id: string): Promise<LoginTicket | { wait: number }> {
    const before = this.wait(client, id);
    if (before > 0) return { wait: before };
    // Always the id first, then the client: one order for every request, so no two wait on each other.
    const idKey = `id:${id}`;
    const clientKey = `client:${client}`;
    await this.gate(idKey, 1).acquire();
    await this.gate(clientKey, this.clientConcurrency).acquire();
    const after = this.wait(client, id);
    const release = (): void => {
      this.release(clientKey);
      this.release(idKey);
    };
    if (after > 0) {
      release();
      return { wait: after };
    }
    let open = true;
    return {
      done: (matched) => {
        if (!open) return;
        open = false;
        if (!matched) {
          this.clients.take(client);
          this.ids.take(id);
        }
        release();
      },
    };
  }
}
