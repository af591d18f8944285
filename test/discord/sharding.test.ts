/**
 * SHARDS: the real entry point (src/main.ts) as the sharding manager, its shard processes each driving the real
 * discord.js client against the loopback Discord, which splits two guilds between two shards as Discord does.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.js';
import { createLogger } from '../../src/log.js';
import { DiscordDouble, MEMBER_PERMISSIONS, type InteractionRecord } from './double.js';
import { tempSeeds } from './engine.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MODERATOR = { permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface LogEntry {
  msg: string;
  shardId?: number;
  role?: string;
  interactionId?: string;
}

/** What a member sees of a reply, without the ids and times that differ from one message to the next. */
function seen(message: APIMessage | null): unknown {
  return { content: message?.content, embeds: message?.embeds, buttons: (message?.components ?? []).length };
}

describe('SHARDS=auto', () => {
  it('runs a process per shard, each serving its guilds; answers and /sources are the same from both; /reindex from either shard builds once and switches both', async () => {
    const double = await DiscordDouble.start({ guilds: 2, shards: 2, maxConcurrency: 16 });
    cleanups.push(() => double.close());
    const seeds = tempSeeds();
    cleanups.push(() => seeds.cleanup());
    const dataDir = mkdtempSync(join(tmpdir(), 'quoth-shards-data-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    await deployCommands(
      { discordToken: double.token, discordApplicationId: double.applicationId, discordGuildId: undefined, discordApiBase: double.apiBase },
      createLogger('silent'),
    );

    const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...double.botEnvironment({ seedsDir: seeds.seedsDir, indexDir: seeds.indexDir, dataDir }), ASK_COOLDOWN_SECONDS: '0', SHARDS: 'auto' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    bot.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    bot.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = once(bot, 'exit').then(([code]) => code as number | null);
    cleanups.push(async () => {
      if (bot.exitCode === null && bot.signalCode === null) {
        bot.kill('SIGKILL');
        await exit;
      }
    });
    const logs = (): LogEntry[] =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogEntry);

    await Promise.race([
      double.waitForShards(2, 120_000),
      exit.then((code) => {
        throw new Error(`the sharding manager exited early (${code}): ${stderr}`);
      }),
    ]);
    // Discord recommended 2 shards ("auto"); each identified with its own [id, count].
    expect(double.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const [guildA, guildB] = double.guildIds as [string, string];
    expect(new Set([DiscordDouble.shardOf(guildA, 2), DiscordDouble.shardOf(guildB, 2)])).toEqual(new Set([0, 1]));

    const respond = async (interaction: InteractionRecord): Promise<APIMessage | null> => (await double.waitForResponse(interaction, 60_000)).message;
    const inBoth = async (send: (guildId: string) => InteractionRecord): Promise<[APIMessage | null, APIMessage | null, InteractionRecord[]]> => {
      const interactions = [send(guildA), send(guildB)];
      const [a, b] = await Promise.all(interactions.map(respond));
      return [a ?? null, b ?? null, interactions];
    };
    /** The shard whose process logged handling the interaction (the line follows the reply, so wait for it). */
    const handledBy = async (interaction: InteractionRecord): Promise<number | undefined> => {
      for (let waited = 0; waited < 10_000; waited += 50) {
        const entry = logs().find((line) => line.msg === 'interaction handled' && line.interactionId === interaction.id);
        if (entry) return entry.shardId;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return undefined;
    };

    const [askA, askB, asks] = await inBoth((guildId) => double.sendCommand('ask', { question: 'Who is the mayor of Kyiv?' }, { guildId }));
    expect(askA?.embeds[0]?.description).toContain('Klitschko');
    expect(seen(askA)).toEqual(seen(askB));
    // Each guild's interaction was handled by the process of the shard Discord routes that guild to.
    expect(await Promise.all(asks.map(handledBy))).toEqual([DiscordDouble.shardOf(guildA, 2), DiscordDouble.shardOf(guildB, 2)]);

    const [sourcesA, sourcesB] = await inBoth((guildId) => double.sendCommand('sources', {}, { guildId }));
    expect(seen(sourcesA)).toEqual(seen(sourcesB));

    // A new article, then /reindex from both shards at once: one build, and both replies name that build.
    seeds.write('harbour-festival.txt', 'Harbour festival draws record crowd\n\n2025-07-12\n\nThe harbour festival drew forty-two thousand visitors on Saturday, the organisers said.');
    const [reindexA, reindexB] = await inBoth((guildId) => double.sendCommand('reindex', {}, { guildId, ...MODERATOR }));
    expect(reindexA?.embeds[0]?.title).toBe('Index rebuilt');
    expect(reindexB?.embeds[0]?.title).toBe('Index rebuilt');
    expect(reindexA?.embeds[0]?.footer?.text).toBe(reindexB?.embeds[0]?.footer?.text);
    const builds = logs().filter((entry) => entry.msg.startsWith('Reindexed:'));
    expect(builds).toHaveLength(1);
    expect(builds[0]?.role).toBe('sharding manager');
    expect(logs().filter((entry) => entry.msg.startsWith('Switched to the index built')).map((entry) => entry.shardId).sort()).toEqual([0, 1]);

    // Both shards now answer from the new index, identically.
    const [newA, newB] = await inBoth((guildId) => double.sendCommand('ask', { question: 'How many visitors did the harbour festival draw?' }, { guildId }));
    expect(newA?.embeds[0]?.description).toMatch(/forty-two thousand/i);
    expect(seen(newA)).toEqual(seen(newB));
    const [afterA, afterB] = await inBoth((guildId) => double.sendCommand('sources', {}, { guildId }));
    expect(seen(afterA)).toEqual(seen(afterB));
    expect(seen(afterA)).not.toEqual(seen(sourcesA));

    bot.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(logs().filter((entry) => entry.msg === 'discord bot stopped').map((entry) => entry.shardId).sort()).toEqual([0, 1]);
    expect(stdout + stderr).not.toContain(double.token);
  }, 240_000);
});
