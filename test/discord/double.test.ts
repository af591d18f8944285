/** The double must refuse what Discord refuses, or the end-to-end tests would prove nothing. Raw HTTP and WebSocket. */
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayIntentBits, GatewayOpcodes, InteractionResponseType } from 'discord.js';
import { WebSocket } from 'ws';
import { DiscordDouble, type DoubleOptions } from './double.js';

const doubles: DiscordDouble[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  for (const double of doubles.splice(0)) await double.close();
});

async function start(options: DoubleOptions = {}): Promise<DiscordDouble> {
  const double = await DiscordDouble.start(options);
  doubles.push(double);
  return double;
}

interface GatewayMessage {
  op: number;
  t: string | null;
  s: number | null;
  d: Record<string, unknown> | null;
}

/** A bare gateway client: connects, collects payloads, and reports the close code. */
async function connect(double: DiscordDouble, query = '?v=10&encoding=json') {
  const socket = new WebSocket(`${double.gatewayUrl}${query}`);
  sockets.push(socket);
  const received: GatewayMessage[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (raw) => {
    received.push(JSON.parse(String(raw)) as GatewayMessage);
    for (const waiter of waiters.splice(0)) waiter();
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const next = async (predicate: (message: GatewayMessage) => boolean): Promise<GatewayMessage> => {
    for (;;) {
      const found = received.find(predicate);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  await once(socket, 'open');
  return { socket, received, closed, next, send: (payload: unknown) => socket.send(JSON.stringify(payload)) };
}

async function identify(double: DiscordDouble, intents: number = GatewayIntentBits.Guilds, token = double.token) {
  const client = await connect(double);
  await client.next((message) => message.op === GatewayOpcodes.Hello);
  client.send({ op: GatewayOpcodes.Identify, d: { token, intents, properties: { os: 'linux', browser: 'test', device: 'test' } } });
  return client;
}

function api(double: DiscordDouble, method: string, path: string, body?: unknown, auth = true) {
  return fetch(`${double.apiBase}/v10${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bot ${double.token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const callback = (id: string, token: string) => `/interactions/${id}/${token}/callback`;

describe('DiscordDouble gateway', () => {
  it('says HELLO, then READY and GUILD_CREATE after a valid IDENTIFY, and ACKs heartbeats', async () => {
    const double = await start({ heartbeatIntervalMs: 5000 });
    const client = await identify(double);
    const hello = await client.next((message) => message.op === GatewayOpcodes.Hello);
    expect(hello.d).toEqual({ heartbeat_interval: 5000 });
    const ready = await client.next((message) => message.t === 'READY');
    expect(ready.d).toMatchObject({ v: 10, shard: [0, 1], application: { id: double.applicationId }, guilds: [{ id: double.guildId, unavailable: true }] });
    expect(typeof ready.d?.session_id).toBe('string');
    expect(ready.d?.resume_gateway_url).toBe(double.gatewayUrl);
    const guild = await client.next((message) => message.t === 'GUILD_CREATE');
    expect(guild.d).toMatchObject({ id: double.guildId, unavailable: false });
    expect(guild.s).toBe((ready.s ?? 0) + 1);
    client.send({ op: GatewayOpcodes.Heartbeat, d: guild.s });
    await client.next((message) => message.op === GatewayOpcodes.HeartbeatAck);
  });

  it('closes with 4004 on a wrong token', async () => {
    const double = await start();
    const client = await identify(double, GatewayIntentBits.Guilds, 'not-the-token');
    expect(await client.closed).toBe(4004);
  });

  it('closes with 4014 when privileged intents are requested but not enabled', async () => {
    const double = await start();
    const client = await identify(double, GatewayIntentBits.Guilds | GatewayIntentBits.MessageContent);
    expect(await client.closed).toBe(4014);
  });

  it('closes with 4012 on a wrong API version', async () => {
    const double = await start();
    const client = await connect(double, '?v=9&encoding=json');
    expect(await client.closed).toBe(4012);
  });
});

describe('DiscordDouble REST', () => {
  it('requires the bot token on bot routes and serves GET /gateway/bot', async () => {
    const double = await start();
    expect((await api(double, 'GET', '/gateway/bot', undefined, false)).status).toBe(401);
    const response = await api(double, 'GET', '/gateway/bot');
    expect(await response.json()).toMatchObject({ url: double.gatewayUrl, shards: 1, session_start_limit: { max_concurrency: 1 } });
    expect(double.requests.map((request) => [request.method, request.path, request.status])).toEqual([
      ['GET', '/gateway/bot', 401],
      ['GET', '/gateway/bot', 200],
    ]);
  });

  it('registers commands with a bulk PUT, globally and per guild, and rejects invalid ones with 50035', async () => {
    const double = await start();
    const command = { name: 'ask', description: 'Ask', options: [{ type: 3, name: 'question', description: 'q', required: true, max_length: 300 }] };
    const global = await api(double, 'PUT', `/applications/${double.applicationId}/commands`, [command]);
    expect(global.status).toBe(200);
    expect(double.commands.global.map((registered) => registered.name)).toEqual(['ask']);
    const guild = await api(double, 'PUT', `/applications/${double.applicationId}/guilds/${double.guildId}/commands`, [command]);
    expect((await guild.json()) as unknown[]).toEqual([expect.objectContaining({ name: 'ask', guild_id: double.guildId, id: expect.any(String) })]);
    const invalid = await api(double, 'PUT', `/applications/${double.applicationId}/commands`, [{ name: 'Ask Me', description: 'x' }]);
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ code: 50035, errors: { 0: { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } } });
    const wrongApp = await api(double, 'PUT', '/applications/123456789012345678/commands', [command]);
    expect(wrongApp.status).toBe(403);
  });

  it('answers 10062 when the first response comes after the window', async () => {
    const double = await start({ responseWindowMs: 150 });
    await identify(double);
    await double.waitForSession();
    const interaction = double.sendCommand('ask', { question: 'late?' });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const response = await api(double, 'POST', callback(interaction.id, interaction.token), { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'hi' } }, false);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Unknown interaction', code: 10062 });
  });

  it('answers 40060 to a second acknowledgement, and lets follow-ups and edits through', async () => {
    const double = await start();
    await identify(double);
    await double.waitForSession();
    const interaction = double.sendCommand('ask', { question: 'twice?' });
    const path = callback(interaction.id, interaction.token);
    expect((await api(double, 'POST', path, { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: 64 } }, false)).status).toBe(204);
    const again = await api(double, 'POST', path, { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'again' } }, false);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 40060 });
    const webhook = `/webhooks/${double.applicationId}/${interaction.token}`;
    const edited = await api(double, 'PATCH', `${webhook}/messages/@original`, { content: 'done', allowed_mentions: { parse: [] } }, false);
    expect(await edited.json()).toMatchObject({ content: 'done', flags: 64 });
    const followUp = await api(double, 'POST', `${webhook}?wait=true`, { content: 'more', flags: 64 }, false);
    expect(followUp.status).toBe(200);
    expect(double.result(interaction).followUps.map((message) => message.content)).toEqual(['more']);
  });

  it('refuses webhook calls for an interaction that was never acknowledged', async () => {
    const double = await start();
    await identify(double);
    await double.waitForSession();
    const interaction = double.sendCommand('ask', { question: 'edit first?' });
    const response = await api(double, 'PATCH', `/webhooks/${double.applicationId}/${interaction.token}/messages/@original`, { content: 'x' }, false);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 10015 });
  });

  it.each([
    ['content over 2000', { content: 'x'.repeat(2001) }, { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } }],
    ['a title over 256', { embeds: [{ title: 't'.repeat(257) }] }, { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } }],
    ['a description over 4096', { embeds: [{ description: 'd'.repeat(4097) }] }, { embeds: { 0: { description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } }],
    ['a field value over 1024', { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] }, { embeds: { 0: { fields: { 0: { value: { _errors: [{}] } } } } } }],
    ['an empty field name', { embeds: [{ fields: [{ name: '', value: 'v' }] }] }, { embeds: { 0: { fields: { 0: { name: { _errors: [{ code: 'BASE_TYPE_MIN_LENGTH' }] } } } } } }],
    ['26 fields', { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] }, { embeds: { 0: { fields: { _errors: [{}] } } } }],
    ['a footer over 2048', { embeds: [{ footer: { text: 'f'.repeat(2049) } }] }, { embeds: { 0: { footer: { text: { _errors: [{}] } } } } }],
    ['11 embeds', { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, { embeds: { _errors: [{}] } }],
    ['embeds over 6000 in total', { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] }, { embeds: { _errors: [{ code: 'MESSAGE_EMBEDS_TOO_LONG' }] } }],
  ])('answers 50035 to a response with %s', async (_name, data, errors) => {
    const double = await start();
    await identify(double);
    await double.waitForSession();
    const interaction = double.sendCommand('ask', { question: 'limits?' });
    const response = await api(double, 'POST', callback(interaction.id, interaction.token), { type: InteractionResponseType.ChannelMessageWithSource, data }, false);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 50035, message: 'Invalid Form Body', errors: { data: errors } });
    expect(interaction.acknowledgement).toBeNull();
  });

  it('fails the next request on a route with 500 when told to, then recovers', async () => {
    const double = await start();
    double.failNext('GET', /^\/gateway\/bot$/, 2);
    expect((await api(double, 'GET', '/gateway/bot')).status).toBe(500);
    expect((await api(double, 'GET', '/gateway/bot')).status).toBe(500);
    expect((await api(double, 'GET', '/gateway/bot')).status).toBe(200);
  });

  it('refuses to press a disabled or missing button, like the Discord client', async () => {
    const double = await start();
    await identify(double);
    await double.waitForSession();
    const interaction = double.sendCommand('sources');
    const components = [{ type: 1, components: [{ type: 2, style: 2, label: 'Previous', custom_id: 'p', disabled: true }, { type: 2, style: 2, label: 'Next', custom_id: 'n' }] }];
    await api(double, 'POST', callback(interaction.id, interaction.token), { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'page 1', components } }, false);
    const message = double.result(interaction).message;
    if (!message) throw new Error('no message');
    expect(() => double.pressButton(message, 'p')).toThrow(/disabled/);
    expect(() => double.pressButton(message, 'x')).toThrow(/no button/);
    const press = double.pressButton(message, 'n');
    const updated = await api(double, 'POST', callback(press.id, press.token), { type: InteractionResponseType.UpdateMessage, data: { content: 'page 2' } }, false);
    expect(updated.status).toBe(204);
    expect(double.result(press).message?.content).toBe('page 2');
  });
});
