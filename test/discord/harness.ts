/** Starts the loopback Discord, registers the commands, and logs the real bot in — in-process, for one test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../src/discord/client.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { FeedbackStore } from '../../src/feedback/store.js';
import { createLogger, type Logger } from '../../src/log.js';
import type { Quoth } from '../../src/service.js';
import { DiscordDouble, type DoubleOptions } from './double.js';

/** Collects the bot's JSON log lines. */
export class LogSink {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  text(): string {
    return this.lines.join('');
  }
}

export interface Harness {
  double: DiscordDouble;
  bot: RunningBot;
  logs: LogSink;
  logger: Logger;
  feedback: FeedbackStore;
  /** The bot's clock: real time plus what `advanceClock` added. */
  advanceClock(ms: number): void;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  double?: DoubleOptions;
  moderatorRoleIds?: string[];
  /** Channels where questions are answered; a function receives the double, which knows its channel ids. */
  allowedChannelIds?: string[] | ((double: DiscordDouble) => string[]);
  /** Default 0 (no cooldown), so tests that are not about it can ask in a row. */
  askCooldownMs?: number;
  /** Feedback folder; a fresh temporary one (removed at stop) when not given. */
  dataDir?: string;
}

export async function startHarness(quoth: Quoth, options: HarnessOptions = {}): Promise<Harness> {
  const double = await DiscordDouble.start(options.double);
  const logs = new LogSink();
  const logger = createLogger('trace', { secrets: [double.token], destination: logs });
  const ownDataDir = options.dataDir === undefined ? mkdtempSync(join(tmpdir(), 'quoth-data-')) : null;
  let offsetMs = 0;
  const feedback = await FeedbackStore.open(options.dataDir ?? ownDataDir ?? '', {
    warnings: { warn: (message) => logger.warn(message) },
    now: () => new Date(Date.now() + offsetMs),
  });
  const removeOwnData = (): void => {
    if (ownDataDir !== null) rmSync(ownDataDir, { recursive: true, force: true });
  };
  const config = {
    discordToken: double.token,
    discordApplicationId: double.applicationId,
    discordGuildId: double.guildId,
    discordApiBase: double.apiBase,
    moderatorRoleIds: options.moderatorRoleIds ?? [],
    allowedChannelIds:
      typeof options.allowedChannelIds === 'function' ? options.allowedChannelIds(double) : (options.allowedChannelIds ?? []),
    askCooldownMs: options.askCooldownMs ?? 0,
  };
  try {
    await deployCommands(config, logger);
    const bot = await startBot({ config, quoth, feedback, logger, readyTimeoutMs: 15_000, now: () => Date.now() + offsetMs });
    return {
      double,
      bot,
      logs,
      logger,
      feedback,
      advanceClock: (ms) => {
        offsetMs += ms;
      },
      stop: async () => {
        await bot.stop();
        await double.close();
        await feedback.close();
        removeOwnData();
      },
    };
  } catch (error) {
    await double.close();
    await feedback.close();
    removeOwnData();
    throw error;
  }
}
