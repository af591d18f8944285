/**
 * End to end: the real discord.js client logs in to the loopback Discord and serves the real engine (openLibrary over
 * a temporary copy of the seeds). Tests run in order within this file and share one bot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  GatewayIntentBits,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
  type APIEmbed,
  type APIMessage,
} from 'discord.js';
import { MEMBER_PERMISSIONS, type InteractionRecord, type RecordedRequest } from './double.js';
import type { Answer } from '../../src/model.js';
import { corroborationLine } from '../../src/render/discord.js';
import { ControlledQuoth, tempSeeds, type TempSeeds } from './engine.js';
import { startHarness, type Harness } from './harness.js';

const ALICE = { user: { id: '310000000000000001', username: 'alice' } };
const BOB = { user: { id: '310000000000000002', username: 'bob' } };
const MODERATOR_ROLE = '320000000000000009';
const MANAGER = { user: { id: '310000000000000003', username: 'manager' }, permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild };
const ADMIN = { user: { id: '310000000000000004', username: 'admin' }, permissions: PermissionFlagsBits.Administrator };
const ROLE_MOD = { user: { id: '310000000000000005', username: 'rolemod' }, roles: [MODERATOR_ROLE] };

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
const ORIGINAL = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/;

function embedText(embed: APIEmbed): string {
  return [embed.title, embed.description, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]), embed.footer?.text]
    .filter(Boolean)
    .join('\n');
}

function messageText(message: APIMessage | null): string {
  if (!message) return '';
  return [message.content, ...message.embeds.map(embedText)].filter(Boolean).join('\n');
}

/** What Discord displays for escaped text: backslash escapes and zero-width spaces removed, bold markers dropped. */
function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1').replaceAll('\u200b', '').replace(/\*\*/g, '');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function isEphemeral(message: APIMessage | null): boolean {
  return ((message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/** Requests that create or edit a message (as opposed to deferrals, registrations, gateway lookups). */
function messageRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => {
    const body = request.body as { type?: number } | null;
    if (request.method === 'POST' && CALLBACK.test(request.path)) {
      return body?.type === InteractionResponseType.ChannelMessageWithSource || body?.type === InteractionResponseType.UpdateMessage;
    }
    return (request.method === 'PATCH' || request.method === 'POST') && request.path.startsWith('/webhooks/');
  });
}

