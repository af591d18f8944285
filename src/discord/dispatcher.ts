/**
 * The one place interactions enter: routes them to command modules, logs each one, and turns any failure into a
 * short ephemeral reply carrying an error id that also appears in the log. Never throws.
 */
import { randomBytes } from 'node:crypto';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Logger } from '../log.js';
import { renderCommandError } from '../render/discord.js';
import type { Command, CommandContext } from './command.js';
import { replyOptions } from './reply.js';

export interface DispatcherOptions extends Omit<CommandContext, 'logger'> {
  commands: readonly Command[];
  logger: Logger;
}

export type Dispatch = (interaction: Interaction) => Promise<void>;

/** Short random id the user can quote and the operator can grep for. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

export function createDispatcher(options: DispatcherOptions): Dispatch {
  const byName = new Map<string, Command>();
  for (const command of options.commands) {
    if (byName.has(command.data.name)) throw new Error(`Quoth: two command modules are named "${command.data.name}"`);
    byName.set(command.data.name, command);
  }

  return async (interaction) => {
    const started = Date.now();
    const logger = options.logger.child({
      interactionId: interaction.id,
      userId: interaction.user.id,
      guildId: interaction.guildId,
      ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
      ...(interaction.isMessageComponent() ? { customId: interaction.customId } : {}),
    });
    const context: CommandContext = {
      quoth: options.quoth,
      answerer: options.answerer,
      moderatorRoleIds: options.moderatorRoleIds,
      allowedChannelIds: options.allowedChannelIds,
      cooldown: options.cooldown,
      feedback: options.feedback,
      now: options.now,
      logger,
    };
    try {
      if (interaction.isChatInputCommand()) await runCommand(interaction, byName, context);
      else if (interaction.isMessageContextMenuCommand()) await runMessageCommand(interaction, byName, context);
      else if (interaction.isAutocomplete()) await runAutocomplete(interaction, byName, context);
      else if (interaction.isButton()) await runButton(interaction, byName, context);
      else {
        logger.debug({ type: interaction.type }, 'ignored an interaction type Quoth does not handle');
        return;
      }
      logger.info({ durationMs: Date.now() - started }, 'interaction handled');
    } catch (error) {
      const errorId = newErrorId();
      logger.error({ err: error, errorId, durationMs: Date.now() - started }, 'interaction failed');
      await reportFailure(interaction, errorId, logger);
    }
  };
}

async function runCommand(
  interaction: ChatInputCommandInteraction,
  byName: ReadonlyMap<string, Command>,
  context: CommandContext,
): Promise<void> {
  const command = byName.get(interaction.commandName);
  if (!command || !('execute' in command)) {
    await refuseUnknown(interaction, `/${interaction.commandName}`, context);
    return;
  }
  await command.execute(interaction, context);
}

async function runMessageCommand(
  interaction: MessageContextMenuCommandInteraction,
  byName: ReadonlyMap<string, Command>,
  context: CommandContext,
): Promise<void> {
  const command = byName.get(interaction.commandName);
  if (!command || !('executeOnMessage' in command)) {
    await refuseUnknown(interaction, `“${interaction.commandName}”`, context);
    return;
  }
  await command.executeOnMessage(interaction, context);
}

async function refuseUnknown(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  name: string,
  context: CommandContext,
): Promise<void> {
  context.logger.warn('unknown command (stale registration? run npm run deploy-commands)');
  await interaction.reply(replyOptions({ content: `Quoth does not know ${name} any more.`, embeds: [] }, { ephemeral: true }));
}

async function runAutocomplete(
  interaction: AutocompleteInteraction,
  byName: ReadonlyMap<string, Command>,
  context: CommandContext,
): Promise<void> {
  const command = byName.get(interaction.commandName);
  if (command && 'autocomplete' in command && command.autocomplete) await command.autocomplete(interaction, context);
  else await interaction.respond([]);
}

async function runButton(
  interaction: ButtonInteraction,
  byName: ReadonlyMap<string, Command>,
  context: CommandContext,
): Promise<void> {
  const name = interaction.customId.split(':', 1)[0] ?? '';
  const command = byName.get(name);
  if (!command || !('button' in command) || !command.button) {
    await interaction.reply(replyOptions({ content: 'This button no longer works.', embeds: [] }, { ephemeral: true }));
    return;
  }
  await command.button(interaction, context);
}

/** Tells the user something failed, by whichever route the interaction still allows. Swallows its own failures. */
async function reportFailure(interaction: Interaction, errorId: string, logger: Logger): Promise<void> {
  if (!interaction.isRepliable()) return;
  const body = replyOptions(renderCommandError(errorId), { ephemeral: true });
  try {
    if (interaction.deferred && !interaction.replied) {
      // Replace the "thinking…" placeholder (possibly public) with an ephemeral error.
      await interaction.deleteReply().catch((error: unknown) => logger.warn({ err: error, errorId }, 'could not delete the deferred reply'));
      await interaction.followUp(body);
    } else if (interaction.replied || interaction.deferred) {
      await interaction.followUp(body);
    } else {
      await interaction.reply(body);
    }
  } catch (error) {
    logger.warn({ err: error, errorId }, 'could not tell the user about the failure');
  }
}
