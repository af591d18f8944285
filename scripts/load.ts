/**
 * `npm run load -- [--rate 200] [--seconds 60] [--reindex-at 30 | --no-reindex] [--seeds DIR] [--shards N] [--json]`:
 * the real bot (src/main.ts in its own process, as `npm start` runs it) under a steady stream of /ask through the
 * loopback Discord (test/discord/double.ts, in this process). Every interaction is a distinct member in the guild's
 * #general; Discord's 3-second window is enforced by the double. Prints, per 5-second window and in total: the
 * acknowledgement latency (interaction sent → the bot's first callback accepted), missed 3-second deadlines, errors,
 * replies, and the bot's RSS (its whole process tree). Halfway through (by default) a moderator runs /reindex after a
 * new article appears, and the figures while it runs are given apart. `--bot-log FILE` keeps the bot's log lines; `--profile DIR` writes the bot's CPU profile there (node --cpu-prof).
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { deployCommands } from '../src/discord/deploy.js';
import { createLogger } from '../src/log.js';
import { DiscordDouble, MEMBER_PERMISSIONS, type InteractionRecord } from '../test/discord/double.js';
import { summarize } from './bench/measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEADLINE_MS = 3000;
const WINDOW_MS = 5000;
const QUESTIONS = [
  'Who is the mayor of Kyiv?',
  'How many missiles were fired?',
  'How many people were injured in Kyiv?',
  'Who is the Kremlin spokesman?',
  'What is the capital of France?',
  'how many poeple were killed?',
  'When did the attack happen?',
  'How many drones did Russia launch?',
];

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    'reindex-at': { type: 'string', default: '' },
    'no-reindex': { type: 'boolean', default: false },
    seeds: { type: 'string' },
    shards: { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
    'bot-log': { type: 'string' },
    profile: { type: 'string' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const shards = Number(values.shards);
const reindexAtS = values['no-reindex'] ? null : values['reindex-at'] === '' ? seconds / 2 : Number(values['reindex-at']);
if (!(rate > 0) || !(seconds > 0) || !Number.isInteger(shards) || shards < 0) {
  process.stderr.write('load: --rate and --seconds must be positive, --shards 0 (one process) or more\n');
  process.exit(2);
}

function progress(line: string): void {
  process.stderr.write(`[load ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** RSS of a process and all its descendants (the sharding manager and its shards), in MB. */
function treeRssMb(rootPid: number): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) if (tree.has(ppid) && !tree.has(pid)) grew = tree.add(pid).size > 0;
  }
  return rows.filter(([pid]) => tree.has(pid)).reduce((sum, [, , rssKb]) => sum + rssKb, 0) / 1024;
}

const work = mkdtempSync(path.join(tmpdir(), 'quoth-load-'));
const seedsDir = path.join(work, 'seeds');
cpSync(values.seeds ?? path.join(ROOT, 'seeds'), seedsDir, { recursive: true });
const guilds = Math.max(1, shards);
const double = await DiscordDouble.start({ guilds, shards: Math.max(1, shards), maxConcurrency: 16 });
const silent = createLogger('silent');
await deployCommands({ discordToken: double.token, discordApplicationId: double.applicationId, discordGuildId: undefined, discordApiBase: double.apiBase }, silent);

