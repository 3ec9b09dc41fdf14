import { createHash } from 'node:crypto';

/**
 * Token texts whose secret passed the scrypt check a moment ago, by sha256 of the text (never the text itself):
 * a later request with the same text skips the slow check and the failed-login accounting. The caller still reads
 * the token's row on every request, so a revocation takes effect at once. An entry lives `ttlMs` after its last
 * use; at most `max` entries are kept (the least recently used goes first).
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { id: string; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  private static key(text: string): string {
    return createHash('sha256').update(text).digest('hex');
  }

  /** The token id of a recently verified text (and its life extended), or undefined. */
  get(text: string): string | undefined {
    const key = VerifiedTokens.key(text);
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.until <= this.clock()) return undefined;
    this.entries.set(key, { id: e.id, until: this.clock() + this.ttlMs });
    return e.id;
  }

  /** Records a text whose secret just matched. */
  set(text: string, id: string): void {
    const key = VerifiedTokens.key(text);
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { id, until: this.clock() + this.ttlMs });
  }
}
