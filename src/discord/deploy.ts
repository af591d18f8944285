/**
 * `npm run deploy-commands`: registers the bot's slash commands — the very list the bot dispatches from — with one
 * PUT (bulk overwrite). To DISCORD_GUILD_ID when set (instant, for testing), globally otherwise.
 */
import { pathToFileURL } from 'node:url';
import { ApplicationCommandType, REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { commandPayloads } from '../../commands/index.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../log.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  guildId: string | null;
  registered: string[];
}

type DeployConfig = Pick<Config, 'discordToken' | 'discordApplicationId' | 'discordGuildId' | 'discordApiBase'>;

export async function deployCommands(config: DeployConfig, logger: Logger): Promise<DeployResult> {
  const missing = [
    config.discordToken ? null : 'DISCORD_TOKEN',
    config.discordApplicationId ? null : 'DISCORD_APPLICATION_ID',
  ].filter((name): name is string => name !== null);
  if (missing.length > 0 || !config.discordToken || !config.discordApplicationId) {
    throw new ConfigError(`Quoth: deploy-commands needs ${missing.join(' and ')} (see .env.example)`);
  }
  const rest = new REST(config.discordApiBase ? { api: config.discordApiBase } : {}).setToken(config.discordToken);
  const body = commandPayloads();
  const route = config.discordGuildId
    ? Routes.applicationGuildCommands(config.discordApplicationId, config.discordGuildId)
    : Routes.applicationCommands(config.discordApplicationId);
  const result = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  // Slash commands as "/ask"; context-menu commands by their menu label, "“Ask Quoth” (message menu)".
  const registered = result.map((command) =>
    command.type === ApplicationCommandType.Message ? `“${command.name}” (message menu)` : `/${command.name}`,
  );
  const scope = config.discordGuildId ? 'guild' : 'global';
  logger.info({ scope, guildId: config.discordGuildId ?? null, commands: registered }, 'slash commands registered');
  return { scope, guildId: config.discordGuildId ?? null, registered };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, { secrets: [config.discordToken] });
  try {
    const result = await deployCommands(config, logger);
    const where = result.scope === 'guild' ? `to guild ${result.guildId}` : 'globally (may take up to an hour to appear)';
    process.stdout.write(`Registered ${result.registered.join(', ')} ${where}.\n`);
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else logger.error({ err: error }, 'deploy-commands failed');
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
