/**
 * A shard's Quoth: answers from its own copy of the index in memory, and never builds one. A /reindex is asked of the
 * sharding manager, which builds once for every shard; when the manager announces a new index (by its build time),
 * the shard loads the saved file, checks it is that index, switches to it and says so.
 */
import { randomUUID } from 'node:crypto';
import { Library, type LibraryOptions, type Log } from '../library.js';
import type { Corpus } from '../search/corpus.js';
import { loadSavedCorpus } from '../search/store.js';
import type { AskOutcome, IndexInfo, Quoth, ReindexReport } from '../service.js';
import { ShardedReindexError } from './errors.js';
import { parseManagerMessage, type ManagerMessage, type ShardMessage } from './protocol.js';

/** The shard's end of the IPC channel to the manager. */
export interface ManagerChannel {
  send(message: ShardMessage): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** The channel a process spawned by discord.js's ShardingManager (process mode) has to its parent. */
export function parentProcessChannel(): ManagerChannel {
  const send = process.send?.bind(process);
  if (!send) throw new Error('Quoth: this shard has no IPC channel to its sharding manager (was it started by SHARDS?)');
  return {
    send: (message) => void send(message),
    onMessage: (listener) => void process.on('message', listener),
  };
}

type ReindexOutcome = { ok: true; report: ReindexReport } | { ok: false; publicReason: string };

export class ShardQuoth implements Quoth {
  private library: Library | null = null;
  /** Index switches run one after another, in the order announced. */
  private switching: Promise<void> = Promise.resolve();
  private readonly waiting = new Map<string, (outcome: ReindexOutcome) => void>();
  private readonly log: Log;

  private constructor(
    private readonly channel: ManagerChannel,
    private readonly options: LibraryOptions,
  ) {
    this.log = options.log ?? { info: () => {}, warn: () => {} };
    channel.onMessage((value) => {
      const message = parseManagerMessage(value);
      if (message) this.receive(message);
    });
  }

  /**
   * Loads the index the manager saved. When there is none it can use (removed or damaged since the manager started),
   * asks the manager for a reindex and loads that.
   */
  static async open(channel: ManagerChannel, options: LibraryOptions): Promise<ShardQuoth> {
    const shard = new ShardQuoth(channel, options);
    const saved = await loadSavedCorpus(options.indexDir);
    if (saved.ok) shard.answerFrom(saved.corpus);
    else {
      shard.log.warn(`The saved index cannot be used (${saved.reason}); asking the sharding manager to rebuild it`);
      await shard.reindex();
    }
    if (!shard.library) throw new Error(`Quoth: no index to answer from in ${options.indexDir}`);
    shard.log.info(`Answering from the index built ${shard.library.builtAt} (${shard.library.info().passages} passages)`);
    return shard;
  }

  private get current(): Library {
    if (!this.library) throw new Error('Quoth: this shard has no index yet');
    return this.library;
  }

  ask(question: string): AskOutcome {
    return this.current.ask(question);
  }

  info(): IndexInfo {
    return this.current.info();
  }

  /** A shard answers only from an index the manager has saved. */
  saved(): Promise<void> {
    return Promise.resolve();
  }

  /** Asks the manager to rebuild; resolves once every shard answers from the new index. */
  reindex(): Promise<ReindexReport> {
    const requestId = randomUUID();
    const outcome = new Promise<ReindexOutcome>((resolve) => this.waiting.set(requestId, resolve));
    this.channel.send({ quoth: 'reindex', requestId });
    return outcome.then((result) => {
      if (!result.ok) throw new ShardedReindexError(result.publicReason);
      return result.report;
    });
  }

  private receive(message: ManagerMessage): void {
    switch (message.quoth) {
      case 'index':
        this.switching = this.switching.then(() => this.switchTo(message.builtAt));
        break;
      case 'reindexed':
      case 'reindex-failed': {
        const resolve = this.waiting.get(message.requestId);
        this.waiting.delete(message.requestId);
        resolve?.(message.quoth === 'reindexed' ? { ok: true, report: message.report } : { ok: false, publicReason: message.publicReason });
        break;
      }
    }
  }

  private async switchTo(builtAt: string): Promise<void> {
    let problem: string | null = null;
    if (this.library?.builtAt !== builtAt) {
      const saved = await loadSavedCorpus(this.options.indexDir);
      if (!saved.ok) problem = saved.reason;
      else if (saved.corpus.builtAt !== builtAt) problem = `the saved index was built ${saved.corpus.builtAt}, not ${builtAt}`;
      else this.answerFrom(saved.corpus);
    }
    if (problem === null) this.log.info(`Switched to the index built ${builtAt}`);
    else this.log.warn(`Could not switch to the index built ${builtAt}: ${problem}; still answering from the previous one`);
    this.channel.send({ quoth: 'switched', builtAt, problem });
  }

  private answerFrom(corpus: Corpus): void {
    if (this.library) this.library.adopt(corpus);
    else this.library = new Library(corpus, this.options);
  }
}
