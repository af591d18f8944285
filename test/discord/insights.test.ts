/** /insights through the real discord.js client and the loopback Discord: who may run it, what it lists, paging, the period. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, PermissionFlagsBits, type APIMessage } from 'discord.js';
import { MEMBER_PERMISSIONS } from './double.js';
import { ControlledQuoth, tempSeeds, type TempSeeds } from './engine.js';
import { startHarness, type Harness } from './harness.js';
import { buttonId, buttonsOf, isEphemeral } from './messages.js';

const ALICE = { user: { id: '310000000000000001', username: 'alice' } };
const BOB = { user: { id: '310000000000000002', username: 'bob' } };
const MODERATOR_ROLE = '320000000000000009';
const MANAGER = { user: { id: '310000000000000003', username: 'manager' }, permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild };
const ROLE_MOD = { user: { id: '310000000000000005', username: 'rolemod' }, roles: [MODERATOR_ROLE] };

const UNANSWERED = [
  'What is the capital of France?',
  'What is the capital city of France?',
  "What's the capital of France?",
  'Who won the football world cup?',
  'When does the swimming pool open?',
  'How tall is the Eiffel tower?',
  'Who painted the Mona Lisa?',
  'When was the printing press invented?',
  'Which planet is the largest?',
  'How many moons does Jupiter have?',
  'Who wrote Hamlet?',
];

describe('/insights (real client, loopback Discord)', () => {
  let seeds: TempSeeds;
  let quoth: ControlledQuoth;
  let harness: Harness;
  const run = (interaction: Parameters<Harness['double']['waitForResponse']>[0]) => harness.double.waitForResponse(interaction);

  async function ask(question: string, invoker = ALICE): Promise<APIMessage> {
    const { message } = await run(harness.double.sendCommand('ask', { question }, invoker));
    if (!message) throw new Error('no answer');
    return message;
  }

  beforeAll(async () => {
    seeds = tempSeeds();
    quoth = await ControlledQuoth.open(seeds);
    harness = await startHarness(quoth, {
      moderatorRoleIds: [MODERATOR_ROLE],
      double: { roles: [{ id: MODERATOR_ROLE, name: 'Quoth moderators' }] },
    });
    for (const question of UNANSWERED) await ask(question);
    const disliked = await ask('Who is the mayor of Kyiv?');
    for (const invoker of [ALICE, BOB]) await run(harness.double.pressButton(disliked, buttonId(disliked, 'Not helpful'), invoker));
    const liked = await ask('How many missiles were fired?');
    await run(harness.double.pressButton(liked, buttonId(liked, 'Helpful'), BOB));
  });

  afterAll(async () => {
    await harness?.stop();
    seeds?.cleanup();
  });

  it('is registered for Manage Server by default', () => {
    const registered = harness.double.commands.guild.get(harness.double.guildId)?.find((command) => command.name === 'insights');
    expect(registered?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
  });

  it('refuses a member without Manage Server, Administrator or a moderator role, privately', async () => {
    const { message } = await run(harness.double.sendCommand('insights', {}, BOB));
    expect(isEphemeral(message)).toBe(true);
    expect(message?.content).toMatch(/^Only moderators can see insights/);
  });

  it('lists unanswered and 👎 questions privately, near-duplicates grouped with counts, most pressing first', async () => {
    const { message } = await run(harness.double.sendCommand('insights', {}, MANAGER));
    expect(isEphemeral(message)).toBe(true);
    const embed = message?.embeds[0];
    // 9 unanswered topics (the three France phrasings are one) and the 👎 one; the 👍 answer is not listed.
    expect(embed?.title).toBe('Insights: 10 questions to look at');
    expect(embed?.footer?.text).toBe('Page 1 of 2 · the last 7 days');
    const description = embed?.description ?? '';
    expect(description).toContain('**1.** What is the capital of France?\nasked 3× · 3 unanswered\nalso asked as: “What is the capital city of France?”');
    expect(description).toContain('**2.** Who is the mayor of Kyiv?\nasked 1× · 👎 2');
    expect(description).not.toContain('missiles');
    expect(buttonsOf(message).map((button) => button.label)).toEqual(['Previous', 'Next']);
  });

  it('pages with buttons, and lets a moderator role in too', async () => {
    const first = (await run(harness.double.sendCommand('insights', {}, ROLE_MOD))).message;
    if (!first) throw new Error('no reply');
    const next = harness.double.pressButton(first, buttonId(first, 'Next'), ROLE_MOD);
    const second = await run(next);
    expect(next.acknowledgement).toBe(InteractionResponseType.UpdateMessage);
    expect(second.message?.embeds[0]?.footer?.text).toBe('Page 2 of 2 · the last 7 days');
    expect(second.message?.embeds[0]?.description).toContain('**9.**');
    expect(second.message?.embeds[0]?.description).toContain('**10.**');
  });

  it('looks only at the last N days', async () => {
    harness.advanceClock(8 * 86_400_000);
    await ask('What is the capital of Spain?');
    const week = (await run(harness.double.sendCommand('insights', {}, MANAGER))).message;
    expect(week?.embeds[0]?.title).toBe('Insights: 1 question to look at');
    expect(week?.embeds[0]?.description).toContain('**1.** What is the capital of Spain?');
    const month = (await run(harness.double.sendCommand('insights', { days: 30 }, MANAGER))).message;
    expect(month?.embeds[0]?.title).toBe('Insights: 11 questions to look at');
    expect(month?.embeds[0]?.footer?.text).toBe('Page 1 of 2 · the last 30 days');
  });
});
