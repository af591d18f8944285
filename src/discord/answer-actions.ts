/** What happens when a member presses a button under an answer: a rating is stored and acknowledged privately; "Post in channel" posts the answer publicly, once. */
import type { APIEmbed, ButtonInteraction } from 'discord.js';
import { renderRatingAck, renderShareRefusal, renderSharedBy } from '../render/discord.js';
import type { CommandContext } from './command.js';
import { answerButtons, parseAnswerButton } from './answer-buttons.js';
import { replyOptions } from './reply.js';

export async function handleAnswerButton(interaction: ButtonInteraction, context: CommandContext): Promise<void> {
  const action = parseAnswerButton(interaction.customId);
  if (!action) {
    await interaction.reply(replyOptions({ content: 'This button no longer works.', embeds: [] }, { ephemeral: true }));
    return;
  }
  if (action.kind === 'rate') {
    const change = await context.feedback.rate(action.answerId, interaction.user.id, action.rating);
    context.logger.info({ answerId: action.answerId, rating: action.rating, change }, 'answer rated');
    await interaction.reply(replyOptions(renderRatingAck(action.rating, change), { ephemeral: true }));
    return;
  }
  const claim = await context.feedback.claimShare(action.answerId, interaction.user.id);
  if (!claim.first) {
    context.logger.info({ answerId: action.answerId }, 'share refused: already posted');
    await interaction.reply(replyOptions(renderShareRefusal(claim.by.userId), { ephemeral: true }));
    return;
  }
  const embeds: APIEmbed[] = interaction.message.embeds.map((embed) => embed.toJSON());
  const noAnswer = context.feedback.ledger.answer(action.answerId)?.status === 'no_answer';
  await interaction.reply(
    replyOptions(renderSharedBy(interaction.user.id, embeds), {
      ephemeral: false,
      components: answerButtons(action.answerId, { noAnswer, shareable: false }),
    }),
  );
  context.logger.info({ answerId: action.answerId }, 'answer posted in channel');
}
