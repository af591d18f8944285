/** Faults of a sharded bot's index, carrying what a Discord user may be told. */

/** A `/reindex` that the sharding manager ran (or could not run) for this shard failed; `publicReason` is fit for the channel. */
export class ShardedReindexError extends Error {
  override name = 'ShardedReindexError';
  constructor(readonly publicReason: string) {
    super(`Quoth: the sharding manager’s reindex failed: ${publicReason}`);
  }
}

/** A new index was built and saved, but some shards could not switch to it (they answer from the previous one). */
export class ShardsNotSwitchedError extends Error {
  override name = 'ShardsNotSwitchedError';
  readonly publicReason: string;
  constructor(
    readonly builtAt: string,
    readonly shards: readonly { shardId: number; problem: string }[],
  ) {
    super(`Quoth: the index built ${builtAt} was saved, but ${shards.map((shard) => `shard ${shard.shardId} did not switch to it (${shard.problem})`).join('; ')}`);
    const ids = shards.map((shard) => shard.shardId).join(', ');
    this.publicReason = `The new index was built, but shard ${ids} could not switch to it and still answers from the previous one; the details are in the bot’s log.`;
  }
}
