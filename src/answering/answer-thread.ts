/**
 * Answers the bot's questions in a worker thread, from the saved index the bot's `Quoth` serves, so a burst of
 * questions never holds the main thread that acknowledges interactions (Discord's 3-second window). When the `Quoth`
 * swaps in a new index (a reindex is done), the thread is told to load it from the saved file, and questions asked
 * after that are answered once it has: from the new index, as the reindex report promises. Questions are answered on
 * the main thread, as before, only while the thread holds no index (at start, or when the saved index cannot be
 * read) or after it died.
 */
import type { Worker } from 'node:worker_threads';
import type { Log } from '../library.js';
import type { AskOutcome, Quoth } from '../service.js';
import { siblingModule, startProjectWorker } from '../threads.js';
import type { FromAnswerThread, ToAnswerThread } from './protocol.js';

/** How the Discord bot gets an answer: on the main thread (`quoth.ask`) or off it. */
export interface Answerer {
  ask(question: string): Promise<AskOutcome>;
}

/** Answers on the calling thread. */
export function answerInline(quoth: Quoth): Answerer {
  return { ask: (question) => Promise.resolve(quoth.ask(question)) };
}

export class AnswerThread implements Answerer {
  private readonly worker: Worker;
  /** Build time of the index the thread holds, or null. */
  private held: string | null = null;
  /** Build time the thread was last told to load. */
  private requested: string | null = null;
  /** Settles once the thread is told to load the index answering now (once it is saved): questions are sent after. */
  private loading: Promise<void> = Promise.resolve();
  private alive = true;
  private nextId = 0;
  private readonly pending = new Map<number, { question: string; resolve: (outcome: AskOutcome) => void }>();

  constructor(
    private readonly quoth: Quoth,
    private readonly indexDir: string,
    private readonly log: Log,
  ) {
    this.worker = startProjectWorker(siblingModule('worker', import.meta.url), null);
    this.worker.unref();
    this.worker.on('message', (message: FromAnswerThread) => this.receive(message));
    this.worker.on('error', (error) => this.fail(`the answer thread failed: ${error.message}`));
    this.worker.on('exit', (code) => this.fail(`the answer thread stopped (exit code ${code})`));
    this.load(quoth.info().builtAt);
  }

  /** Build time of the index the thread answers from, or null while it holds none. */
  get heldIndex(): string | null {
    return this.alive ? this.held : null;
  }

  ask(question: string): Promise<AskOutcome> {
    const current = this.quoth.info().builtAt;
    if (this.alive && this.requested !== current) this.load(current);
    if (!this.alive || this.held === null) return Promise.resolve(this.quoth.ask(question));
    const id = (this.nextId += 1);
    return new Promise((resolve) => {
      this.pending.set(id, { question, resolve });
      void this.loading.then(() => this.post({ type: 'ask', id, question }));
    });
  }

  /** Stops the thread; questions it had not answered are answered here. */
  async stop(): Promise<void> {
    this.alive = false;
    await this.worker.terminate();
    this.answerPendingHere();
  }

  /** Tells the thread to load the saved index once the one answering now is saved (a reindex answers before). */
  private load(builtAt: string): void {
    this.requested = builtAt;
    this.loading = this.quoth.saved().then(() => this.post({ type: 'load', indexDir: this.indexDir }));
  }

  private post(message: ToAnswerThread): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromAnswerThread): void {
    switch (message.type) {
      case 'answered': {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        waiting?.resolve(message.outcome);
        break;
      }
      case 'loaded':
        this.held = message.builtAt;
        if (message.builtAt !== this.quoth.info().builtAt) {
          this.held = null;
          this.log.warn(`The answer thread found the saved index built ${message.builtAt}, not the one answering (${this.quoth.info().builtAt}); questions are answered on the main thread`);
        }
        break;
      case 'load-failed':
        this.held = null;
        this.log.warn(`The answer thread could not load the saved index (${message.reason}); questions are answered on the main thread`);
        break;
    }
  }

  private fail(reason: string): void {
    if (!this.alive) return;
    this.alive = false;
    this.log.warn(`${reason}; questions are answered on the main thread from now on`);
    this.answerPendingHere();
  }

  private answerPendingHere(): void {
    for (const [id, { question, resolve }] of this.pending) {
      this.pending.delete(id);
      resolve(this.quoth.ask(question));
    }
  }
}
