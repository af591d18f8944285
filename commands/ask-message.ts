/** "Ask Quoth" on a message (right-click → Apps): that message's text is the question; answered privately, shareable. */
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { answerInDiscord } from '../src/discord/asking.js';
import { channelAllowed } from '../src/discord/channels.js';
import type { CommandContext } from '../src/discord/command.js';
import { questionFromMessage } from '../src/discord/message-question.js';
import { replyOptions } from '../src/discord/reply.js';
import { renderChannelNotice } from '../src/render/discord.js';

export const data = new ContextMenuCommandBuilder()
  .setName('Ask Quoth')
  .setType(ApplicationCommandType.Message)
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

export async function executeOnMessage(interaction: MessageContextMenuCommandInteraction, context: CommandContext): Promise<void> {
  // Where first, as for /ask: a message in a channel Quoth does not answer in is not read at all.
  if (!channelAllowed(interaction, context.allowedChannelIds)) {
    await interaction.reply(replyOptions(renderChannelNotice(context.allowedChannelIds), { ephemeral: true }));
    return;
  }
  const read = questionFromMessage(interaction.targetMessage.content);
  if (!read.ok) {
    context.logger.info('message refused as a question');
    await interaction.reply(replyOptions({ content: read.reason, embeds: [] }, { ephemeral: true }));
    return;
  }
  await answerInDiscord(interaction, read.question, { ephemeral: true }, context);
}
