/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console. With SHARDS set, this process
 * is the sharding manager and runs this same file once per shard (each spawned process reads that it is a shard).
 */
import { fileURLToPath } from 'node:url';
import { Status } from 'discord.js';
import { AnswerThread } from './answering/answer-thread.js';
import { watchSeeds } from './indexing/watch-seeds.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { runConsole } from './console.js';
import { startBot, verifyToken } from './discord/client.js';
import { FeedbackStore } from './feedback/store.js';
import { HEARTBEAT_INTERVAL_MS, writeHeartbeat } from './health.js';
import { Library, openLibrary, type LibraryOptions, type Log } from './library.js';
import { createLogger, logProcessFaults, type Logger } from './log.js';
import { SecretScreen } from './secrets.js';
import type { Quoth } from './service.js';
import { runShardingManager } from './sharding/manager.js';
import { parentProcessChannel, ShardQuoth } from './sharding/shard-quoth.js';

function logTo(logger: Logger): Log {
  return { info: (message) => logger.info(message), warn: (message) => logger.warn(message) };
}

function libraryOptions(config: Config, logger: Logger): LibraryOptions {
  return { seedsDir: config.seedsDir, indexDir: config.indexDir, maxFileBytes: config.maxFileBytes, log: logTo(logger) };
}

function botLogger(config: Config & { discordToken: string }): Logger {
  const logger = createLogger(config.logLevel, { secrets: [config.discordToken, ...config.secrets] });
  const { sharding } = config;
  if (sharding.role === 'manager') return logger.child({ role: 'sharding manager' });
  if (sharding.role === 'shard') return logger.child({ shardId: sharding.shardId, shardCount: sharding.shardCount });
  return logger;
}

/** SHARDS: this process spawns one process per shard and owns the index; it exits when they have stopped. */
async function runManager(config: Config & { discordToken: string }, shards: 'auto' | number): Promise<void> {
  const logger = botLogger(config);
  logProcessFaults(logger);
  const running = await runShardingManager({
    token: config.discordToken,
    discordApiBase: config.discordApiBase,
    shards,
    shardEntry: fileURLToPath(import.meta.url),
    library: libraryOptions(config, logger),
    logger,
    watchSeeds: config.watchSeeds,
  });
  const shutdown = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down every shard');
    void running.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/**
 * The index a bot process answers from: its own, or (a shard) the one its sharding manager builds. The answer thread
 * answers the questions, so this thread does not make a spelling index ahead of use (it would be made on the first
 * misspelt word if the thread ever fails), which also keeps that work off the thread acknowledging interactions.
 */
async function openQuoth(config: Config, logger: Logger): Promise<Quoth> {
  const options = { ...libraryOptions(config, logger), prepareSpelling: false };
  if (config.sharding.role === 'shard') return ShardQuoth.open(parentProcessChannel(), options);
  return openLibrary(options);
}

async function runBot(config: Config & { discordToken: string }): Promise<void> {
  const logger = botLogger(config);
  logProcessFaults(logger);
  // A wrong token is told in a second, not after the index has loaded (which can take minutes).
  await verifyToken(config);
  const feedback = await FeedbackStore.open(config.dataDir, { warnings: { warn: (message) => logger.warn(message) } });
  logger.info({ file: feedback.file, unreadableLines: feedback.unreadableLines.length }, 'feedback store open');
  const quoth = await openQuoth(config, logger);
  const answers = new AnswerThread(quoth, config.indexDir, logTo(logger));
  const bot = await startBot({ config, quoth, answerer: answers, feedback, logger });
  // Sharded, the manager watches (its reindex switches every shard).
  const watching =
    config.watchSeeds && config.sharding.role === 'single'
      ? watchSeeds({ seedsDir: config.seedsDir, log: logTo(logger), reindex: () => quoth.reindex() })
      : null;
  const beat = (): void => {
    const ready = bot.client.isReady() && bot.client.ws.status === Status.Ready;
    const pingMs = bot.client.ws.ping >= 0 ? bot.client.ws.ping : null;
    writeHeartbeat(config.dataDir, { at: new Date().toISOString(), ready, pid: process.pid, pingMs }).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not write the health heartbeat'),
    );
  };
  beat();
  const heartbeat = setInterval(beat, HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    clearInterval(heartbeat);
    watching?.close();
    void bot
      .stop()
      .then(() => answers.stop())
      .then(() => (quoth instanceof Library ? quoth.close() : undefined))
      .then(() => feedback.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function runLocalConsole(config: Config): Promise<void> {
  // The console owns standard output; logs go to standard error.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, { destination: process.stderr });
  logProcessFaults(logger);
  const library = await openLibrary(libraryOptions(config, logger));
  await runConsole(library, undefined, new SecretScreen(config.secrets));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  try {
    if (!config.discordToken) await runLocalConsole(config);
    else if (config.sharding.role === 'manager') await runManager({ ...config, discordToken: config.discordToken }, config.sharding.shards);
    else await runBot({ ...config, discordToken: config.discordToken });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  }
}

await main();
