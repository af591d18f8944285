/**
 * Collects changed file paths and hands them over as one batch once none has come for a quiet period: an editor's
 * save that writes a file several times, or a folder copied in, is one batch, so one reindex. Pure: the timers are
 * passed in (tests move a fake clock).
 */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class ChangeBatcher {
  private readonly pending = new Set<string>();
  private timer: unknown = null;

  constructor(
    private readonly quietMs: number,
    private readonly flush: (paths: string[]) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Records a change; returns whether the path is new to the batch being collected (so the caller logs it once). */
  add(path: string): boolean {
    const isNew = !this.pending.has(path);
    this.pending.add(path);
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = null;
      const batch = [...this.pending].sort();
      this.pending.clear();
      this.flush(batch);
    }, this.quietMs);
    return isNew;
  }

  /** Drops what was collected and stops the timer. */
  close(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
