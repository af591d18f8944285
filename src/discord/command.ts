/** What a command module in `commands/` exports, and what the dispatcher hands it. */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Answerer } from '../answering/answer-thread.js';
import type { FeedbackStore } from '../feedback/store.js';
import type { Logger } from '../log.js';
import type { Quoth } from '../service.js';
import type { Cooldown } from './cooldown.js';

/** Everything a command needs besides the interaction; injected so tests can run the bot on any `Quoth`. */
export interface CommandContext {
  quoth: Quoth;
  /** Where questions are answered: `quoth.ask` on this thread, or the answer thread (the running bot). */
  answerer: Answerer;
  /** Role ids whose members may run moderator commands besides Manage Server / Administrator. */
  moderatorRoleIds: readonly string[];
  /** Where questions are answered (empty: everywhere). */
  allowedChannelIds: readonly string[];
  cooldown: Cooldown;
  feedback: FeedbackStore;
  /** The clock, in ms (Date.now unless a test says otherwise). */
  now(): number;
  /** Child logger carrying the interaction id, command and user. */
  logger: Logger;
}

export interface SlashCommand {
  /** The builder whose `toJSON()` is registered by deploy-commands; `data.name` routes interactions here. */
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
  /** Buttons whose custom id starts with `${data.name}:` come here. */
  button?(interaction: ButtonInteraction, context: CommandContext): Promise<void>;
}

/** A message context-menu command (right-click a message → Apps → name). */
export interface MessageCommand {
  data: { name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  executeOnMessage(interaction: MessageContextMenuCommandInteraction, context: CommandContext): Promise<void>;
}

export type Command = SlashCommand | MessageCommand;
