/**
 * A loopback Discord for tests: REST over HTTP and the gateway over WebSocket, on 127.0.0.1 with a free port.
 *
 * It speaks enough of the real protocol for the real discord.js client (GET /gateway/bot, HELLO, IDENTIFY, heartbeat
 * ACK, READY, GUILD_CREATE, INTERACTION_CREATE) and enforces what Discord enforces on the routes a bot calls:
 * the 3-second window for the first response (404, code 10062), one acknowledgement per interaction (400, 40060),
 * message and embed limits (400, 50035), bot authentication (401), privileged intents (close 4014). It records
 * every REST request (method, path, JSON body, status) and can be told to fail the next request(s) on a route.
 *
 * Sharding as Discord does it: GET /gateway/bot recommends `shards` and gives `max_concurrency`; an IDENTIFY carries
 * `shard: [id, count]`; each connection gets READY and GUILD_CREATE for the guilds whose `(guild_id >> 22) % count`
 * is its id, and every interaction of a guild arrives on that guild's connection (a direct message on shard 0).
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandOption,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIEmbed,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentGuildInteraction,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIUser,
  type ApplicationFlags,
  type ChannelFlags,
  type GatewayGuildCreateDispatchData,
  type GuildHubType,
  type GuildMemberFlags,
  type RoleFlags,
  type UserFlags,
  type GatewayReadyDispatchData,
} from 'discord.js';
import { WebSocketServer, type WebSocket } from 'ws';

// ------------------------------------------------------------------------------------------------------------------
// Types
// ------------------------------------------------------------------------------------------------------------------

export interface RecordedRequest {
  /** Order of arrival, from 1. */
  seq: number;
  /** Milliseconds since the double started. */
  at: number;
  method: string;
  /** Path without the `/api/v10` prefix and without the query, e.g. `/interactions/123/tok/callback`. */
  path: string;
  query: string;
  /** Parsed JSON body, or null. */
  body: unknown;
  status: number;
  /** Whether an `Authorization: Bot <token>` header with the right token came with it. */
  botAuth: boolean;
}

export interface DoubleOptions {
  token?: string;
  applicationId?: string;
  guildId?: string;
  /** Guilds the bot is in (the first is `guildId`); their ids are consecutive in time, so shards split them evenly. Default 1. */
  guilds?: number;
  /** Shards GET /gateway/bot recommends. Default 1. */
  shards?: number;
  /** Identify concurrency GET /gateway/bot gives (`session_start_limit.max_concurrency`). Default 1. */
  maxConcurrency?: number;
  /** Discord's first-response window. Default 3000 ms. */
  responseWindowMs?: number;
  /** HELLO heartbeat interval. Default 41 250 ms (Discord's usual). */
  heartbeatIntervalMs?: number;
  /** Whether the application has the privileged intents enabled in the developer portal. Default false. */
  privilegedIntentsEnabled?: boolean;
  /** Roles of the guild besides @everyone (members can only hold roles the guild has). */
  roles?: { id: string; name: string; permissions?: bigint }[];
}

export interface Invoker {
  user?: Partial<APIUser> & { id: string };
  /** The member's permissions in the channel, as Discord computes them (bitfield). Default: plain member. */
  permissions?: bigint;
  roles?: string[];
  /** The guild the interaction comes from; default the first (`guildId`). */
  guildId?: string;
  /** The channel the interaction comes from; default the guild's #general (`channelId` in the first guild). */
  channelId?: string;
  /** The interaction comes from a public thread (a fresh id) under this channel instead. */
  threadOf?: string;
}

export interface InteractionRecord {
  id: string;
  token: string;
  payload: { type: InteractionType } & Record<string, unknown>;
  createdAt: number;
  /** Callback type of the first (accepted) acknowledgement. */
  acknowledgement: InteractionResponseType | null;
  /** When (Date.now()) the first acknowledgement was accepted. */
  acknowledgedAt: number | null;
  original: APIMessage | null;
  followUps: APIMessage[];
  /** Autocomplete choices when answered with type 8. */
  choices: unknown[] | null;
}

export interface InteractionResult {
  interaction: InteractionRecord;
  /** The message the user ends up seeing as the response (original or, for updates, the updated message). */
  message: APIMessage | null;
  followUps: APIMessage[];
}

