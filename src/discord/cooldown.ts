/** Per-member cooldown between questions. Pure: the caller passes the time. */
export type CooldownCheck = { allowed: true } | { allowed: false; retryAt: number };

export class Cooldown {
  private readonly lastAsked = new Map<string, number>();

  constructor(private readonly intervalMs: number) {}

  /** Whether `userId` may ask at `now` (ms); when allowed, the cooldown starts again from `now`. */
  take(userId: string, now: number): CooldownCheck {
    if (this.intervalMs <= 0) return { allowed: true };
    const last = this.lastAsked.get(userId);
    if (last !== undefined && now - last < this.intervalMs) return { allowed: false, retryAt: last + this.intervalMs };
    this.lastAsked.set(userId, now);
    if (this.lastAsked.size > 10_000) this.forgetBefore(now - this.intervalMs);
    return { allowed: true };
  }

  private forgetBefore(time: number): void {
    for (const [userId, last] of this.lastAsked) if (last < time) this.lastAsked.delete(userId);
  }
}
