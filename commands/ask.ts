/** /ask question:<text> [private:<bool>] — the answer as verbatim quotes with their sources, and feedback buttons. */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { handleAnswerButton } from '../src/discord/answer-actions.js';
import { answerInDiscord } from '../src/discord/asking.js';
import type { CommandContext } from '../src/discord/command.js';
import { MAX_QUESTION_LENGTH } from '../src/service.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a factual question; Quoth answers with verbatim quotes from the indexed articles.')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .addStringOption((option) =>
    option
      .setName('question')
      .setDescription(`Your question (up to ${MAX_QUESTION_LENGTH} characters)`)
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH),
  )
  .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer (you can post it later)'));

export async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  await answerInDiscord(interaction, question, { ephemeral }, context);
}

/** 👍 / 👎 / "Not what I asked" / "Post in channel" under any answer (from /ask or "Ask Quoth"). */
export async function button(interaction: ButtonInteraction, context: CommandContext): Promise<void> {
  await handleAnswerButton(interaction, context);
}
