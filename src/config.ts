/** The only reader of process.env: parsed once by zod; a failure names every bad variable, never its value. */
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_MAX_FILE_MB } from './ingest/files.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

const snowflakeList = optionalText
  .transform((value) => (value === undefined ? [] : value.split(',').map((id) => id.trim()).filter(Boolean)))
  .pipe(z.array(snowflake));

/** Seconds a member waits between two questions when ASK_COOLDOWN_SECONDS is not set. */
export const DEFAULT_ASK_COOLDOWN_SECONDS = 5;

const schema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.pipe(snowflake.optional()),
  DISCORD_GUILD_ID: optionalText.pipe(snowflake.optional()),
  DISCORD_API_BASE: optionalText.pipe(z.url({ message: 'must be a URL such as https://discord.com/api' }).optional()),
  MODERATOR_ROLE_IDS: snowflakeList,
  ALLOWED_CHANNEL_IDS: snowflakeList,
  ASK_COOLDOWN_SECONDS: optionalText.pipe(
    z.coerce.number<string>({ message: 'must be a number of seconds' }).min(0, 'must be 0 (off) or more').max(3600, 'must be at most 3600').optional(),
  ),
  DATA_DIR: optionalText.default('data'),
  SEEDS_DIR: optionalText.default('seeds'),
  INDEX_DIR: optionalText.default('index-data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_FILE_MB: optionalText.pipe(
    z.coerce.number<string>({ message: 'must be a number of megabytes' }).positive('must be more than 0').max(4096, 'must be at most 4096').optional(),
  ),
});

export type Config = {
  discordToken: string | undefined;
  discordApplicationId: string | undefined;
  discordGuildId: string | undefined;
  discordApiBase: string | undefined;
  moderatorRoleIds: string[];
  /** Channels (or their threads) where questions are answered; empty means everywhere. */
  allowedChannelIds: string[];
  /** Milliseconds a member waits between two questions (0: no cooldown). */
  askCooldownMs: number;
  seedsDir: string;
  indexDir: string;
  /** Where feedback and the health heartbeat are kept. */
  dataDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** Seed files larger than this many bytes are skipped without being read (`MAX_FILE_MB`, in MiB). */
  maxFileBytes: number;
  /**
   * Values no reply may ever contain: the bot token and every variable whose name marks it as a secret
   * (`*TOKEN*`, `*SECRET*`, `*PASSWORD*`, `*API_KEY*`, …), from `.env` or the environment.
   */
  secrets: string[];
};

const SECRET_NAME = /TOKEN|SECRET|PASSW(OR)?D|API_?KEY|PRIVATE_?KEY|CREDENTIAL/i;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (process.env by default, after loading `.env`). Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = readProcessEnv()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError(`Quoth: invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  return {
    discordToken: values.DISCORD_TOKEN,
    discordApplicationId: values.DISCORD_APPLICATION_ID,
    discordGuildId: values.DISCORD_GUILD_ID,
    discordApiBase: values.DISCORD_API_BASE,
    moderatorRoleIds: values.MODERATOR_ROLE_IDS,
    allowedChannelIds: values.ALLOWED_CHANNEL_IDS,
    askCooldownMs: Math.round((values.ASK_COOLDOWN_SECONDS ?? DEFAULT_ASK_COOLDOWN_SECONDS) * 1000),
    seedsDir: values.SEEDS_DIR ?? 'seeds',
    indexDir: values.INDEX_DIR ?? 'index-data',
    dataDir: values.DATA_DIR ?? 'data',
    logLevel: values.LOG_LEVEL,
    maxFileBytes: Math.round((values.MAX_FILE_MB ?? DEFAULT_MAX_FILE_MB) * 1024 * 1024),
    secrets: Object.entries(env)
      .filter(([name, value]) => SECRET_NAME.test(name) && value !== undefined && value.trim() !== '')
      .map(([, value]) => value!.trim()),
  };
}

function readProcessEnv(): NodeJS.ProcessEnv {
  loadDotenv({ quiet: true });
  return process.env;
}
