/**
 * `SHARDS=auto|N`: the bot as discord.js's ShardingManager runs it, one process per shard, each with its own gateway
 * connection. This process starts no Discord client; it owns the index. It checks (and if needed builds) the saved
 * index once before any shard starts, so N shards never build at once, and it runs every /reindex a shard asks for:
 * one build, saved, then announced to every shard, which loads the saved file and switches (see index-owner.ts).
 */
import { once } from 'node:events';
import { ShardingManager, type Shard } from 'discord.js';
import { verifyToken } from '../discord/client.js';
import { publicReindexReason } from '../discord/reasons.js';
import { watchSeeds } from '../indexing/watch-seeds.js';
import { openLibrary, type LibraryOptions } from '../library.js';
import type { Logger } from '../log.js';
import type { ReindexReport } from '../service.js';
import { ShardsNotSwitchedError } from './errors.js';
import { IndexOwner, type ShardSwitch } from './index-owner.js';
import { parseShardMessage, type ManagerMessage } from './protocol.js';

/** Discord allows one identify per 5 s in each concurrency bucket; discord.js's ShardingManager waits 5.5 s. */
const IDENTIFY_INTERVAL_MS = 5_500;
/** How long a shard may take to load the index and connect before the manager gives up on it. */
const SHARD_READY_TIMEOUT_MS = 180_000;
/** How long a shard may take to switch to a new index before the reindex reports it as not switched. */
const SWITCH_TIMEOUT_MS = 60_000;
/** How long a shard may take to stop after SIGTERM before it is killed. */
const SHARD_STOP_TIMEOUT_MS = 10_000;

/**
 * Shards i and i + maxConcurrency identify in the same bucket (Discord buckets by `shard_id % max_concurrency`), so
 * starting one shard every interval / maxConcurrency keeps each bucket at one identify per interval.
 */
export function spawnDelayMs(maxConcurrency: number): number {
  return Math.ceil(IDENTIFY_INTERVAL_MS / Math.max(1, maxConcurrency));
}

export interface ShardingOptions {
  token: string;
  discordApiBase: string | undefined;
  /** `SHARDS`: a number, or `auto` for the count Discord recommends. */
  shards: 'auto' | number;
  /** The file each shard process runs (src/main.ts or dist/src/main.js: it reads SHARDING_MANAGER and runs a shard). */
  shardEntry: string;
  library: LibraryOptions;
  logger: Logger;
  /** `WATCH_SEEDS`: reindex (once, for every shard) when files in the seeds folder change. */
  watchSeeds: boolean;
}

export interface RunningManager {
  manager: ShardingManager;
  /** Stops every shard (SIGTERM, then SIGKILL after 10 s) and resolves when they have exited. */
  stop(): Promise<void>;
}

export async function runShardingManager(options: ShardingOptions): Promise<RunningManager> {
  const { logger } = options;
  const advice = await verifyToken({ discordToken: options.token, discordApiBase: options.discordApiBase });
  const shardCount = options.shards === 'auto' ? advice.shards : options.shards;
  // The one check (and, when stale, build) of the saved index; the shards load what it saves.
  const library = await openLibrary({ ...options.library, prepareSpelling: false });
  const manager = new ShardingManager(options.shardEntry, {
    totalShards: shardCount,
    mode: 'process',
    // The shards run as this process does: under tsx in development (its loader flags), plain node in production.
    execArgv: process.execArgv,
    token: options.token,
    respawn: true,
  });

  const switchWaiters = new Map<string, (problem: string | null) => void>();
  const switchOf = (shard: Shard, builtAt: string): Promise<ShardSwitch> => {
    // A shard without a process is starting again; it loads the saved index, this one, when it starts.
    if (!shard.process) return Promise.resolve({ shardId: shard.id, problem: null });
    const key = `${shard.id} ${builtAt}`;
    return new Promise((resolve) => {
      const settle = (problem: string | null): void => {
        clearTimeout(timer);
        switchWaiters.delete(key);
        resolve({ shardId: shard.id, problem });
      };
      const timer = setTimeout(() => settle(`no answer within ${SWITCH_TIMEOUT_MS / 1000} s`), SWITCH_TIMEOUT_MS);
      switchWaiters.set(key, settle);
      send(shard, { quoth: 'index', builtAt }).catch((error: unknown) => settle(`could not be told: ${(error as Error).message}`));
    });
  };
  const owner = new IndexOwner(library, (builtAt) => Promise.all([...manager.shards.values()].map((shard) => switchOf(shard, builtAt))));

  const answerReindex = async (shard: Shard, requestId: string): Promise<void> => {
    logger.info({ shardId: shard.id }, 'reindex asked by a shard');
    let reply: ManagerMessage;
    try {
      const report: ReindexReport = await owner.reindex();
      reply = { quoth: 'reindexed', requestId, report };
    } catch (error) {
      logger.error({ err: error, shardId: shard.id }, 'reindex failed');
      const publicReason = error instanceof ShardsNotSwitchedError ? error.publicReason : publicReindexReason(error);
      reply = { quoth: 'reindex-failed', requestId, publicReason };
    }
    await send(shard, reply).catch((error: unknown) => logger.warn({ err: error, shardId: shard.id }, 'could not send the reindex outcome to the shard'));
  };

  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, shardCount }, 'shard starting');
    shard.on('message', (value: unknown) => {
      const message = parseShardMessage(value);
      if (message?.quoth === 'reindex') void answerReindex(shard, message.requestId);
      else if (message?.quoth === 'switched') switchWaiters.get(`${shard.id} ${message.builtAt}`)?.(message.problem);
    });
    shard.on('ready', () => logger.info({ shardId: shard.id }, 'shard ready'));
    shard.on('death', () => logger.warn({ shardId: shard.id }, 'shard process exited; the manager starts it again'));
  });

  const delay = spawnDelayMs(advice.maxConcurrency);
  logger.info({ shards: shardCount, recommended: advice.shards, maxConcurrency: advice.maxConcurrency, spawnDelayMs: delay }, 'starting shards');
  await manager.spawn({ amount: shardCount, delay, timeout: SHARD_READY_TIMEOUT_MS });
  logger.info({ shards: shardCount }, 'every shard is ready');
  const log = { info: (message: string) => logger.info(message), warn: (message: string) => logger.warn(message) };
  const watching = options.watchSeeds ? watchSeeds({ seedsDir: options.library.seedsDir, log, reindex: () => owner.reindex() }) : null;

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    manager.respawn = false;
    watching?.close();
    stopping ??= Promise.all([...manager.shards.values()].map((shard) => stopShard(shard))).then(() => library.close());
    return stopping;
  };
  return { manager, stop };
}

function send(shard: Shard, message: ManagerMessage): Promise<unknown> {
  return shard.send(message);
}

async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  shard.kill();
  const timer = setTimeout(() => child.kill('SIGKILL'), SHARD_STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
