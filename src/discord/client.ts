/**
 * The bot: a discord.js client with only the Guilds intent, wired to the dispatcher. Everything it needs is passed
 * in (config, the Quoth engine, a logger), so tests start it in-process against a loopback Discord and stop it.
 */
import {
  Client,
  DefaultRestOptions,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  Partials,
  REST,
  Routes,
  type ClientOptions,
  type RESTGetAPIGatewayBotResult,
  type RESTOptions,
} from 'discord.js';
import { commands as defaultCommands } from '../../commands/index.js';
import { DEFAULT_ASK_COOLDOWN_SECONDS, type Config } from '../config.js';
import type { FeedbackStore } from '../feedback/store.js';
import type { Logger } from '../log.js';
import { SecretScreen } from '../secrets.js';
import type { Quoth } from '../service.js';
import type { Command } from './command.js';
import { Cooldown } from './cooldown.js';
import { createDispatcher } from './dispatcher.js';
import { NO_MENTIONS } from './reply.js';

export interface BotOptions {
  config: Pick<Config, 'discordToken' | 'discordApplicationId' | 'discordApiBase' | 'moderatorRoleIds'> &
    Partial<Pick<Config, 'allowedChannelIds' | 'askCooldownMs'>> & { secrets?: readonly string[] };
  quoth: Quoth;
  /** Where answers, ratings and shares are kept (see src/feedback/store.ts). */
  feedback: FeedbackStore;
  /** The clock in ms; tests move it to step past the cooldown. Default Date.now. */
  now?: () => number;
  logger: Logger;
  /** Defaults to the command modules in `commands/`. */
  commands?: readonly Command[];
  /** How long to wait for the gateway to become ready before giving up. Default 30 s. */
  readyTimeoutMs?: number;
}

export interface RunningBot {
  client: Client<true>;
  /** Logs out, closes the gateway connection and REST timers. Safe to call twice. */
  stop(): Promise<void>;
}

export class BotStartError extends Error {
  override name = 'BotStartError';
}

/** The client options Quoth runs with; exported so tests can assert them. */
export function clientOptions(config: BotOptions['config'], logger?: Logger): ClientOptions {
  const screen = new SecretScreen([config.discordToken, ...(config.secrets ?? [])]);
  return {
    // Slash commands need no privileged intent; Guilds gives guild and channel data for interactions.
    intents: [GatewayIntentBits.Guilds],
    // An interaction carries its channel (a thread with its parent): keep it even when the gateway never announced
    // it (a thread opened while the bot was offline), so the channel allow-list can see the thread's parent.
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: {
      ...(config.discordApiBase ? { api: config.discordApiBase } : {}),
      makeRequest: screenedRequests(screen, logger),
    },
  };
}

/**
 * Every request body the bot sends to Discord passes here, whichever command or error path built it: a text that
 * holds a configured secret is replaced by a refusal before it leaves the process, and the hit is logged.
 */
function screenedRequests(screen: SecretScreen, logger: Logger | undefined): RESTOptions['makeRequest'] {
  return async (url, init) => {
    if (typeof init.body === 'string') {
      let withheld = 0;
      let body = init.body;
      try {
        const screened = screen.json(JSON.parse(init.body) as unknown);
        withheld = screened.withheld;
        if (withheld > 0) body = JSON.stringify(screened.value);
      } catch {
        if (screen.leaks(init.body)) throw new Error('Quoth: withheld a request to Discord that contained a configured secret');
      }
      if (withheld > 0) {
        logger?.warn({ withheld, method: init.method }, 'withheld reply text that contained a configured secret');
        return DefaultRestOptions.makeRequest(url, { ...init, body });
      }
    }
    return DefaultRestOptions.makeRequest(url, init);
  };
}

/** What GET /gateway/bot says about sharding: the recommended number of shards and how many may identify at once. */
export interface GatewayAdvice {
  shards: number;
  maxConcurrency: number;
}

/**
 * Asks Discord whether the token is good, with the request a login starts with (GET /gateway/bot), so a wrong token
 * is reported at once, before minutes of indexing. Throws BotStartError saying why; resolves with Discord's sharding
 * advice from the same answer.
 */
export async function verifyToken(config: Pick<Config, 'discordToken' | 'discordApiBase'>): Promise<GatewayAdvice> {
  if (!config.discordToken) throw new BotStartError('Quoth: DISCORD_TOKEN is not set; cannot start the Discord bot');
  const rest = new REST(config.discordApiBase ? { api: config.discordApiBase } : {}).setToken(config.discordToken);
  try {
    const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return { shards: gateway.shards, maxConcurrency: gateway.session_start_limit.max_concurrency };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) {
      throw new BotStartError('Quoth: could not log in to Discord: An invalid token was provided. Check DISCORD_TOKEN.', { cause: error });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new BotStartError(`Quoth: could not reach Discord to check DISCORD_TOKEN: ${reason}`, { cause: error });
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** Logs in and resolves once the gateway is ready; rejects (after cleaning up) with a clear message otherwise. */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  if (!config.discordToken) throw new BotStartError('Quoth: DISCORD_TOKEN is not set; cannot start the Discord bot');
  const client = new Client(clientOptions(config, logger));
  const dispatch = createDispatcher({
    commands: options.commands ?? defaultCommands,
    quoth: options.quoth,
    moderatorRoleIds: config.moderatorRoleIds,
    allowedChannelIds: config.allowedChannelIds ?? [],
    cooldown: new Cooldown(config.askCooldownMs ?? DEFAULT_ASK_COOLDOWN_SECONDS * 1000),
    feedback: options.feedback,
    now: options.now ?? Date.now,
    logger,
  });

  client.on(Events.InteractionCreate, (interaction) => void dispatch(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardError, (error, shardId) => logger.error({ err: error, shardId }, 'gateway connection error'));
  client.on(Events.Warn, (message) => logger.warn({ discord: message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ code: event.code, shardId }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.Debug, (message) => {
    // discord.js echoes a partly masked token at login; keep even that out of the logs.
    if (!message.startsWith('Provided token')) logger.trace({ discord: message }, 'discord debug');
  });
  client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited'));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
    logger.info('discord bot stopped');
  };

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BotStartError('Quoth: the Discord gateway did not become ready in time')),
      options.readyTimeoutMs ?? 30_000,
    );
  });
  try {
    await client.login(config.discordToken);
    const readyClient = await Promise.race([ready, timeout]);
    const applicationId = readyClient.application.id;
    if (config.discordApplicationId && config.discordApplicationId !== applicationId) {
      logger.warn(
        { configured: config.discordApplicationId, actual: applicationId },
        'DISCORD_APPLICATION_ID does not match the token’s application; deploy-commands would register elsewhere',
      );
    }
    logger.info(
      { user: readyClient.user.tag, applicationId, guilds: readyClient.guilds.cache.size },
      'discord bot ready',
    );
    return { client: readyClient, stop };
  } catch (error) {
    await stop();
    if (error instanceof BotStartError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BotStartError(`Quoth: could not log in to Discord: ${reason}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
