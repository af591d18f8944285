/**
 * Feedback and sharing through the real discord.js client and the loopback Discord: 👍 / 👎 / "Not what I asked"
 * under every answer, counted once per member and answer, stored in DATA_DIR and still there after a restart; and
 * "Post in channel" on a private answer, which posts it once, naming who shared it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { FEEDBACK_FILE } from '../../src/feedback/store.js';
import { ControlledQuoth, tempSeeds, type TempSeeds } from './engine.js';
import { startHarness, type Harness } from './harness.js';
import { buttonId, buttonsOf, isEphemeral, messageText } from './messages.js';

const ALICE = { user: { id: '310000000000000001', username: 'alice' } };
const BOB = { user: { id: '310000000000000002', username: 'bob' } };

describe('feedback buttons and sharing (real client, loopback Discord)', () => {
  let seeds: TempSeeds;
  let quoth: ControlledQuoth;
  let dataDir: string;
  let harness: Harness;
  let answered: { id: string; message: APIMessage };

  const run = (interaction: Parameters<Harness['double']['waitForResponse']>[0]) => harness.double.waitForResponse(interaction);

  async function ask(question: string, invoker = ALICE, privately = false) {
    const interaction = harness.double.sendCommand('ask', { question, ...(privately ? { private: true } : {}) }, invoker);
    const { message } = await run(interaction);
    if (!message) throw new Error('no answer');
    return { id: interaction.id, message };
  }

  async function press(message: APIMessage, label: string, invoker = ALICE) {
    const interaction = harness.double.pressButton(message, buttonId(message, label), invoker);
    return run(interaction);
  }

  beforeAll(async () => {
    seeds = tempSeeds();
    quoth = await ControlledQuoth.open(seeds);
    dataDir = mkdtempSync(join(tmpdir(), 'quoth-feedback-e2e-'));
    harness = await startHarness(quoth, { dataDir });
    answered = await ask('Who is the mayor of Kyiv?');
  });

  afterAll(async () => {
    await harness?.stop();
    seeds?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('puts 👍 and 👎 under a public answer, without "Not what I asked" or "Post in channel"', () => {
    expect(buttonsOf(answered.message).map((button) => button.label)).toEqual(['Helpful', 'Not helpful']);
    expect(buttonsOf(answered.message).map((button) => button.custom_id)).toEqual([`ask:up:${answered.id}`, `ask:down:${answered.id}`]);
  });

  it('acknowledges a rating privately and counts each member once per answer, with their latest rating', async () => {
    const first = await press(answered.message, 'Helpful');
    expect(isEphemeral(first.message)).toBe(true);
    expect(first.message?.content).toBe('Thanks — your 👍 is recorded.');
    const again = await press(answered.message, 'Helpful');
    expect(again.message?.content).toBe('You already rated this answer 👍; each person counts once.');
    const changed = await press(answered.message, 'Not helpful');
    expect(changed.message?.content).toBe('Changed your rating of this answer to 👎. Each person counts once.');
    const bob = await press(answered.message, 'Not helpful', BOB);
    expect(bob.message?.content).toMatch(/^Thanks — your 👎 is recorded\. Moderators see such questions in \/insights/);
    expect(harness.feedback.ledger.tally(answered.id)).toEqual({ up: 0, down: 2, not_asked: 0 });
  });

  it('stores the question, its status, the quoted sources and where it was asked, and nothing else of the message', () => {
    const lines = readFileSync(join(dataDir, FEEDBACK_FILE), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const asked = lines.find((line) => line.kind === 'asked' && line.answerId === answered.id);
    const expected = quoth.inner.ask('Who is the mayor of Kyiv?');
    if (!expected.ok) throw new Error('engine refused');
    expect(asked).toEqual({
      v: 1,
      kind: 'asked',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      answerId: answered.id,
      question: 'Who is the mayor of Kyiv?',
      status: 'answered',
      sources: expected.answer.quotes.map((quote) => quote.source.id),
      guildId: harness.double.guildId,
      channelId: harness.double.channelId,
    });
    // Three ratings were stored (👍, the change to 👎, Bob's 👎); the repeated 👍 was not.
    expect(lines.filter((line) => line.kind === 'rated' && line.answerId === answered.id)).toHaveLength(3);
  });

  it('adds "Not what I asked" to a no-answer reply and records it', async () => {
    const noAnswer = await ask('What is the capital of France?');
    expect(buttonsOf(noAnswer.message).map((button) => button.label)).toEqual(['Helpful', 'Not helpful', 'Not what I asked']);
    const ack = await press(noAnswer.message, 'Not what I asked', BOB);
    expect(ack.message?.content).toMatch(/^Thanks — your “Not what I asked” is recorded\./);
    expect(harness.feedback.ledger.tally(noAnswer.id)).toEqual({ up: 0, down: 0, not_asked: 1 });
    expect(harness.feedback.ledger.answer(noAnswer.id)?.status).toBe('no_answer');
  });

  it('posts a private answer in the channel once, naming who shared it, with its feedback buttons', async () => {
    const secret = await ask('Who is the Kremlin spokesman?', ALICE, true);
    expect(isEphemeral(secret.message)).toBe(true);
    expect(buttonsOf(secret.message).map((button) => button.label)).toEqual(['Helpful', 'Not helpful', 'Post in channel']);

    const shared = await press(secret.message, 'Post in channel');
    expect(isEphemeral(shared.message)).toBe(false);
    expect(shared.message?.content).toBe(`Shared by <@${ALICE.user.id}>`);
    expect(shared.message?.embeds).toEqual(secret.message.embeds);
    expect(shared.message?.channel_id).toBe(harness.double.channelId);
    expect(buttonsOf(shared.message).map((button) => button.custom_id)).toEqual([`ask:up:${secret.id}`, `ask:down:${secret.id}`]);
    // Nobody is pinged by "Shared by @alice".
    const post = harness.double.requests.find((request) => request.path.includes(shared.interaction.token));
    expect((post?.body as { data: { allowed_mentions: unknown } }).data.allowed_mentions).toEqual({ parse: [] });

    const again = await press(secret.message, 'Post in channel');
    expect(isEphemeral(again.message)).toBe(true);
    expect(again.message?.content).toBe(`This answer is already posted in the channel (shared by <@${ALICE.user.id}>).`);
  });

  it('posts once even when two clicks arrive together', async () => {
    const secret = await ask('How many missiles were fired?', ALICE, true);
    const id = buttonId(secret.message, 'Post in channel');
    const clicks = [harness.double.pressButton(secret.message, id, ALICE), harness.double.pressButton(secret.message, id, ALICE)];
    const results = await Promise.all(clicks.map((click) => run(click)));
    expect(results.filter((result) => !isEphemeral(result.message))).toHaveLength(1);
    expect(results.filter((result) => isEphemeral(result.message))).toHaveLength(1);
  });

  it('keeps a rating even when Discord fails the acknowledgement, and the next click says it is already counted', async () => {
    const target = await ask('How many missiles were fired?');
    harness.double.failNext('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 8);
    const failed = harness.double.pressButton(target.message, buttonId(target.message, 'Not helpful'), ALICE);
    await harness.double.waitForRequest((request) => request.path.includes(failed.token) && request.status === 500);
    // discord.js tries each callback 4 times; the acknowledgement and the error notice both fail.
    const gaveUp = (entry: Record<string, unknown>) => entry.interactionId === failed.id && entry.msg === 'could not tell the user about the failure';
    await expect.poll(() => harness.logs.entries.some(gaveUp), { timeout: 15_000 }).toBe(true);
    expect(harness.double.requestsFor(failed).map((request) => request.status)).toEqual(Array(8).fill(500));
    expect(harness.feedback.ledger.tally(target.id)).toEqual({ up: 0, down: 1, not_asked: 0 });
    const retry = await press(target.message, 'Not helpful');
    expect(retry.message?.content).toBe('You already rated this answer 👎; each person counts once.');
  });

  it('keeps every rating and share across a restart: a repeated click still counts once', async () => {
    await harness.stop();
    harness = await startHarness(quoth, { dataDir });
    expect(harness.feedback.ledger.tally(answered.id)).toEqual({ up: 0, down: 2, not_asked: 0 });
    // The message from before the restart still works: Bob's 👎 is already counted.
    const bob = await press(answered.message, 'Not helpful', BOB);
    expect(bob.message?.content).toBe('You already rated this answer 👎; each person counts once.');
    expect(messageText(bob.message)).not.toContain('recorded');
    expect(harness.feedback.ledger.tally(answered.id)).toEqual({ up: 0, down: 2, not_asked: 0 });
  });
});
