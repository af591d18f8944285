/**
 * The sharding manager owns the index: a /reindex from any shard runs one build here (requests that arrive while one
 * runs share it), the build saves the new index, every shard is told to load it, and the requester hears back once
 * every shard answers from it. Pure coordination: the build and the announcement are passed in.
 */
import type { Quoth, ReindexReport } from '../service.js';
import { ShardsNotSwitchedError } from './errors.js';

/** Whether one shard now answers from an announced index; `problem` says why not. */
export interface ShardSwitch {
  shardId: number;
  problem: string | null;
}

/** Tells every shard that the index built at `builtAt` is saved, and resolves with each shard's answer. */
export type Announce = (builtAt: string) => Promise<ShardSwitch[]>;

export class IndexOwner {
  private running: Promise<ReindexReport> | null = null;

  constructor(
    private readonly library: Pick<Quoth, 'reindex' | 'saved'>,
    private readonly announce: Announce,
  ) {}

  /** One build and one announcement for every request made while they run. */
  reindex(): Promise<ReindexReport> {
    this.running ??= this.rebuildAndAnnounce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async rebuildAndAnnounce(): Promise<ReindexReport> {
    const report = await this.library.reindex();
    // The shards load the saved file: they are told once it is written.
    await this.library.saved();
    const switches = await this.announce(report.builtAt);
    const stale = switches.flatMap(({ shardId, problem }) => (problem === null ? [] : [{ shardId, problem }]));
    if (stale.length > 0) throw new ShardsNotSwitchedError(report.builtAt, stale);
    return report;
  }
}
