/**
 * The durable feedback store: append-only JSON lines in `DATA_DIR/feedback.jsonl`, each record written with one
 * `write` on a file opened for appending and fsynced before the caller is told it is stored.
 *
 * Why JSON lines rather than SQLite: records are only ever added, the volume is small (a line per question or click),
 * and the file needs no native module (better-sqlite3 must be compiled or downloaded per platform, which breaks
 * `npm ci --omit=dev` on slim images without build tools). Appends opened with O_APPEND land whole at the end of the
 * file even with two processes writing; a line torn by a crash is skipped with a warning when read, and the next
 * record starts on a fresh line, so nothing else is lost. Unreadable lines stay in the file for a person to inspect.
 */
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { FeedbackLedger, type RatingChange } from './ledger.js';
import { feedbackRecord, type AskedRecord, type FeedbackRecord, type Rating, type SharedRecord } from './records.js';

export const FEEDBACK_FILE = 'feedback.jsonl';

export interface FeedbackWarnings {
  warn(message: string): void;
}

export class FeedbackStoreError extends Error {
  override name = 'FeedbackStoreError';
}

export type ShareClaim = { first: true } | { first: false; by: SharedRecord };

export class FeedbackStore {
  /** Serialises this process's appends so each `write` + `fsync` finishes before the next starts. */
  private queue: Promise<void> = Promise.resolve();
  /** Shares being written, so a second click waits for the first instead of posting again. */
  private readonly pendingShares = new Map<string, Promise<void>>();

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    readonly ledger: FeedbackLedger,
    /** Lines that could not be read back (torn by a crash, edited by hand), by line number. */
    readonly unreadableLines: readonly number[],
    private readonly now: () => Date,
  ) {}

  /** Reads every record of `dataDir/feedback.jsonl` (creating the folder and file when missing) and opens it for appending. */
  static async open(dataDir: string, options: { warnings?: FeedbackWarnings; now?: () => Date } = {}): Promise<FeedbackStore> {
    const file = path.join(dataDir, FEEDBACK_FILE);
    try {
      await mkdir(dataDir, { recursive: true });
    } catch (error) {
      throw new FeedbackStoreError(`Quoth: cannot create the data folder ${dataDir}: ${(error as Error).message}`, { cause: error });
    }
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new FeedbackStoreError(`Quoth: cannot read ${file}: ${(error as Error).message}`, { cause: error });
      }
    }
    const ledger = new FeedbackLedger();
    const unreadable: number[] = [];
    text.split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      const record = parseRecord(line);
      if (record) ledger.apply(record);
      else unreadable.push(index + 1);
    });
    if (unreadable.length > 0) {
      const shown = unreadable.slice(0, 5).join(', ');
      options.warnings?.warn(
        `${file}: ${unreadable.length} unreadable line${unreadable.length === 1 ? '' : 's'} skipped (line ${shown}${unreadable.length > 5 ? ', …' : ''}); they stay in the file`,
      );
    }
    let handle: FileHandle;
    try {
      handle = await open(file, 'a', 0o600);
    } catch (error) {
      throw new FeedbackStoreError(`Quoth: cannot open ${file} for writing: ${(error as Error).message}`, { cause: error });
    }
    const store = new FeedbackStore(file, handle, ledger, unreadable, options.now ?? (() => new Date()));
    // A crash mid-write can leave a line without its newline; the next record must not be glued onto it.
    if (text.length > 0 && !text.endsWith('\n')) await store.enqueue('\n');
    return store;
  }

  /** Remembers a question and its outcome, so ratings and /insights can refer to it. */
  async recordAnswer(answer: Omit<AskedRecord, 'v' | 'kind' | 'at'>): Promise<void> {
    await this.append({ v: 1, kind: 'asked', at: this.now().toISOString(), ...answer });
  }

  /** Stores a member's rating of an answer; each member counts once per answer, with their latest rating. */
  async rate(answerId: string, userId: string, rating: Rating): Promise<RatingChange> {
    const change = this.ledger.ratingChange(answerId, userId, rating);
    if (change !== 'same') await this.append({ v: 1, kind: 'rated', at: this.now().toISOString(), answerId, userId, rating });
    return change;
  }

  /**
   * Claims the one public posting of an answer: durable before the caller posts. Two clicks arriving together cannot
   * both win (the second waits for the first's write); if that write fails, the next click may claim it.
   */
  async claimShare(answerId: string, userId: string): Promise<ShareClaim> {
    const existing = this.ledger.sharedBy(answerId);
    if (existing) return { first: false, by: existing };
    const pending = this.pendingShares.get(answerId);
    if (pending) {
      await pending.catch(() => undefined);
      return this.claimShare(answerId, userId);
    }
    const write = this.append({ v: 1, kind: 'shared', at: this.now().toISOString(), answerId, userId });
    this.pendingShares.set(answerId, write);
    try {
      await write;
      return { first: true };
    } finally {
      this.pendingShares.delete(answerId);
    }
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle.close();
  }

  /** Counted only once it is on disk: a failed write leaves the ledger as it was, and the caller is told. */
  private async append(record: FeedbackRecord): Promise<void> {
    await this.enqueue(`${JSON.stringify(record)}\n`);
    this.ledger.apply(record);
  }

  private enqueue(text: string): Promise<void> {
    const write = this.queue.then(async () => {
      await this.handle.write(text);
      await this.handle.datasync();
    });
    // A failed write must not block the ones after it; the caller of this one still sees the failure.
    this.queue = write.catch(() => undefined);
    return write.catch((error: unknown) => {
      throw new FeedbackStoreError(`Quoth: could not write to ${this.file}: ${(error as Error).message}`, { cause: error });
    });
  }
}

function parseRecord(line: string): FeedbackRecord | null {
  try {
    const parsed = feedbackRecord.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
