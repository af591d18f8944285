/**
 * `npm run load-feedback -- [--answers 20] [--clicks 400] [--concurrency 50]`: the time from a button click to its
 * private acknowledgement, through the real discord.js client and the loopback Discord, while many members click at
 * once. Each click is a 👍 / 👎 by a distinct member (so every one is written and fsynced) on one of the answers;
 * afterwards the feedback file is read back and every click must be in it, counted once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { APIMessage } from 'discord.js';
import { FeedbackStore } from '../src/feedback/store.js';
import { ControlledQuoth, tempSeeds } from '../test/discord/engine.js';
import { startHarness } from '../test/discord/harness.js';

const { values } = parseArgs({
  options: {
    answers: { type: 'string', default: '20' },
    clicks: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '50' },
  },
});
const answers = Number(values.answers);
const clicks = Number(values.clicks);
const concurrency = Number(values.concurrency);

const seeds = tempSeeds();
const dataDir = mkdtempSync(path.join(tmpdir(), 'quoth-load-'));
const quoth = await ControlledQuoth.open(seeds);
const harness = await startHarness(quoth, { dataDir });
const questions = ['Who is the mayor of Kyiv?', 'How many missiles were fired?', 'What is the capital of France?', 'Who is the Kremlin spokesman?'];

let stopped = false;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

try {
  const messages: { id: string; message: APIMessage }[] = [];
  for (let index = 0; index < answers; index += 1) {
    const interaction = harness.double.sendCommand('ask', { question: questions[index % questions.length] ?? '' }, { user: { id: String(400000000000000000n + BigInt(index)) } });
    const { message } = await harness.double.waitForResponse(interaction);
    if (!message) throw new Error('no answer');
    messages.push({ id: interaction.id, message });
  }
  const latencies: number[] = [];
  let next = 0;
  const started = Date.now();
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next;
      next += 1;
      if (index >= clicks) return;
      const target = messages[index % messages.length];
      if (!target) return;
      const rating = index % 3 === 0 ? 'down' : 'up';
      const user = { user: { id: String(500000000000000000n + BigInt(index)) } };
      const clicked = Date.now();
      const interaction = harness.double.pressButton(target.message, `ask:${rating}:${target.id}`, user);
      const { message } = await harness.double.waitForResponse(interaction, 30_000);
      latencies.push(Date.now() - clicked);
      if (!message?.content?.startsWith('Thanks')) throw new Error(`unexpected acknowledgement: ${message?.content}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  const elapsed = Date.now() - started;
  await harness.stop();
  stopped = true;

  const reread = await FeedbackStore.open(dataDir);
  const counted = messages.reduce((sum, { id }) => {
    const tally = reread.ledger.tally(id);
    return sum + tally.up + tally.down + tally.not_asked;
  }, 0);
  await reread.close();
  latencies.sort((a, b) => a - b);
  process.stdout.write(
    `${clicks} clicks on ${answers} answers, ${concurrency} at a time, in ${(elapsed / 1000).toFixed(1)} s (${Math.round((clicks / elapsed) * 1000)} clicks/s)\n` +
      `click → private acknowledgement: p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms\n` +
      `read back after the restart: ${counted} of ${clicks} clicks counted, ${reread.unreadableLines.length} unreadable lines\n`,
  );
  if (counted !== clicks || reread.unreadableLines.length > 0) process.exitCode = 1;
} finally {
  if (!stopped) await harness.stop();
  seeds.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
}
