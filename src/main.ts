/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console. */
import { Status } from 'discord.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { runConsole } from './console.js';
import { startBot, verifyToken } from './discord/client.js';
import { FeedbackStore } from './feedback/store.js';
import { HEARTBEAT_INTERVAL_MS, writeHeartbeat } from './health.js';
import { openLibrary, type LibraryOptions, type Log } from './library.js';
import { createLogger, logProcessFaults, type Logger } from './log.js';
import { SecretScreen } from './secrets.js';

function libraryOptions(config: Config, logger: Logger): LibraryOptions {
  const log: Log = { info: (message) => logger.info(message), warn: (message) => logger.warn(message) };
  return { seedsDir: config.seedsDir, indexDir: config.indexDir, maxFileBytes: config.maxFileBytes, log };
}

async function runBot(config: Config & { discordToken: string }): Promise<void> {
  const logger = createLogger(config.logLevel, { secrets: [config.discordToken, ...config.secrets] });
  logProcessFaults(logger);
  // A wrong token is told in a second, not after the index has loaded (which can take minutes).
  await verifyToken(config);
  const feedback = await FeedbackStore.open(config.dataDir, { warnings: { warn: (message) => logger.warn(message) } });
  logger.info({ file: feedback.file, unreadableLines: feedback.unreadableLines.length }, 'feedback store open');
  const library = await openLibrary(libraryOptions(config, logger));
  const bot = await startBot({ config, quoth: library, feedback, logger });
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
    void bot
      .stop()
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
    if (config.discordToken) await runBot({ ...config, discordToken: config.discordToken });
    else await runLocalConsole(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  }
}

await main();
