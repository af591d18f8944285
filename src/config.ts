/** The only reader of process.env: parsed once by zod; a failure names every bad variable, never its value. */
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_MAX_FILE_MB } from './ingest/files.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** More shards than this is a typo, not a bot (Discord's largest bots run a few thousand). */
const MAX_SHARDS = 4096;

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
  SHARDS: optionalText.pipe(
    z
      .string()
      .regex(/^(auto|\d+)$/, 'must be auto or a whole number of shards')
      .transform((value) => (value === 'auto' ? ('auto' as const) : Number(value)))
      .refine((value) => value === 'auto' || (value >= 1 && value <= MAX_SHARDS), `must be auto or from 1 to ${MAX_SHARDS}`)
      .optional(),
  ),
});

/**
 * What discord.js's ShardingManager puts in the environment of each process it spawns: SHARDING_MANAGER=true, the
 * shard's id in SHARDS (which, outside a spawned shard, is Quoth's own `auto | N`) and the total in SHARD_COUNT.
 */
const spawnedShardSchema = z.object({
  SHARDS: z.coerce.number<string>().int().min(0),
  SHARD_COUNT: z.coerce.number<string>().int().min(1).max(MAX_SHARDS),
});

/**
 * How this process runs the bot: alone (one gateway connection), as the manager of `SHARDS` shard processes (it owns
 * the index builds and starts no Discord client), or as one shard spawned by that manager.
 */
export type Sharding =
  | { role: 'single' }
  | { role: 'manager'; shards: 'auto' | number }
  | { role: 'shard'; shardId: number; shardCount: number };

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
  /** `SHARDS`: one process, a sharding manager, or a shard it spawned. */
  sharding: Sharding;
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
  const spawnedShard = env.SHARDING_MANAGER === 'true';
  const parsed = schema.safeParse(spawnedShard ? { ...env, SHARDS: undefined } : env);
  if (!parsed.success) throw configError(parsed.error.issues);
  const values = parsed.data;
  let sharding: Sharding;
  if (spawnedShard) {
    const shard = spawnedShardSchema.safeParse(env);
    if (!shard.success) throw configError(shard.error.issues);
    sharding = { role: 'shard', shardId: shard.data.SHARDS, shardCount: shard.data.SHARD_COUNT };
  } else {
    sharding = values.SHARDS === undefined ? { role: 'single' } : { role: 'manager', shards: values.SHARDS };
  }
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
    sharding,
    secrets: Object.entries(env)
      .filter(([name, value]) => SECRET_NAME.test(name) && value !== undefined && value.trim() !== '')
      .map(([, value]) => value!.trim()),
  };
}

function configError(issues: readonly z.core.$ZodIssue[]): ConfigError {
  const problems = issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`);
  return new ConfigError(`Quoth: invalid configuration:\n  ${problems.join('\n  ')}`);
}

function readProcessEnv(): NodeJS.ProcessEnv {
  loadDotenv({ quiet: true });
  return process.env;
}
