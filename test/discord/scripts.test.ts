/**
 * The real entry points as users run them, in child processes against the loopback Discord:
 * `npm run deploy-commands` (src/discord/deploy.ts) and `npm start` (src/main.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { DiscordDouble } from './double.js';
import { tempSeeds, type TempSeeds } from './engine.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A file the bot writes in the background once its gateway is ready (the heartbeat): it may land a moment after the
 * first answer, on a busy machine.
 */
async function readWhenWritten(file: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function startDouble(): Promise<DiscordDouble> {
  const double = await DiscordDouble.start();
  cleanups.push(() => double.close());
  return double;
}

function seedsFolder(): TempSeeds {
  const seeds = tempSeeds();
  cleanups.push(() => seeds.cleanup());
  return seeds;
}

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Runs a TypeScript entry point with a clean environment: only what is given (dotenv never overrides these). */
function run(script: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DISCORD_TOKEN: '',
      DISCORD_APPLICATION_ID: '',
      DISCORD_GUILD_ID: '',
      DISCORD_API_BASE: '',
      MODERATOR_ROLE_IDS: '',
      LOG_LEVEL: 'info',
      // Feedback and the heartbeat go to a fresh folder, never the repository's data/.
      DATA_DIR: mkdtempSync(join(tmpdir(), 'quoth-scripts-data-')),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exit;
    }
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

const expectedBody = () => JSON.parse(JSON.stringify(commands.map((command) => command.data.toJSON()))) as unknown;

describe('npm run deploy-commands', () => {
  it('PUTs exactly the bot’s command list to the guild when DISCORD_GUILD_ID is set', async () => {
    const double = await startDouble();
    const deploy = run('src/discord/deploy.ts', {
      DISCORD_TOKEN: double.token,
      DISCORD_APPLICATION_ID: double.applicationId,
      DISCORD_GUILD_ID: double.guildId,
      DISCORD_API_BASE: double.apiBase,
    });
    expect(await deploy.exit).toBe(0);
    expect(double.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
      `PUT /applications/${double.applicationId}/guilds/${double.guildId}/commands 200`,
    ]);
    expect(double.requests[0]?.body).toEqual(expectedBody());
    expect(double.requests[0]?.botAuth).toBe(true);
    // The names the bot dispatches on are exactly the names registered.
    expect(double.commands.guild.get(double.guildId)?.map((command) => command.name)).toEqual(commands.map((command) => command.data.name));
    expect(deploy.stdout()).toContain(`Registered /ask, /sources, /reindex, /insights, “Ask Quoth” (message menu) to guild ${double.guildId}.`);
    expect(deploy.stdout() + deploy.stderr()).not.toContain(double.token);
  });

  it('registers globally when DISCORD_GUILD_ID is empty', async () => {
    const double = await startDouble();
    const deploy = run('src/discord/deploy.ts', {
      DISCORD_TOKEN: double.token,
      DISCORD_APPLICATION_ID: double.applicationId,
      DISCORD_API_BASE: double.apiBase,
    });
    expect(await deploy.exit).toBe(0);
    expect(double.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`PUT /applications/${double.applicationId}/commands`]);
    expect(double.requests[0]?.body).toEqual(expectedBody());
    expect(double.commands.global.map((command) => command.default_member_permissions)).toEqual([null, null, '32', '32', null]);
  });

  it('names the missing variable and sends nothing', async () => {
    const double = await startDouble();
    const deploy = run('src/discord/deploy.ts', { DISCORD_TOKEN: double.token, DISCORD_API_BASE: double.apiBase });
    expect(await deploy.exit).toBe(1);
    expect(deploy.stderr()).toContain('deploy-commands needs DISCORD_APPLICATION_ID');
    expect(double.requests).toEqual([]);
  });
});

describe('npm start', () => {
  it('with DISCORD_TOKEN logs in, serves /ask, logs JSON without the token, and exits cleanly on SIGTERM', async () => {
    const double = await startDouble();
    const seeds = seedsFolder();
    const dataDir = mkdtempSync(join(tmpdir(), 'quoth-start-data-'));
    const bot = run('src/main.ts', {
      DISCORD_TOKEN: double.token,
      DISCORD_API_BASE: double.apiBase,
      SEEDS_DIR: seeds.seedsDir,
      INDEX_DIR: seeds.indexDir,
      DATA_DIR: dataDir,
    });
    await Promise.race([
      double.waitForSession(40_000),
      bot.exit.then((code) => {
        throw new Error(`npm start exited early (${code}): ${bot.stderr()}`);
      }),
    ]);
    const interaction = double.sendCommand('ask', { question: 'Who is the mayor of Kyiv?' });
    const { message } = await double.waitForResponse(interaction, 20_000);
    expect(message?.embeds[0]?.description).toContain('Klitschko');
    expect(double.identifies[0]?.intents).toBe(1);
    // The answer is stored for /insights, and the health heartbeat says the gateway is ready.
    expect(readFileSync(join(dataDir, 'feedback.jsonl'), 'utf8')).toContain('"question":"Who is the mayor of Kyiv?"');
    expect(JSON.parse(await readWhenWritten(join(dataDir, 'heartbeat.json'), 10_000))).toMatchObject({ ready: true, pid: bot.child.pid });

    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    const entries = bot
      .stdout()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg: string });
    expect(entries.map((entry) => entry.msg)).toEqual(expect.arrayContaining(['discord bot ready', 'question answered', 'shutting down', 'discord bot stopped']));
    expect(bot.stdout() + bot.stderr()).not.toContain(double.token);
  }, 90_000);

  it('names a bad variable and exits 1', async () => {
    const bot = run('src/main.ts', { DISCORD_TOKEN: 'x.y.z', DISCORD_GUILD_ID: 'not-an-id' });
    expect(await bot.exit).toBe(1);
    expect(bot.stderr()).toContain('DISCORD_GUILD_ID: must be a Discord id');
    expect(bot.stderr()).not.toContain('not-an-id');
  });

  it('says why when the token is rejected, and exits 1', async () => {
    const double = await startDouble();
    const seeds = seedsFolder();
    const bot = run('src/main.ts', {
      DISCORD_TOKEN: 'wrong.token.value',
      DISCORD_API_BASE: double.apiBase,
      SEEDS_DIR: seeds.seedsDir,
      INDEX_DIR: seeds.indexDir,
    });
    expect(await bot.exit).toBe(1);
    expect(bot.stderr()).toMatch(/could not log in to Discord: An invalid token was provided/);
    expect(bot.stdout() + bot.stderr()).not.toContain('wrong.token.value');
  }, 60_000);

  it('reports a wrong token before loading the index', async () => {
    const double = await startDouble();
    const seeds = seedsFolder();
    // No seeds folder and no saved index: loading first would fail on the folder, not the token.
    const bot = run('src/main.ts', {
      DISCORD_TOKEN: 'wrong.token.value',
      DISCORD_API_BASE: double.apiBase,
      SEEDS_DIR: `${seeds.seedsDir}-missing`,
      INDEX_DIR: seeds.indexDir,
    });
    expect(await bot.exit).toBe(1);
    expect(bot.stderr()).toMatch(/could not log in to Discord: An invalid token was provided/);
    expect(bot.stdout() + bot.stderr()).not.toMatch(/seeds folder|Building the index/);
  }, 60_000);
});
