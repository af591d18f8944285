/** Starts the loopback Discord, registers the commands, and logs the real bot in — in-process, for one test file. */
import { startBot, type RunningBot } from '../../src/discord/client.js';
import { deployCommands } from '../../src/discord/deploy.js';
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
  stop(): Promise<void>;
}

export interface HarnessOptions {
  double?: DoubleOptions;
  moderatorRoleIds?: string[];
}

export async function startHarness(quoth: Quoth, options: HarnessOptions = {}): Promise<Harness> {
  const double = await DiscordDouble.start(options.double);
  const logs = new LogSink();
  const logger = createLogger('trace', { secrets: [double.token], destination: logs });
  const config = {
    discordToken: double.token,
    discordApplicationId: double.applicationId,
    discordGuildId: double.guildId,
    discordApiBase: double.apiBase,
    moderatorRoleIds: options.moderatorRoleIds ?? [],
  };
  try {
    await deployCommands(config, logger);
    const bot = await startBot({ config, quoth, logger, readyTimeoutMs: 15_000 });
    return {
      double,
      bot,
      logs,
      logger,
      stop: async () => {
        await bot.stop();
        await double.close();
      },
    };
  } catch (error) {
    await double.close();
    throw error;
  }
}