const profileArgs = values.profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values.profile)] : [];
const bot = spawn(process.execPath, [...profileArgs, '--import', 'tsx', 'src/main.ts'], {
  cwd: ROOT,
  env: {
    ...double.botEnvironment({ seedsDir, indexDir: path.join(work, 'index'), dataDir: path.join(work, 'data') }),
    ...(shards > 0 ? { SHARDS: String(shards) } : {}),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let logLines = 0;
const logErrors: string[] = [];
const readLines = (chunk: Buffer): void => {
  if (values['bot-log']) appendFileSync(values['bot-log'], chunk);
  for (const line of chunk.toString().split('\n')) {
    if (line === '') continue;
    logLines += 1;
    if (/"level":(50|60)/.test(line) && logErrors.length < 20) logErrors.push(line.slice(0, 400));
  }
};
bot.stdout.on('data', readLines);
let stderr = '';
bot.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
const exit = once(bot, 'exit');

const stopAll = async (): Promise<void> => {
  if (bot.exitCode === null && bot.signalCode === null) {
    bot.kill('SIGTERM');
    await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (bot.exitCode === null && bot.signalCode === null) bot.kill('SIGKILL');
  }
  await double.close();
  rmSync(work, { recursive: true, force: true });
};

try {
  progress(`starting the bot${shards > 0 ? ` with SHARDS=${shards}` : ''} (its index is built from ${values.seeds ?? 'seeds/'})`);
  const startedBot = Date.now();
  await Promise.race([
    double.waitForShards(Math.max(1, shards), 600_000),
    exit.then(() => {
      throw new Error(`the bot exited before connecting: ${stderr.slice(-2000)}`);
    }),
  ]);
  progress(`connected after ${((Date.now() - startedBot) / 1000).toFixed(1)} s; warming up`);
  let userCounter = 0n;
  const member = (): { user: { id: string } } => ({ user: { id: String(300000000000000000n + (userCounter += 1n)) } });
  const guildOf = (index: number): string => double.guildIds[index % guilds] ?? double.guildId;
  for (let i = 0; i < QUESTIONS.length; i += 1) {
    await double.waitForResponse(double.sendCommand('ask', { question: QUESTIONS[i] ?? '' }, { ...member(), guildId: guildOf(i) }), 30_000);
  }

  const sent: InteractionRecord[] = [];
  const rss: { atS: number; mb: number }[] = [{ atS: 0, mb: treeRssMb(bot.pid ?? 0) }];
  const loadAverageBefore = loadavg()[0] ?? 0;
  let reindex: { interaction: InteractionRecord; startedAt: number; doneAt: number | null } | null = null;
  progress(`sending ${rate} /ask per second for ${seconds} s${reindexAtS === null ? '' : `, /reindex at ${reindexAtS} s`}`);
  const started = Date.now();
  await new Promise<void>((resolve) => {
    const total = Math.round(rate * seconds);
    const tick = setInterval(() => {
      const elapsed = Date.now() - started;
      const due = Math.min(total, Math.floor((elapsed / 1000) * rate));
      while (sent.length < due) {
        const index = sent.length;
        sent.push(double.sendCommand('ask', { question: QUESTIONS[index % QUESTIONS.length] ?? '' }, { ...member(), guildId: guildOf(index) }));
      }
      if (reindexAtS !== null && reindex === null && elapsed >= reindexAtS * 1000) {
        writeFileSync(path.join(seedsDir, 'load-test-article.txt'), `Harbour festival draws record crowd\n\n2025-07-12\n\nThe harbour festival drew forty-two thousand visitors on Saturday.\n`);
        const interaction = double.sendCommand('reindex', {}, { ...member(), permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild });
        reindex = { interaction, startedAt: Date.now(), doneAt: null };
        const running = reindex;
        void double.waitForResponse(interaction, 600_000).then(() => (running.doneAt = Date.now()), () => undefined);
      }
      if (sent.length >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 2);
    const sampler = setInterval(() => {
      rss.push({ atS: Math.round((Date.now() - started) / 1000), mb: treeRssMb(bot.pid ?? 0) });
      if (sent.length >= total) clearInterval(sampler);
    }, 1000);
  });
  progress(`sent ${sent.length}; waiting up to 30 s for the last replies`);
  const replied = (record: InteractionRecord): boolean =>
    record.followUps.length > 0 || (record.original !== null && ((record.original.flags ?? 0) & MessageFlags.Loading) === 0);
  for (let waited = 0; waited < 30_000 && !sent.every(replied); waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
  const reindexRun = reindex as { interaction: InteractionRecord; startedAt: number; doneAt: number | null } | null;
  if (reindexRun && reindexRun.doneAt === null) {
    await double.waitForResponse(reindexRun.interaction, 600_000).then(() => (reindexRun.doneAt = Date.now()), () => undefined);
  }
  rss.push({ atS: Math.round((Date.now() - started) / 1000), mb: treeRssMb(bot.pid ?? 0) });

  const ackMs = (record: InteractionRecord): number | null => (record.acknowledgedAt === null ? null : record.acknowledgedAt - record.createdAt);
  const errorOf = (record: InteractionRecord): boolean => record.followUps.length > 0 || !replied(record);
  const describe = (records: InteractionRecord[]) => {
    const acks = records.map(ackMs).filter((ms): ms is number => ms !== null);
    const summary = summarize(acks);
    return {
      sent: records.length,
      acknowledged: acks.length,
      ack_p50_ms: summary.p50,
      ack_p99_ms: summary.p99,
      ack_max_ms: summary.max,
      missed_deadlines: records.filter((record) => (ackMs(record) ?? Infinity) > DEADLINE_MS).length,
      errors: records.filter(errorOf).length,
    };
  };
  const windows = Array.from({ length: Math.ceil((seconds * 1000) / WINDOW_MS) }, (_, index) => {
    const from = started + index * WINDOW_MS;
    const records = sent.filter((record) => record.createdAt >= from && record.createdAt < from + WINDOW_MS);
    const rssAt = rss.filter((sample) => sample.atS * 1000 < (index + 1) * WINDOW_MS).at(-1)?.mb ?? Number.NaN;
    return { from_s: index * (WINDOW_MS / 1000), ...describe(records), rss_mb: rssAt };
  });
  const duringReindex =
    reindexRun === null
      ? null
      : {
          started_at_s: (reindexRun.startedAt - started) / 1000,
          took_s: reindexRun.doneAt === null ? null : (reindexRun.doneAt - reindexRun.startedAt) / 1000,
          outcome: double.result(reindexRun.interaction).message?.embeds[0]?.title ?? 'no reply',
          ...describe(sent.filter((record) => record.createdAt >= reindexRun.startedAt && record.createdAt <= (reindexRun.doneAt ?? Infinity))),
        };
  const result = {
    rate,
    seconds,
    shards,
    achieved_rate: Math.round((sent.length / ((sent.at(-1)?.createdAt ?? started) - started + 1)) * 1000),
    ...describe(sent),
    replied: sent.filter(replied).length,
    rss_start_mb: rss[0]?.mb ?? Number.NaN,
    rss_end_mb: rss.at(-1)?.mb ?? Number.NaN,
    rss_max_mb: Math.max(...rss.map((sample) => sample.mb)),
    during_reindex: duringReindex,
    windows,
    rss_samples: rss,
    bot_log_lines: logLines,
    bot_errors_logged: logErrors.length,
    load_average_1m: { before: loadAverageBefore, after: loadavg()[0] ?? 0 },
  };

  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const f = (value: number | null): string => (value === null || Number.isNaN(value) ? '–' : String(Math.round(value)));
    const lines = [
      `${result.sent} /ask at ${rate}/s for ${seconds} s (achieved ${result.achieved_rate}/s)${shards > 0 ? `, SHARDS=${shards}` : ', one process'}; load average ${result.load_average_1m.before.toFixed(1)} → ${result.load_average_1m.after.toFixed(1)}`,
      '',
      'from  sent  ack p50  ack p99  ack max  missed  errors  rss MB',
      ...windows.map(
        (w) =>
          `${String(w.from_s).padStart(3)} s ${String(w.sent).padStart(5)} ${f(w.ack_p50_ms).padStart(8)} ${f(w.ack_p99_ms).padStart(8)} ${f(w.ack_max_ms).padStart(8)} ${String(w.missed_deadlines).padStart(7)} ${String(w.errors).padStart(7)} ${f(w.rss_mb).padStart(7)}`,
      ),
      '',
      `acknowledgement: p50 ${f(result.ack_p50_ms)} ms, p99 ${f(result.ack_p99_ms)} ms, max ${f(result.ack_max_ms)} ms; missed 3-second deadlines ${result.missed_deadlines}; errors ${result.errors}; replied ${result.replied}/${result.sent}`,
      `rss (bot process tree): ${f(result.rss_start_mb)} MB at the start, ${f(result.rss_max_mb)} MB at most, ${f(result.rss_end_mb)} MB at the end`,
      duringReindex === null
        ? 'no /reindex'
        : `during /reindex (${duringReindex.outcome}, ${duringReindex.took_s === null ? 'no reply' : `${duringReindex.took_s.toFixed(1)} s`} from ${duringReindex.started_at_s.toFixed(1)} s): ${duringReindex.sent} /ask, ack p50 ${f(duringReindex.ack_p50_ms)} ms, p99 ${f(duringReindex.ack_p99_ms)} ms, max ${f(duringReindex.ack_max_ms)} ms, missed ${duringReindex.missed_deadlines}, errors ${duringReindex.errors}`,
      `bot log: ${logLines} lines, ${logErrors.length} at error level${logErrors.length > 0 ? `; first: ${logErrors[0]}` : ''}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (result.missed_deadlines > 0 || result.errors > 0) process.exitCode = 1;
} finally {
  await stopAll();
}