describe('Quoth bot end to end (real engine, loopback Discord)', () => {
  let seeds: TempSeeds;
  let quoth: ControlledQuoth;
  let harness: Harness;

  /** What the engine itself answers, to check the reply renders exactly that. */
  function engineAnswer(question: string): Answer {
    const outcome = quoth.inner.ask(question);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.answer;
  }

  /** The reply shows the engine's own answer to the question: its short answer and first quote. */
  function expectShowsAnswer(message: APIMessage | null, question: string): void {
    const expected = engineAnswer(question);
    expect(expected.status).toBe('answered');
    const shown = unescape(messageText(message));
    if (expected.answer) expect(shown).toContain(expected.answer);
    expect(shown).toContain(collapse(expected.quotes[0]?.text ?? ''));
  }

  async function run(interaction: InteractionRecord) {
    return harness.double.waitForResponse(interaction);
  }

  beforeAll(async () => {
    seeds = tempSeeds({ fillers: true });
    quoth = await ControlledQuoth.open(seeds);
    harness = await startHarness(quoth, {
      moderatorRoleIds: [MODERATOR_ROLE],
      double: { roles: [{ id: MODERATOR_ROLE, name: 'Quoth moderators' }] },
    });
  });

  afterAll(async () => {
    await harness?.stop();
    seeds?.cleanup();
  });

  it('logs in with only the Guilds intent and a client-wide no-ping default', () => {
    expect(harness.double.identifies).toEqual([expect.objectContaining({ tokenValid: true, intents: GatewayIntentBits.Guilds })]);
    expect(harness.bot.client.options.allowedMentions).toEqual({ parse: [] });
    expect(harness.bot.client.guilds.cache.has(harness.double.guildId)).toBe(true);
  });

  it('answers /ask with the short answer, then each verbatim quote above its source line and corroboration', async () => {
    const question = 'Who is the mayor of Kyiv?';
    const expected = engineAnswer(question);
    expect(expected.status).toBe('answered');
    const interaction = harness.double.sendCommand('ask', { question }, ALICE);
    const { message } = await run(interaction);
    expect(isEphemeral(message)).toBe(false);
    const embed = message?.embeds[0];
    expect(embed?.title).toBe(question);
    const lines = embed?.description?.split('\n') ?? [];
    expect(lines[0]).toBe(`**${expected.answer}**`);
    const quoteLines = lines.filter((line) => line.startsWith('> '));
    expect(quoteLines).toHaveLength(expected.quotes.length);
    expected.quotes.forEach((quote, index) => {
      // The block quote shows the quote (escaped); the text is verbatim in the source file.
      const at = lines.indexOf(quoteLines[index] ?? '');
      expect(unescape(quoteLines[index] ?? '')).toBe(`> ${quote.text.replace(/\s+/g, ' ')}`);
      expect(collapse(readFileSync(join(seeds.seedsDir, `${quote.source.id}.txt`), 'utf8'))).toContain(collapse(quote.text));
      // Directly under it: [n] title · outlet · date, then who reports it.
      const sourceLine = unescape(lines[at + 1] ?? '');
      expect(sourceLine.startsWith(`[${index + 1}] `)).toBe(true);
      const title = quote.source.title ?? quote.source.id;
      expect(sourceLine).toContain(title.length > 70 ? title.slice(0, 40) : title);
      if (quote.source.outlet) expect(sourceLine).toContain(` · ${quote.source.outlet}`);
      if (quote.source.published) expect(sourceLine).toContain(quote.source.published);
      expect(lines[at + 2]?.startsWith(corroborationLine(quote, 12))).toBe(true);
    });
    expect(embed?.fields).toBeUndefined();
    const published = expected.quotes[0]?.source.published;
    if (published) expect(embed?.timestamp).toBe(new Date(published).toISOString());
    expect(messageText(message)).toContain('Klitschko');
    // Deferred first, then edited: two requests, both accepted.
    expect(harness.double.requestsFor(interaction).map((request) => `${request.method} ${request.status}`)).toEqual(['POST 204', 'PATCH 200']);
    expect((harness.double.requestsFor(interaction)[0]?.body as { type: number }).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
  });

  it('shows "Sources disagree" with each value, its quote and its sources side by side', async () => {
    const question = 'How many drones did Russia launch at Ukraine overnight?';
    const expected = engineAnswer(question);
    expect(expected.conflicts.length).toBeGreaterThan(0);
    const interaction = harness.double.sendCommand('ask', { question }, ALICE);
    const { message } = await run(interaction);
    expect(message?.embeds[0]?.description).toMatch(/550/);
    expect(message?.embeds[0]?.description).toContain('The sources disagree');
    const conflicts = message?.embeds.filter((embed) => embed.title?.startsWith('Sources disagree')) ?? [];
    expect(conflicts).toHaveLength(Math.min(3, expected.conflicts.length));
    const first = expected.conflicts[0];
    const embed = conflicts[0];
    expect(embed?.fields?.map((field) => field.name)).toEqual(first?.values.map((value) => value.value));
    expect(embed?.fields?.map((field) => field.name)).toEqual(expect.arrayContaining(['550', '539']));
    first?.values.forEach((value, index) => {
      const field = embed?.fields?.[index];
      expect(field?.inline).toBe(true);
      expect(unescape(field?.value ?? '')).toContain(`> ${value.quote.text}`);
      expect(field?.value).toContain(`Stated by ${value.sources.length} source${value.sources.length === 1 ? '' : 's'}: `);
    });
    expect(embed?.fields?.find((field) => field.name === '539')?.value).toContain('Metro');
  });

  it('says plainly when there is no answer and lists related reading as not an answer', async () => {
    const interaction = harness.double.sendCommand('ask', { question: 'What is the capital of France?' }, ALICE);
    const { message } = await run(interaction);
    const embed = message?.embeds[0];
    expect(embed?.description).toMatch(/^\*\*No answer\.\*\* None of the 12 indexed sources answers this question\./);
    expect(embed?.description).toContain('**Related reading** — close to your question, but *not* an answer:');
    expect(embed?.description).toMatch(/\n> .+\n\*\*\[1\]\*\* /);
    expect(message?.embeds.some((other) => other.title?.startsWith('Sources disagree'))).toBe(false);
  });

  it('answers privately when private:true', async () => {
    const question = 'Who is the Kremlin spokesman?';
    const interaction = harness.double.sendCommand('ask', { question, private: true }, ALICE);
    const { message } = await run(interaction);
    expect(isEphemeral(message)).toBe(true);
    expectShowsAnswer(message, question);
    expect((harness.double.requestsFor(interaction)[0]?.body as { data: { flags: number } }).data.flags).toBe(MessageFlags.Ephemeral);
  });

  it('acknowledges within the 3-second window even when the engine takes longer, then edits the reply', async () => {
    quoth.slowNextAsk(3200);
    const question = 'Who is the mayor of Kyiv?';
    const interaction = harness.double.sendCommand('ask', { question }, ALICE);
    const { message } = await run(interaction);
    expectShowsAnswer(message, question);
    const [deferral, edit] = harness.double.requestsFor(interaction);
    expect(deferral).toMatchObject({ method: 'POST', status: 204 });
    expect(edit).toMatchObject({ method: 'PATCH', status: 200 });
    expect((edit?.at ?? 0) - (deferral?.at ?? 0)).toBeGreaterThanOrEqual(3000);
  });

  it('refuses a question over 300 characters in the handler, ephemerally, without deferring', async () => {
    const interaction = harness.double.sendCommand('ask', { question: `Why ${'really '.repeat(50)}?` }, ALICE);
    const { message } = await run(interaction);
    expect(isEphemeral(message)).toBe(true);
    expect(message?.content).toBe('Questions are limited to 300 characters (this one has 355).');
    expect(harness.double.requestsFor(interaction)).toHaveLength(1);
  });

  it('never pings for mention bait in a question, and escapes it in the reply', async () => {
    const question = '@everyone <@&123456789012345678> <@310000000000000002> @here how many missiles were fired?';
    const interaction = harness.double.sendCommand('ask', { question }, ALICE);
    const { message } = await run(interaction);
    const text = messageText(message);
    // Mentions are no part of the question: the title is the question without them.
    expect(message?.embeds[0]?.title).toBe('how many missiles were fired?');
    expect(text).not.toMatch(/@everyone|@here|<@&|<@\d/);
    // The mentions are not part of the search: the question is answered.
    expect(message?.embeds[0]?.description).toContain('11 missiles');
    const sent = messageRequests(harness.double.requestsFor(interaction));
    expect(sent).toHaveLength(1);
    expect((sent[0]?.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('pages /sources with buttons only the caller can press', async () => {
    const interaction = harness.double.sendCommand('sources', {}, ALICE);
    const first = (await run(interaction)).message;
    if (!first) throw new Error('no /sources reply');
    expect(first.embeds[0]?.title).toBe('Indexed sources (12)');
    expect(first.embeds[0]?.footer?.text).toMatch(/^Page 1 of 2 · \d+ passages · index built \d{4}-\d{2}-\d{2}T/);
    expect(first.embeds[0]?.description).toContain('**1.** The latest Russian attack broke another record');
    const buttons = first.components?.[0] && 'components' in first.components[0] ? first.components[0].components : [];
    expect(buttons).toEqual([
      expect.objectContaining({ label: 'Previous', disabled: true }),
      expect.objectContaining({ label: 'Next', disabled: false, custom_id: `sources:next:1:${ALICE.user.id}` }),
    ]);

    // Someone else presses Next: refused ephemerally, the message stays on page 1.
    const intruder = harness.double.pressButton(first, `sources:next:1:${ALICE.user.id}`, BOB);
    const refusal = await run(intruder);
    expect(refusal.interaction.acknowledgement).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(refusal.message)).toBe(true);
    expect(refusal.message?.content).toMatch(/^Only the person who ran \/sources can turn these pages/);
    expect(harness.double.result(interaction).message?.embeds[0]?.footer?.text).toMatch(/^Page 1 of 2/);

    // The caller presses Next: the same message now shows page 2, with Next disabled.
    const press = harness.double.pressButton(first, `sources:next:1:${ALICE.user.id}`, ALICE);
    const second = await run(press);
    expect(press.acknowledgement).toBe(InteractionResponseType.UpdateMessage);
    expect(second.message?.id).toBe(first.id);
    expect(second.message?.embeds[0]?.footer?.text).toMatch(/^Page 2 of 2/);
    expect(second.message?.embeds[0]?.description).toContain('**11.**');
    if (!second.message) throw new Error('no updated message');
    expect(() => harness.double.pressButton(second.message as APIMessage, `sources:next:1:${ALICE.user.id}`, ALICE)).toThrow(/disabled/);
    const back = harness.double.pressButton(second.message, `sources:prev:0:${ALICE.user.id}`, ALICE);
    expect((await run(back)).message?.embeds[0]?.footer?.text).toMatch(/^Page 1 of 2/);
  });

  it('shows one source with /sources source:, and autocompletes source names', async () => {
    const complete = harness.double.sendAutocomplete('sources', { source: 'metro' }, 'source', ALICE);
    await run(complete);
    expect(complete.choices).toEqual([]);
    const byTitle = harness.double.sendAutocomplete('sources', { source: 'trump phone call' }, 'source', ALICE);
    await run(byTitle);
    expect(byTitle.choices).toEqual([{ name: expect.stringContaining('Russia-Ukraine update'), value: '002_ed0d13cddf14b3e3' }]);

    const interaction = harness.double.sendCommand('sources', { source: '002_ed0d13cddf14b3e3' }, ALICE);
    const { message } = await run(interaction);
    const embed = message?.embeds[0];
    expect(embed?.title).toBe('Russia-Ukraine update: Missiles hit Kyiv hours after Trump phone call with Putin');
    expect(embed?.fields).toEqual(expect.arrayContaining([{ name: 'Outlet', value: 'Metro', inline: true }]));
    const missing = harness.double.sendCommand('sources', { source: 'no such article' }, ALICE);
    const reply = await run(missing);
    expect(isEphemeral(reply.message)).toBe(true);
    expect(reply.message?.content).toMatch(/^No indexed source matches/);
  });

  it('refuses /reindex to a member without Manage Server, Administrator or a moderator role', async () => {
    const before = quoth.reindexCalls;
    const interaction = harness.double.sendCommand('reindex', {}, BOB);
    const { message } = await run(interaction);
    expect(isEphemeral(message)).toBe(true);
    expect(message?.content).toMatch(/^Only moderators can rebuild the index/);
    expect(quoth.reindexCalls).toBe(before);
    expect(harness.double.requestsFor(interaction)).toHaveLength(1);
  });

  it('lets Manage Server run /reindex and reports what changed', async () => {
    seeds.write('new-park.txt', 'New park opens by the harbour\n\n2025-06-20\n\nA new park with a playground and a skate ramp opened by the harbour on Saturday.');
    seeds.write('bakery-award.txt', 'Family bakery wins regional bread prize\n\n2025-05-14\n\nA family bakery on Mill Street won the regional sourdough prize for the fourth year in a row.');
    seeds.remove('tram-timetable.txt');
    const interaction = harness.double.sendCommand('reindex', {}, MANAGER);
    const { message } = await run(interaction);
    expect(isEphemeral(message)).toBe(true);
    const embed = message?.embeds[0];
    expect(embed?.title).toBe('Index rebuilt');
    expect(embed?.fields).toEqual(
      expect.arrayContaining([
        { name: 'Added (1)', value: 'new-park', inline: false },
        { name: 'Changed (1)', value: 'bakery-award', inline: false },
        { name: 'Removed (1)', value: 'tram-timetable', inline: false },
        { name: 'Unchanged', value: '10', inline: true },
      ]),
    );
    expect(embed?.description).toMatch(/\d+ passages · built in \d+(\.\d)? m?s/);
    // The reindex is incremental: it says how many files it read and how many passages came and went.
    expect(embed?.description).toMatch(/\nRead \d+ files? \(the 10 unchanged were reused\) · \+\d+ \/ −\d+ passages$/);
    expect(quoth.info().sources.map((summary) => summary.source.id)).toContain('new-park');
  });

  it('lets Administrator (without Manage Server) and a configured moderator role run /reindex', async () => {
    for (const invoker of [ADMIN, ROLE_MOD]) {
      const interaction = harness.double.sendCommand('reindex', {}, invoker);
      const { message } = await run(interaction);
      expect(message?.embeds[0]?.title).toBe('Index rebuilt');
      expect(message?.embeds[0]?.description).toMatch(/^Nothing changed/);
    }
  });

  it('keeps answering /ask while a /reindex is running', async () => {
    const release = quoth.holdReindex();
    const reindex = harness.double.sendCommand('reindex', {}, MANAGER);
    await harness.double.waitForRequest((request) => request.path.includes(reindex.token) && request.method === 'POST');
    expect(reindex.acknowledgement).toBe(InteractionResponseType.DeferredChannelMessageWithSource);

    const ask = harness.double.sendCommand('ask', { question: 'How many missiles were fired?' }, ALICE);
    const answer = await run(ask);
    expectShowsAnswer(answer.message, 'How many missiles were fired?');
    // The reindex is still "thinking".
    expect((harness.double.result(reindex).message?.flags ?? 0) & MessageFlags.Loading).toBe(MessageFlags.Loading);

    release();
    const done = await run(reindex);
    expect(done.message?.embeds[0]?.title).toBe('Index rebuilt');
  });

  it('joins two /reindex runs started together: both get the same rebuilt index', async () => {
    // Held until both have arrived: a no-change reindex of this small folder may otherwise end before the second comes.
    const release = quoth.holdReindex();
    const calls = quoth.reindexCalls;
    const first = harness.double.sendCommand('reindex', {}, MANAGER);
    const second = harness.double.sendCommand('reindex', {}, ADMIN);
    for (const interaction of [first, second]) {
      await harness.double.waitForRequest((request) => request.path.includes(interaction.token) && request.method === 'POST');
    }
    // The bot asks for the reindex after acknowledging the command: both must have asked before the hold ends.
    await vi.waitFor(() => expect(quoth.reindexCalls).toBe(calls + 2));
    release();
    const [a, b] = await Promise.all([run(first), run(second)]);
    expect(a.message?.embeds[0]?.title).toBe('Index rebuilt');
    expect(b.message?.embeds[0]?.title).toBe('Index rebuilt');
    expect(a.message?.embeds[0]?.footer?.text).toBe(b.message?.embeds[0]?.footer?.text);
  });

  it('says why a rebuild failed and that the old index is still serving', async () => {
    const moved = `${seeds.seedsDir}-moved`;
    const { renameSync } = await import('node:fs');
    renameSync(seeds.seedsDir, moved);
    try {
      const interaction = harness.double.sendCommand('reindex', {}, MANAGER);
      const { message } = await run(interaction);
      expect(message?.embeds[0]?.title).toBe('Reindex failed');
      expect(message?.embeds[0]?.description).toMatch(/seeds folder not found[\s\S]*The previous index is still answering questions\.$/);
      // The server's folders are none of the channel's business.
      expect(JSON.stringify(message)).not.toContain(seeds.root);
    } finally {
      renameSync(moved, seeds.seedsDir);
    }
    const ask = harness.double.sendCommand('ask', { question: 'Who is the mayor of Kyiv?' }, ALICE);
    expectShowsAnswer((await run(ask)).message, 'Who is the mayor of Kyiv?');
  });

  it('rides out a single REST 500 (discord.js retries) and still answers', async () => {
    harness.double.failNext('POST', CALLBACK, 1);
    const interaction = harness.double.sendCommand('ask', { question: 'Who is the NATO Secretary-General?' }, ALICE);
    const { message } = await run(interaction);
    expectShowsAnswer(message, 'Who is the NATO Secretary-General?');
    expect(harness.double.requestsFor(interaction).map((request) => request.status)).toEqual([500, 204, 200]);
  });

  it('turns a persistent REST 500 into an ephemeral error with an id that is in the log, and keeps serving', async () => {
    harness.double.failNext('PATCH', ORIGINAL, 4);
    const interaction = harness.double.sendCommand('ask', { question: 'Which railway company reported damage?' }, ALICE);
    const { followUps } = await run(interaction);
    const error = followUps[0];
    expect(isEphemeral(error ?? null)).toBe(true);
    const errorId = /error id: `([0-9a-f]{8})`/.exec(error?.content ?? '')?.[1];
    expect(errorId).toBeDefined();
    const logged = harness.logs.entries.find((entry) => entry.errorId === errorId && entry.msg === 'interaction failed');
    expect(logged).toMatchObject({ level: 50, command: 'ask', interactionId: interaction.id });
    // The public "thinking…" placeholder was removed rather than left hanging.
    expect(harness.double.requestsFor(interaction).some((request) => request.method === 'DELETE' && request.status === 204)).toBe(true);
    expect(harness.logs.text()).not.toContain(interaction.token);

    const next = harness.double.sendCommand('ask', { question: 'Who is the mayor of Kyiv?' }, ALICE);
    expectShowsAnswer((await run(next)).message, 'Who is the mayor of Kyiv?');
  });

  it('turns an exception inside a command into an ephemeral error with an id, and keeps serving', async () => {
    quoth.failNextAsk(new Error('index exploded'));
    const interaction = harness.double.sendCommand('ask', { question: 'How long did the air raid alerts last?' }, ALICE);
    const { followUps } = await run(interaction);
    const errorId = /error id: `([0-9a-f]{8})`/.exec(followUps[0]?.content ?? '')?.[1];
    const logged = harness.logs.entries.find((entry) => entry.errorId === errorId);
    expect(logged).toMatchObject({ msg: 'interaction failed', err: expect.objectContaining({ message: 'index exploded' }) });
    const next = harness.double.sendCommand('ask', { question: 'How long did the air raid alerts last?' }, ALICE);
    expectShowsAnswer((await run(next)).message, 'How long did the air raid alerts last?');
  });

  it('sent every message with allowed_mentions parse [] and within Discord limits', () => {
    const messages = messageRequests(harness.double.requests);
    expect(messages.length).toBeGreaterThan(20);
    for (const request of messages) {
      const body = request.body as { data?: { allowed_mentions?: unknown }; allowed_mentions?: unknown };
      expect(body.data?.allowed_mentions ?? body.allowed_mentions).toEqual({ parse: [] });
    }
    // No 400 (limits, double acknowledgement) and no 404 (3-second window) in the whole run.
    expect(harness.double.requests.filter((request) => request.status === 400 || request.status === 404)).toEqual([]);
  });

  it('never wrote the bot token, or any part of it, to the log (even at trace level)', () => {
    expect(harness.logs.entries.some((entry) => entry.msg === 'discord debug')).toBe(true);
    const text = harness.logs.text();
    expect(text).not.toContain(harness.double.token);
    for (const part of harness.double.token.split('.')) expect(text).not.toContain(part);
  });
});