interface FailureRule {
  method: string;
  path: RegExp;
  remaining: number;
  status: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

/** How long a rate-limited request is told to wait, in seconds (Discord sends fractions). */
const RATE_LIMIT_RETRY_AFTER = 0.05;

// ------------------------------------------------------------------------------------------------------------------
// Constants and small helpers
// ------------------------------------------------------------------------------------------------------------------

const DISCORD_EPOCH = 1_420_070_400_000n;
const API_PREFIX = '/api/v10';
const TOKEN_LIFETIME_MS = 15 * 60 * 1000;
const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

/** Default permissions of a plain member: view, send, embed, read history, use commands. */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

let snowflakeCounter = 0n;
export function snowflake(): string {
  snowflakeCounter = (snowflakeCounter + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | snowflakeCounter).toString();
}

/** A token shaped like Discord's: base64 id, timestamp part, HMAC part. */
function fakeToken(): string {
  const random = (length: number) => randomBytes(length).toString('base64url').slice(0, length);
  return `${Buffer.from(snowflake()).toString('base64url')}.${random(6)}.${random(38)}`;
}

function formError(path: (string | number)[], code: string, message: string) {
  // Discord nests errors by path: { data: { embeds: { 0: { description: { _errors: [...] } } } } }.
  let errors: Record<string, unknown> = { _errors: [{ code, message }] };
  for (const key of [...path].reverse()) errors = { [String(key)]: errors };
  return { code: 50035, message: 'Invalid Form Body', errors };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ------------------------------------------------------------------------------------------------------------------
// Validation of message bodies (what Discord answers 50035 / 50006 to)
// ------------------------------------------------------------------------------------------------------------------

function checkLength(value: unknown, max: number, path: (string | number)[], min = 0): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string') throw new HttpError(400, formError(path, 'BASE_TYPE_STRING', 'Must be a string.'));
  if (value.length > max) {
    throw new HttpError(400, formError(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`));
  }
  if (value.length < min) {
    throw new HttpError(400, formError(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`));
  }
}

function validateEmbeds(embeds: unknown, path: (string | number)[]): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) throw new HttpError(400, formError(path, 'BASE_TYPE_ARRAY', 'Must be an array.'));
  if (embeds.length > 10) throw new HttpError(400, formError(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.'));
  let total = 0;
  embeds.forEach((embed: APIEmbed, index) => {
    const at = [...path, index];
    checkLength(embed.title, 256, [...at, 'title']);
    checkLength(embed.description, 4096, [...at, 'description']);
    checkLength(embed.footer?.text, 2048, [...at, 'footer', 'text']);
    checkLength(embed.author?.name, 256, [...at, 'author', 'name']);
    if (embed.url !== undefined && !/^https?:\/\//.test(embed.url)) {
      throw new HttpError(400, formError([...at, 'url'], 'URL_TYPE_INVALID_URL', 'Not a well formed URL.'));
    }
    const fields = embed.fields ?? [];
    if (fields.length > 25) throw new HttpError(400, formError([...at, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.'));
    fields.forEach((field, fieldIndex) => {
      checkLength(field.name, 256, [...at, 'fields', fieldIndex, 'name'], 1);
      checkLength(field.value, 1024, [...at, 'fields', fieldIndex, 'value'], 1);
      total += field.name.length + field.value.length;
    });
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  });
  if (total > 6000) {
    throw new HttpError(400, formError(path, 'MESSAGE_EMBEDS_TOO_LONG', 'Embed size exceeds maximum size of 6000'));
  }
}

function validateComponents(components: unknown, path: (string | number)[]): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) throw new HttpError(400, formError(path, 'BASE_TYPE_ARRAY', 'Must be an array.'));
  if (components.length > 5) throw new HttpError(400, formError(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.'));
  const ids = new Set<string>();
  components.forEach((row: unknown, rowIndex) => {
    if (!isRecord(row) || row.type !== ComponentType.ActionRow || !Array.isArray(row.components)) {
      throw new HttpError(400, formError([...path, rowIndex], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).'));
    }
    if (row.components.length > 5) {
      throw new HttpError(400, formError([...path, rowIndex, 'components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.'));
    }
    row.components.forEach((component: unknown, index) => {
      const at = [...path, rowIndex, 'components', index];
      if (!isRecord(component)) throw new HttpError(400, formError(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType'));
      if (component.type === ComponentType.Button && component.style !== ButtonStyle.Link) {
        checkLength(component.custom_id, 100, [...at, 'custom_id'], 1);
        checkLength(component.label, 80, [...at, 'label']);
        const id = String(component.custom_id);
        if (ids.has(id)) throw new HttpError(400, formError([...at, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated'));
        ids.add(id);
      }
    });
  });
}

function validateAllowedMentions(value: unknown, path: (string | number)[]): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) throw new HttpError(400, formError(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType'));
  const parse = value.parse;
  if (parse !== undefined && (!Array.isArray(parse) || parse.some((item) => !['roles', 'users', 'everyone'].includes(String(item))))) {
    throw new HttpError(400, formError([...path, 'parse'], 'ENUM_TYPE_COERCE', 'Value must be one of {"roles", "users", "everyone"}.'));
  }
}

/** Validates a message body (create, edit or interaction response data); `creating` requires some content. */
function validateMessage(data: unknown, path: (string | number)[], creating: boolean): Record<string, unknown> {
  if (!isRecord(data)) throw new HttpError(400, formError(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType'));
  checkLength(data.content, 2000, [...path, 'content']);
  validateEmbeds(data.embeds, [...path, 'embeds']);
  validateComponents(data.components, [...path, 'components']);
  validateAllowedMentions(data.allowed_mentions, [...path, 'allowed_mentions']);
  if (creating) {
    const hasContent = typeof data.content === 'string' && data.content.length > 0;
    const hasEmbeds = Array.isArray(data.embeds) && data.embeds.length > 0;
    const hasComponents = Array.isArray(data.components) && data.components.length > 0;
    if (!hasContent && !hasEmbeds && !hasComponents) {
      throw new HttpError(400, { code: 50006, message: 'Cannot send an empty message' });
    }
  }
  return data;
}

// ------------------------------------------------------------------------------------------------------------------
// The double
// ------------------------------------------------------------------------------------------------------------------

export class DiscordDouble {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId: string;
  /** Every guild the bot is in, `guildId` first. */
  readonly guildIds: string[];
  readonly channelId = snowflake();
  /** A second text channel of the guild (#random), for allow-list tests. */
  readonly otherChannelId = snowflake();
  readonly botUser: APIUser;
  readonly requests: RecordedRequest[] = [];
  /** IDENTIFY payloads received, token replaced by whether it matched; `shard` as sent ([0, 1] when absent). */
  readonly identifies: { intents: number; tokenValid: boolean; properties: unknown; shard: [number, number] }[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  private readonly interactionsByToken = new Map<string, InteractionRecord>();
  readonly commands: { global: APIApplicationCommand[]; guild: Map<string, APIApplicationCommand[]> } = {
    global: [],
    guild: new Map(),
  };

  private readonly options: Required<DoubleOptions>;
  private readonly events = new EventEmitter();
  private readonly failures: FailureRule[] = [];
  private readonly sockets = new Set<WebSocket>();
  /** Identified connections and the shard each one runs, `[id, count]`. */
  private readonly identified = new Map<WebSocket, [number, number]>();
  /** The #general channel of every guild after the first (whose #general is `channelId`). */
  private readonly generalChannels = new Map<string, string>();
  private readonly connections = new Set<Socket>();
  private readonly messages = new Map<string, { message: APIMessage; interactionId: string }>();
  private readonly started = Date.now();
  private sequence = 0;
  private server!: Server;
  private wss!: WebSocketServer;
  private port = 0;

  private constructor(options: DoubleOptions) {
    this.options = {
      token: options.token ?? fakeToken(),
      applicationId: options.applicationId ?? snowflake(),
      guildId: options.guildId ?? snowflake(),
      responseWindowMs: options.responseWindowMs ?? 3000,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntentsEnabled: options.privilegedIntentsEnabled ?? false,
      roles: options.roles ?? [],
      guilds: options.guilds ?? 1,
      shards: options.shards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 1,
    };
    this.token = this.options.token;
    this.applicationId = this.options.applicationId;
    this.guildId = this.options.guildId;
    // Consecutive milliseconds after the first guild's timestamp: guild k is on shard (shard of the first + k) % count.
    // (Counting from a second reading of the clock put two guilds on one shard whenever a millisecond passed between.)
    const base = (BigInt(this.guildId) >> 22n) << 22n;
    this.guildIds = [this.guildId, ...Array.from({ length: this.options.guilds - 1 }, (_, k) => (base + (BigInt(k + 1) << 22n)).toString())];
    for (const id of this.guildIds.slice(1)) this.generalChannels.set(id, snowflake());
    this.botUser = {
      id: this.applicationId,
      username: 'Quoth',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
      flags: 0 as UserFlags,
    };
  }

  static async start(options: DoubleOptions = {}): Promise<DiscordDouble> {
    const double = new DiscordDouble(options);
    // Every pending waitForResponse listens for changes; load tests keep hundreds waiting at once.
    double.events.setMaxListeners(0);
    await double.listen();
    return double;
  }

  /** REST base to give discord.js as `rest.api` (it appends `/v10/...`). */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The environment that starts the real bot (`src/main.ts`) against this double, with its folders, logging at info. */
  botEnvironment(folders: { seedsDir: string; indexDir: string; dataDir: string }): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DISCORD_TOKEN: this.token,
      DISCORD_API_BASE: this.apiBase,
      SEEDS_DIR: folders.seedsDir,
      INDEX_DIR: folders.indexDir,
      DATA_DIR: folders.dataDir,
      LOG_LEVEL: 'info',
    };
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  private async listen(): Promise<void> {
    this.server = createServer((request, response) => void this.handleHttp(request, response));
    this.server.on('connection', (socket) => {
      this.connections.add(socket);
      socket.on('close', () => this.connections.delete(socket));
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (request, socket, head) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/gateway') {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => this.handleSocket(ws, url));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Closes every socket and the server. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.connections) socket.destroy();
    await closed;
    this.events.removeAllListeners();
  }

  // ----------------------------------------------------------------------------------------------------------------
  // Test controls
  // ----------------------------------------------------------------------------------------------------------------

  /** Drops every gateway connection without a close frame, as a network failure would; the client must reconnect. */
  dropGateway(): void {
    for (const ws of this.sockets) ws.terminate();
    this.identified.clear();
  }

  /**
   * The next `times` requests matching method and path (without /api/v10) answer 500 (or `status`; a 429 comes with
   * Discord's rate-limit body and `retry-after` header).
   */
  failNext(method: string, path: RegExp, times = 1, status = 500): void {
    this.failures.push({ method: method.toUpperCase(), path, remaining: times, status });
  }

  /** Resolves with the first recorded request (past or future) that matches; rejects after `timeoutMs`. */
  async waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitUntil(() => this.requests.find(match), timeoutMs, 'a matching request');
  }

  /** Requests that belong to one interaction (callback and webhook routes carry its token). */
  requestsFor(interaction: InteractionRecord): RecordedRequest[] {
    return this.requests.filter((request) => request.path.includes(`/${interaction.token}`));
  }

  /** Resolves once the bot has identified on the gateway and received READY and GUILD_CREATE. */
  async waitForSession(timeoutMs = 10_000): Promise<void> {
    await this.waitUntil(() => (this.identified.size > 0 ? true : undefined), timeoutMs, 'a gateway session');
  }

  /** Resolves once every shard of `count` (ids 0 … count − 1) has a session. */
  async waitForShards(count: number, timeoutMs = 10_000): Promise<void> {
    const connected = (): boolean => Array.from({ length: count }, (_, id) => id).every((id) => this.socketOfShard(id, count) !== undefined);
    await this.waitUntil(() => (connected() ? true : undefined), timeoutMs, `${count} gateway sessions (one per shard)`);
  }

  /** The shard that receives a guild's events, as Discord computes it. */
  static shardOf(guildId: string, shardCount: number): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
  }

  /** The #general channel of a guild. */
  generalChannelOf(guildId: string): string {
    return guildId === this.guildId ? this.channelId : (this.generalChannels.get(guildId) ?? this.channelId);
  }

  get hasSession(): boolean {
    return this.identified.size > 0;
  }

  /** Dispatches a chat-input command as if `invoker` typed it in the guild's text channel. */
  sendCommand(name: string, options: Record<string, string | number | boolean> = {}, invoker: Invoker = {}): InteractionRecord {
    const guildId = invoker.guildId ?? this.guildId;
    const definition = this.registeredCommand(name, guildId);
    const payload: APIChatInputApplicationCommandGuildInteraction = {
      ...this.interactionBase(invoker),
      type: InteractionType.ApplicationCommand,
      data: {
        id: definition?.id ?? snowflake(),
        name,
        type: ApplicationCommandType.ChatInput,
        guild_id: guildId,
        options: Object.entries(options).map(([optionName, value]) => this.commandOption(definition, optionName, value)),
      },
    };
    return this.dispatchInteraction(payload);
  }

  /** Dispatches an autocomplete request for `focused`, with the other options already typed. */
  sendAutocomplete(name: string, options: Record<string, string>, focused: string, invoker: Invoker = {}): InteractionRecord {
    const guildId = invoker.guildId ?? this.guildId;
    const definition = this.registeredCommand(name, guildId);
    const payload: APIApplicationCommandAutocompleteGuildInteraction = {
      ...this.interactionBase(invoker),
      type: InteractionType.ApplicationCommandAutocomplete,
      data: {
        id: definition?.id ?? snowflake(),
        name,
        type: ApplicationCommandType.ChatInput,
        guild_id: guildId,
        options: Object.entries(options).map(([optionName, value]) => ({
          name: optionName,
          type: ApplicationCommandOptionType.String,
          value,
          ...(optionName === focused ? { focused: true } : {}),
        })) as APIApplicationCommandInteractionDataBasicOption[],
      },
    };
    return this.dispatchInteraction(payload);
  }

  /**
   * Dispatches a message context-menu command ("Apps → name" on a message) on a message a member wrote in the
   * interaction's channel, as Discord does: `target_id` and the message in `resolved.messages`.
   */
  sendMessageCommand(name: string, target: { content: string; author?: Partial<APIUser> & { id: string } }, invoker: Invoker = {}): InteractionRecord {
    const guildId = invoker.guildId ?? this.guildId;
    const definition = this.registeredCommand(name, guildId);
    if (definition && definition.type !== ApplicationCommandType.Message) throw new Error(`DiscordDouble: "${name}" is not a message command`);
    const base = this.interactionBase(invoker);
    const author: APIUser = { username: 'someone', discriminator: '0', global_name: null, avatar: null, ...target.author, id: target.author?.id ?? snowflake() };
    const message: APIMessage = {
      id: snowflake(),
      channel_id: base.channel_id,
      author,
      content: target.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: MessageType.Default,
    };
    const payload = {
      ...base,
      type: InteractionType.ApplicationCommand,
      data: {
        id: definition?.id ?? snowflake(),
        name,
        type: ApplicationCommandType.Message,
        guild_id: guildId,
        target_id: message.id,
        resolved: { messages: { [message.id]: message } },
      },
    };
    return this.dispatchInteraction(payload);
  }

  /** Presses a button on a message the bot sent; like Discord's client, refuses missing or disabled buttons. */
  pressButton(message: APIMessage, customId: string, invoker: Invoker = {}): InteractionRecord {
    const buttons = (message.components ?? []).flatMap((row) =>
      'components' in row ? (row.components as unknown[]).filter(isRecord) : [],
    );
    const button = buttons.find((component) => component.custom_id === customId);
    if (!button) throw new Error(`DiscordDouble: message ${message.id} has no button "${customId}"`);
    if (button.disabled === true) throw new Error(`DiscordDouble: button "${customId}" is disabled`);
    const stored = this.messages.get(message.id)?.message ?? message;
    const payload: APIMessageComponentGuildInteraction = {
      ...this.interactionBase(invoker),
      type: InteractionType.MessageComponent,
      data: { custom_id: customId, component_type: ComponentType.Button },
      message: stored,
    };
    return this.dispatchInteraction(payload);
  }

  /**
   * Waits until the interaction has a visible response: a non-loading original message, an updated message
   * (component update), a follow-up, or autocomplete choices.
   */
  async waitForResponse(interaction: InteractionRecord, timeoutMs = 10_000): Promise<InteractionResult> {
    return this.waitUntil(
      () => {
        const result = this.result(interaction);
        if (interaction.choices !== null) return result;
        if (result.followUps.length > 0) return result;
        const message = result.message;
        if (message && ((message.flags ?? 0) & MessageFlags.Loading) === 0) return result;
        return undefined;
      },
      timeoutMs,
      `a response to interaction ${interaction.id}`,
    );
  }

  /** The current state of an interaction's response. */
  result(interaction: InteractionRecord): InteractionResult {
    const message =
      interaction.acknowledgement === InteractionResponseType.UpdateMessage ||
      interaction.acknowledgement === InteractionResponseType.DeferredMessageUpdate
        ? (this.messages.get(String((interaction.payload.message as APIMessage | undefined)?.id))?.message ?? null)
        : interaction.original;
    return { interaction, message, followUps: interaction.followUps };
  }

  // ----------------------------------------------------------------------------------------------------------------
  // Gateway
  // ----------------------------------------------------------------------------------------------------------------

  private handleSocket(ws: WebSocket, url: URL): void {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.identified.delete(ws);
    });
    ws.on('error', () => ws.terminate());
    if (url.searchParams.get('v') !== '10') {
      ws.close(4012, 'Invalid API version');
      return;
    }
    if (url.searchParams.get('encoding') !== 'json') {
      ws.close(4002, 'Decode error');
      return;
    }
    this.send(ws, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
    ws.on('message', (raw) => {
      let payload: { op?: number; d?: unknown };
      try {
        payload = JSON.parse(String(raw)) as { op?: number; d?: unknown };
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      switch (payload.op) {
        case GatewayOpcodes.Heartbeat:
          this.send(ws, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
          this.events.emit('heartbeat');
          break;
        case GatewayOpcodes.Identify:
          this.identify(ws, payload.d);
          break;
        case GatewayOpcodes.Resume:
          // Sessions are not kept: tell the client to identify again.
          this.send(ws, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
          break;
        case GatewayOpcodes.PresenceUpdate:
          break;
        default:
          ws.close(4001, 'Unknown opcode');
      }
    });
  }

  private identify(ws: WebSocket, data: unknown): void {
    if (this.identified.has(ws)) {
      ws.close(4005, 'Already authenticated');
      return;
    }
    const d = isRecord(data) ? data : {};
    const tokenValid = d.token === this.token;
    const intents = typeof d.intents === 'number' ? d.intents : -1;
    const shard: [number, number] = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    this.identifies.push({ intents, tokenValid, properties: d.properties, shard });
    if (!tokenValid) {
      ws.close(4004, 'Authentication failed');
      return;
    }
    if (intents < 0) {
      ws.close(4013, 'Invalid intent(s)');
      return;
    }
    if (!this.options.privilegedIntentsEnabled && (intents & PRIVILEGED_INTENTS) !== 0) {
      ws.close(4014, 'Disallowed intent(s)');
      return;
    }
    const [shardId, shardCount] = shard;
    if (!Number.isInteger(shardId) || !Number.isInteger(shardCount) || shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      ws.close(4010, 'Invalid shard');
      return;
    }
    // A new session of a shard replaces its old one (a reconnect that came before the old socket's close).
    const previous = this.socketOfShard(shardId, shardCount);
    if (previous) {
      this.identified.delete(previous);
      previous.terminate();
    }
    const guilds = this.guildIds.filter((guildId) => DiscordDouble.shardOf(guildId, shardCount) === shardId);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.botUser,
      guilds: guilds.map((id) => ({ id, unavailable: true })),
      session_id: snowflake(),
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.dispatch(ws, GatewayDispatchEvents.Ready, ready);
    for (const guildId of guilds) this.dispatch(ws, GatewayDispatchEvents.GuildCreate, this.guildCreate(guildId));
    this.identified.set(ws, shard);
    this.events.emit('change');
  }

  private guildCreate(guildId: string): GatewayGuildCreateDispatchData {
    const first = guildId === this.guildId;
    const channels = first
      ? [
          [this.channelId, 'general'],
          [this.otherChannelId, 'random'],
        ]
      : [[this.generalChannelOf(guildId), 'general']];
    return {
      id: guildId,
      name: first ? 'Quoth test server' : `Quoth test server ${this.guildIds.indexOf(guildId) + 1}`,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: snowflake(),
      region: 'en-US',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: GuildVerificationLevel.None,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.Disabled,
      roles: [{ id: guildId, name: '@everyone', permissions: MEMBER_PERMISSIONS }, ...this.options.roles].map((role, position) => ({
        id: role.id,
        name: role.name,
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position,
        permissions: (role.permissions ?? 0n).toString(),
        managed: false,
        mentionable: false,
        flags: 0 as RoleFlags,
      })),
      emojis: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: GuildPremiumTier.None,
      preferred_locale: Locale.EnglishUS,
      public_updates_channel_id: null,
      nsfw_level: GuildNSFWLevel.Default,
      stickers: [],
      premium_progress_bar_enabled: false,
      hub_type: null as GuildHubType | null,
      safety_alerts_channel_id: null,
      incidents_data: null,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 3,
      voice_states: [],
      members: [],
      channels: channels.map(([id, name], position) => ({
        id: id ?? '',
        type: ChannelType.GuildText as const,
        guild_id: guildId,
        name: name ?? '',
        position,
        permission_overwrites: [],
        nsfw: false,
        topic: null,
        last_message_id: null,
        parent_id: null,
        rate_limit_per_user: 0,
        flags: 0 as ChannelFlags,
      })),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  private dispatch(ws: WebSocket, event: string, data: unknown): void {
    this.sequence += 1;
    this.send(ws, { op: GatewayOpcodes.Dispatch, t: event, s: this.sequence, d: data });
  }

  // ----------------------------------------------------------------------------------------------------------------
  // Interactions
  // ----------------------------------------------------------------------------------------------------------------

  private registeredCommand(name: string, guildId: string): APIApplicationCommand | undefined {
    return (this.commands.guild.get(guildId) ?? []).find((command) => command.name === name) ??
      this.commands.global.find((command) => command.name === name);
  }

  private socketOfShard(shardId: number, shardCount: number): WebSocket | undefined {
    for (const [ws, [id, count]] of this.identified) if (id === shardId && count === shardCount) return ws;
    return undefined;
  }

  /** The connection that receives a guild's events (a direct message's: shard 0's). */
  private socketFor(guildId: string | null): WebSocket | undefined {
    for (const [ws, [id, count]] of this.identified) {
      if (id === (guildId === null ? 0 : DiscordDouble.shardOf(guildId, count))) return ws;
    }
    return undefined;
  }

  private commandOption(
    definition: APIApplicationCommand | undefined,
    name: string,
    value: string | number | boolean,
  ): APIApplicationCommandInteractionDataBasicOption {
    const declared = definition?.options?.find((option: APIApplicationCommandOption) => option.name === name);
    if (definition && !declared) throw new Error(`DiscordDouble: /${definition.name} has no option "${name}"`);
    const type =
      declared?.type ??
      (typeof value === 'boolean'
        ? ApplicationCommandOptionType.Boolean
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? ApplicationCommandOptionType.Integer
            : ApplicationCommandOptionType.Number
          : ApplicationCommandOptionType.String);
    return { name, type, value } as APIApplicationCommandInteractionDataBasicOption;
  }

  private interactionBase(invoker: Invoker) {
    const user: APIUser = {
      username: `user${invoker.user?.id.slice(-4) ?? ''}`,
      discriminator: '0',
      global_name: null,
      avatar: null,
      ...invoker.user,
      id: invoker.user?.id ?? snowflake(),
    };
    const member: APIInteractionGuildMember = {
      user,
      roles: invoker.roles ?? [],
      permissions: (invoker.permissions ?? MEMBER_PERMISSIONS).toString(),
      premium_since: null,
      joined_at: new Date(Date.now() - 86_400_000).toISOString(),
      nick: null,
      avatar: null,
      banner: null,
      deaf: false,
      mute: false,
      pending: false,
      flags: 0 as GuildMemberFlags,
      communication_disabled_until: null,
    };
    const guildId = invoker.guildId ?? this.guildId;
    if (!this.guildIds.includes(guildId)) throw new Error(`DiscordDouble: the bot is not in guild ${guildId}`);
    const channelId = invoker.threadOf !== undefined ? snowflake() : (invoker.channelId ?? this.generalChannelOf(guildId));
    const channel =
      invoker.threadOf !== undefined
        ? {
            id: channelId,
            type: ChannelType.PublicThread as const,
            guild_id: guildId,
            name: 'a thread',
            flags: 0 as ChannelFlags,
            parent_id: invoker.threadOf,
            thread_metadata: { archived: false, auto_archive_duration: 1440 as const, archive_timestamp: new Date().toISOString(), locked: false },
          }
        : {
            id: channelId,
            type: ChannelType.GuildText as const,
            guild_id: guildId,
            name: channelId === this.otherChannelId ? 'random' : 'general',
            flags: 0 as ChannelFlags,
            nsfw: false,
            position: 0,
            parent_id: null,
            topic: null,
            last_message_id: null,
            rate_limit_per_user: 0,
          };
    return {
      id: snowflake(),
      application_id: this.applicationId,
      token: `itoken-${snowflake()}-${Math.random().toString(36).slice(2)}`,
      version: 1 as const,
      guild_id: guildId,
      guild: { id: guildId, features: [], locale: Locale.EnglishUS },
      channel_id: channelId,
      channel,
      member,
      app_permissions: MEMBER_PERMISSIONS.toString(),
      locale: Locale.EnglishUS,
      guild_locale: Locale.EnglishUS,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10_485_760,
    };
  }

  private dispatchInteraction(payload: { id: string; token: string; type: InteractionType; guild_id?: string }): InteractionRecord {
    const socket = this.socketFor(payload.guild_id ?? null);
    if (!socket) {
      throw new Error(this.identified.size === 0 ? 'DiscordDouble: no bot is connected to the gateway' : `DiscordDouble: no shard of the bot receives guild ${payload.guild_id}`);
    }
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      payload: payload as InteractionRecord['payload'],
      createdAt: Date.now(),
      acknowledgement: null,
      acknowledgedAt: null,
      original: null,
      followUps: [],
      choices: null,
    };
    this.interactions.set(record.id, record);
    this.interactionsByToken.set(record.token, record);
    this.dispatch(socket, GatewayDispatchEvents.InteractionCreate, payload);
    return record;
  }

  private createMessage(interaction: InteractionRecord, data: Record<string, unknown>, flags: number): APIMessage {
    const user = (interaction.payload.member as APIInteractionGuildMember).user;
    const message: APIMessage = {
      id: snowflake(),
      channel_id: String(interaction.payload.channel_id ?? this.generalChannelOf(String(interaction.payload.guild_id ?? this.guildId))),
      author: this.botUser,
      content: typeof data.content === 'string' ? data.content : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: (data.embeds as APIEmbed[] | undefined) ?? [],
      pinned: false,
      type: interaction.payload.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Reply,
      flags,
      components: (data.components as APIMessage['components']) ?? [],
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      interaction_metadata: {
        id: interaction.id,
        type: interaction.payload.type,
        user,
        authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: String(interaction.payload.guild_id ?? this.guildId) },
      } as APIMessage['interaction_metadata'],
    };
    this.messages.set(message.id, { message, interactionId: interaction.id });
    return message;
  }

  private editMessage(message: APIMessage, data: Record<string, unknown>): APIMessage {
    const edited: APIMessage = {
      ...message,
      ...(typeof data.content === 'string' ? { content: data.content } : {}),
      ...(Array.isArray(data.embeds) ? { embeds: data.embeds as APIEmbed[] } : {}),
      ...(Array.isArray(data.components) ? { components: data.components as APIMessage['components'] } : {}),
      // Editing a deferred response replaces the "thinking…" state.
      flags: (message.flags ?? 0) & ~MessageFlags.Loading,
      edited_timestamp: new Date().toISOString(),
    };
    const entry = this.messages.get(message.id);
    if (entry) this.messages.set(message.id, { ...entry, message: edited });
    return edited;
  }

  // ----------------------------------------------------------------------------------------------------------------
  // REST
  // ----------------------------------------------------------------------------------------------------------------

  private async handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = (request.method ?? 'GET').toUpperCase();
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) : pathname;
    const botAuth = request.headers.authorization === `Bot ${this.token}`;
    let status: number;
    let payload: unknown;
    let headers: Record<string, string> = {};
    try {
      if (!url.pathname.startsWith(`${API_PREFIX}/`)) throw new HttpError(404, { message: '404: Not Found', code: 0 });
      const failure = this.failures.find((rule) => rule.method === method && rule.path.test(path) && rule.remaining > 0);
      if (failure) {
        failure.remaining -= 1;
        if (failure.status === 429) {
          // Discord's shape of a rate limit: the body and the headers both say how long to wait.
          throw new HttpError(
            429,
            { message: 'You are being rate limited.', retry_after: RATE_LIMIT_RETRY_AFTER, global: false },
            { 'retry-after': String(RATE_LIMIT_RETRY_AFTER), 'x-ratelimit-scope': 'user' },
          );
        }
        throw new HttpError(failure.status, { message: 'Internal Server Error', code: 0 });
      }
      const result = this.route(method, path, url.searchParams, body, botAuth);
      status = result.status;
      payload = result.body;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      status = error.status;
      payload = error.body;
      headers = error.headers;
    }
    this.requests.push({
      seq: this.requests.length + 1,
      at: Date.now() - this.started,
      method,
      path,
      query: url.search,
      body,
      status,
      botAuth,
    });
    this.events.emit('change');
    if (status === 204) {
      response.writeHead(204).end();
      return;
    }
    const json = JSON.stringify(payload);
    response.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    botAuth: boolean,
  ): { status: number; body: unknown } {
    const requireBot = (): void => {
      if (!botAuth) throw new HttpError(401, { message: '401: Unauthorized', code: 0 });
    };
    let match: RegExpExecArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      requireBot();
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: this.options.shards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: this.options.maxConcurrency },
        },
      };
    }

    if ((match = /^\/applications\/(\d+)\/commands$/.exec(path))) {
      requireBot();
      this.requireApplication(match[1]);
      if (method === 'PUT') return { status: 200, body: (this.commands.global = this.registerCommands(body, null)) };
      if (method === 'GET') return { status: 200, body: this.commands.global };
    }

    if ((match = /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/.exec(path))) {
      requireBot();
      this.requireApplication(match[1]);
      const guildId = match[2] ?? '';
      if (!this.guildIds.includes(guildId)) throw new HttpError(403, { message: 'Missing Access', code: 50001 });
      if (method === 'PUT') {
        const registered = this.registerCommands(body, guildId);
        this.commands.guild.set(guildId, registered);
        return { status: 200, body: registered };
      }
      if (method === 'GET') return { status: 200, body: this.commands.guild.get(guildId) ?? [] };
    }

    if (method === 'POST' && (match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      return this.callback(match[1] ?? '', match[2] ?? '', body, query.get('with_response') === 'true');
    }

    if ((match = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/.exec(path))) {
      const interaction = this.webhookInteraction(match[1] ?? '', match[2] ?? '');
      const target = match[3] === '@original' ? interaction.original : interaction.followUps.find((message) => message.id === match?.[3]);
      if (!target) throw new HttpError(404, { message: 'Unknown Message', code: 10008 });
      if (method === 'GET') return { status: 200, body: target };
      if (method === 'PATCH') {
        const data = validateMessage(body, [], false);
        const edited = this.editMessage(target, data);
        if (match[3] === '@original') interaction.original = edited;
        else interaction.followUps = interaction.followUps.map((message) => (message.id === edited.id ? edited : message));
        return { status: 200, body: edited };
      }
      if (method === 'DELETE') {
        this.messages.delete(target.id);
        if (match[3] === '@original') interaction.original = null;
        else interaction.followUps = interaction.followUps.filter((message) => message.id !== target.id);
        return { status: 204, body: null };
      }
    }

    if (method === 'POST' && (match = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path))) {
      const interaction = this.webhookInteraction(match[1] ?? '', match[2] ?? '');
      const data = validateMessage(body, [], true);
      const flags = typeof data.flags === 'number' ? data.flags & MessageFlags.Ephemeral : 0;
      const message = this.createMessage(interaction, data, flags);
      interaction.followUps.push(message);
      return { status: 200, body: message };
    }

    throw new HttpError(404, { message: '404: Not Found', code: 0 });
  }

  private requireApplication(id: string | undefined): void {
    if (id !== this.applicationId) throw new HttpError(403, { message: 'Missing Access', code: 50001 });
  }

  private webhookInteraction(applicationId: string, token: string): InteractionRecord {
    if (applicationId !== this.applicationId) throw new HttpError(404, { message: 'Unknown Webhook', code: 10015 });
    const interaction = this.interactionsByToken.get(token);
    if (!interaction || interaction.acknowledgement === null) throw new HttpError(404, { message: 'Unknown Webhook', code: 10015 });
    if (Date.now() - interaction.createdAt > TOKEN_LIFETIME_MS) throw new HttpError(401, { message: 'Invalid Webhook Token', code: 50027 });
    return interaction;
  }

  private callback(id: string, token: string, body: unknown, withResponse: boolean): { status: number; body: unknown } {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token) throw new HttpError(404, { message: 'Unknown interaction', code: 10062 });
    if (interaction.acknowledgement !== null) {
      throw new HttpError(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
    }
    if (Date.now() - interaction.createdAt > this.options.responseWindowMs) {
      throw new HttpError(404, { message: 'Unknown interaction', code: 10062 });
    }
    if (!isRecord(body) || typeof body.type !== 'number') throw new HttpError(400, formError(['type'], 'BASE_TYPE_REQUIRED', 'This field is required'));
    const type = body.type as InteractionResponseType;
    const data = isRecord(body.data) ? body.data : {};
    const isComponent = interaction.payload.type === InteractionType.MessageComponent;
    let message: APIMessage | null = null;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        validateMessage(body.data, ['data'], true);
        const flags = typeof data.flags === 'number' ? data.flags & MessageFlags.Ephemeral : 0;
        message = interaction.original = this.createMessage(interaction, data, flags);
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = (typeof data.flags === 'number' ? data.flags & MessageFlags.Ephemeral : 0) | MessageFlags.Loading;
        message = interaction.original = this.createMessage(interaction, { content: '' }, flags);
        break;
      }
      case InteractionResponseType.UpdateMessage:
      case InteractionResponseType.DeferredMessageUpdate: {
        if (!isComponent) {
          throw new HttpError(400, { message: 'Interaction callback type is not valid for this interaction', code: 50035 });
        }
        const target = this.messages.get(String((interaction.payload.message as APIMessage).id));
        if (!target) throw new HttpError(404, { message: 'Unknown Message', code: 10008 });
        if (type === InteractionResponseType.UpdateMessage) {
          validateMessage(body.data, ['data'], false);
          message = this.editMessage(target.message, data);
        } else message = target.message;
        interaction.original = message;
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        if (interaction.payload.type !== InteractionType.ApplicationCommandAutocomplete) {
          throw new HttpError(400, { message: 'Interaction callback type is not valid for this interaction', code: 50035 });
        }
        const choices = Array.isArray(data.choices) ? data.choices : [];
        if (choices.length > 25) throw new HttpError(400, formError(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.'));
        interaction.choices = choices;
        break;
      }
      default:
        throw new HttpError(400, formError(['type'], 'BASE_TYPE_CHOICES', 'Value must be one of the interaction callback types.'));
    }
    interaction.acknowledgement = type;
    interaction.acknowledgedAt = Date.now();
    if (!withResponse) return { status: 204, body: null };
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.payload.type,
          activity_instance_id: null,
          response_message_id: message?.id ?? null,
          response_message_loading: message ? ((message.flags ?? 0) & MessageFlags.Loading) !== 0 : null,
          response_message_ephemeral: message ? ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0 : null,
        },
        resource: message ? { type, message } : { type },
      },
    };
  }

  private registerCommands(body: unknown, guildId: string | null): APIApplicationCommand[] {
    if (!Array.isArray(body)) throw new HttpError(400, formError([], 'BASE_TYPE_ARRAY', 'Must be an array.'));
    if (body.length > 100) throw new HttpError(400, formError([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.'));
    const names = new Set<string>();
    return body.map((command: unknown, index): APIApplicationCommand => {
      if (!isRecord(command)) throw new HttpError(400, formError([index], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType'));
      const name = String(command.name ?? '');
      const type = (command.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
      // Slash command names are lower-case words; context-menu names may hold capitals and spaces, and have no description.
      const validName =
        type === ApplicationCommandType.ChatInput
          ? /^[-_'\p{L}\p{N}]{1,32}$/u.test(name) && name === name.toLowerCase()
          : /^[-_' \p{L}\p{N}]{1,32}$/u.test(name) && name.trim() === name;
      if (!validName) {
        throw new HttpError(400, formError([index, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid'));
      }
      const key = `${type}:${name}`;
      if (names.has(key)) throw new HttpError(400, formError([index, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique'));
      names.add(key);
      if (type === ApplicationCommandType.ChatInput) checkLength(command.description, 100, [index, 'description'], 1);
      else if (command.description !== undefined && command.description !== '') {
        throw new HttpError(400, formError([index, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have a description'));
      }
      const options = Array.isArray(command.options) ? (command.options as Record<string, unknown>[]) : [];
      if (options.length > 25) throw new HttpError(400, formError([index, 'options'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.'));
      let optionalSeen = false;
      options.forEach((option, optionIndex) => {
        const at = [index, 'options', optionIndex];
        checkLength(option.name, 32, [...at, 'name'], 1);
        checkLength(option.description, 100, [...at, 'description'], 1);
        if (option.required === true && optionalSeen) {
          throw new HttpError(400, formError([...at, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options'));
        }
        if (option.required !== true) optionalSeen = true;
        if (option.max_length !== undefined && (typeof option.max_length !== 'number' || option.max_length < 1 || option.max_length > 6000)) {
          throw new HttpError(400, formError([...at, 'max_length'], 'NUMBER_TYPE_MAX', 'int value should be between 1 and 6000.'));
        }
      });
      return {
        ...(command as object),
        id: snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        type: (command.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput,
        default_member_permissions: (command.default_member_permissions as string | null | undefined) ?? null,
        ...(guildId ? { guild_id: guildId } : {}),
      } as APIApplicationCommand;
    });
  }

  private async waitUntil<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const immediate = check();
    if (immediate !== undefined) return immediate;
    return new Promise<T>((resolve, reject) => {
      const onChange = (): void => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`DiscordDouble: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off('change', onChange);
      };
      this.events.on('change', onChange);
    });
  }
}
