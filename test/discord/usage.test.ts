/**
 * Where and how often members may ask, and "Ask Quoth" on a message — through the real discord.js client and the
 * loopback Discord, with a 5-second cooldown and an allow-list holding only #general.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord.js';
import { ControlledQuoth, tempSeeds, type TempSeeds } from './engine.js';
import { startHarness, type Harness } from './harness.js';
import { buttonsOf, isEphemeral, messageText } from './messages.js';

const ALICE = { user: { id: '310000000000000001', username: 'alice' } };
const BOB = { user: { id: '310000000000000002', username: 'bob' } };
const CAROL = { user: { id: '310000000000000006', username: 'carol' } };

describe('cooldown, channel allow-list and "Ask Quoth" (real client, loopback Discord)', () => {
  let seeds: TempSeeds;
  let quoth: ControlledQuoth;
  let harness: Harness;
  const run = (interaction: Parameters<Harness['double']['waitForResponse']>[0]) => harness.double.waitForResponse(interaction);

  beforeAll(async () => {
    seeds = tempSeeds();
    quoth = await ControlledQuoth.open(seeds);
    harness = await startHarness(quoth, { askCooldownMs: 5000, allowedChannelIds: (double) => [double.channelId] });
  });

  afterAll(async () => {
    await harness?.stop();
    seeds?.cleanup();
  });

  it('refuses a second question within the cooldown privately, saying when to try again, and answers after it', async () => {
    const first = await run(harness.double.sendCommand('ask', { question: 'Who is the mayor of Kyiv?' }, ALICE));
    expect(messageText(first.message)).toContain('Klitschko');

    const tooSoon = harness.double.sendCommand('ask', { question: 'How many missiles were fired?' }, ALICE);
    const notice = await run(tooSoon);
    expect(isEphemeral(notice.message)).toBe(true);
    expect(notice.message?.content).toMatch(/^You are asking quickly: try again in [1-5] seconds? \(<t:\d+:R>\)\.$/);
    // Refused at once: no "thinking…", one request.
    expect(harness.double.requestsFor(tooSoon)).toHaveLength(1);

    // Someone else is not held up by Alice's cooldown.
    const bob = await run(harness.double.sendCommand('ask', { question: 'How many missiles were fired?' }, BOB));
    expect(messageText(bob.message)).toContain('missiles');

    harness.advanceClock(5000);
    const later = await run(harness.double.sendCommand('ask', { question: 'How many missiles were fired?' }, ALICE));
    expect(isEphemeral(later.message)).toBe(false);
    expect(messageText(later.message)).toContain('missiles');
  });

  it('does not spend the cooldown on a refused question', async () => {
    harness.advanceClock(5000);
    const refused = await run(harness.double.sendCommand('ask', { question: `Why ${'really '.repeat(50)}?` }, CAROL));
    expect(refused.message?.content).toMatch(/^Questions are limited to 300 characters/);
    const answered = await run(harness.double.sendCommand('ask', { question: 'Who is the mayor of Kyiv?' }, CAROL));
    expect(messageText(answered.message)).toContain('Klitschko');
  });

  it('answers only in allowed channels; elsewhere a private notice names them', async () => {
    harness.advanceClock(5000);
    const elsewhere = { ...ALICE, channelId: harness.double.otherChannelId };
    for (const interaction of [
      harness.double.sendCommand('ask', { question: 'Who is the mayor of Kyiv?' }, elsewhere),
      harness.double.sendCommand('sources', {}, elsewhere),
      harness.double.sendMessageCommand('Ask Quoth', { content: 'Who is the mayor of Kyiv?' }, elsewhere),
      harness.double.sendMessageCommand('Ask Quoth', { content: 'lol' }, elsewhere),
    ]) {
      const { message } = await run(interaction);
      expect(isEphemeral(message)).toBe(true);
      expect(message?.content).toBe(`Quoth answers questions only in <#${harness.double.channelId}>. Ask there, and everyone can learn from the answer.`);
    }
    // Refusals in the wrong channel did not start Alice's cooldown.
    const here = await run(harness.double.sendCommand('ask', { question: 'Who is the mayor of Kyiv?' }, ALICE));
    expect(messageText(here.message)).toContain('Klitschko');
  });

  it('answers in a thread of an allowed channel, not in a thread of another one', async () => {
    harness.advanceClock(5000);
    const inThread = await run(harness.double.sendCommand('ask', { question: 'Who is the mayor of Kyiv?' }, { ...BOB, threadOf: harness.double.channelId }));
    expect(isEphemeral(inThread.message)).toBe(false);
    expect(messageText(inThread.message)).toContain('Klitschko');
    const elsewhere = await run(harness.double.sendCommand('ask', { question: 'Who is the mayor of Kyiv?' }, { ...CAROL, threadOf: harness.double.otherChannelId }));
    expect(isEphemeral(elsewhere.message)).toBe(true);
    expect(elsewhere.message?.content).toMatch(/^Quoth answers questions only in /);
  });

  it('answers "Ask Quoth" on a message with that message as the question, privately, with Post in channel', async () => {
    harness.advanceClock(5000);
    const interaction = harness.double.sendMessageCommand(
      'Ask Quoth',
      { content: '<@310000000000000002> hey, who is the mayor of Kyiv? https://example.com/x', author: BOB.user },
      ALICE,
    );
    const { message } = await run(interaction);
    expect(interaction.acknowledgement).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(isEphemeral(message)).toBe(true);
    expect(message?.embeds[0]?.title).toBe('hey, who is the mayor of Kyiv?');
    expect(messageText(message)).toContain('Klitschko');
    expect(buttonsOf(message).map((button) => button.label)).toEqual(['Helpful', 'Not helpful', 'Post in channel']);
    expect(harness.feedback.ledger.answer(interaction.id)?.question).toBe('hey, who is the mayor of Kyiv?');
  });

  it('says why a message cannot be asked: no text, not a question, too long', async () => {
    const cases: [string, RegExp][] = [
      ['https://example.com/only-a-link <:wave:123456789012345678>', /^That message has no text to ask about/],
      ['lol', /^“lol” does not read as a question\./],
      [`Why ${'really '.repeat(60)}?`, /^That message is too long to ask as it is \(\d+ characters; questions are limited to 300\)\. Use \/ask/],
    ];
    for (const [content, expected] of cases) {
      harness.advanceClock(5000);
      const { message } = await run(harness.double.sendMessageCommand('Ask Quoth', { content }, CAROL));
      expect(isEphemeral(message)).toBe(true);
      expect(message?.content).toMatch(expected);
    }
  });

  it('registered "Ask Quoth" as a message command beside the slash commands', () => {
    const registered = harness.double.commands.guild.get(harness.double.guildId) ?? [];
    expect(registered.find((command) => command.name === 'Ask Quoth')).toMatchObject({ type: 3 });
  });
});
