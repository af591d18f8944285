/**
 * Answering a question from Discord, wherever it came from (/ask or "Ask Quoth" on a message): where and how often
 * members may ask, the "thinking…" acknowledgement, the answer with its buttons, and the record /insights reads.
 */
import { MessageFlags, type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction } from 'discord.js';
import {
  renderAnswer,
  renderChannelNotice,
  renderCooldownNotice,
  renderQuestionError,
} from '../render/discord.js';
import { MAX_QUESTION_LENGTH, type QuestionError } from '../service.js';
import { answerButtons } from './answer-buttons.js';
import { channelAllowed } from './channels.js';
import type { CommandContext } from './command.js';
import { editOptions, replyOptions } from './reply.js';

type AskingInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/**
 * Discord enforces the maximum length in its client, but an old registration or another client may not: check here
 * too, before deferring, so the refusal can be ephemeral.
 */
export function questionProblem(question: string): QuestionError | null {
  const trimmed = question.trim();
  if (trimmed.length === 0) return { code: 'empty', message: 'Please ask a question: the question was empty.' };
  if (trimmed.length > MAX_QUESTION_LENGTH) {
    return {
      code: 'too_long',
      message: `Questions are limited to ${MAX_QUESTION_LENGTH} characters (this one has ${trimmed.length}).`,
    };
  }
  return null;
}

/** User, role and channel mentions and @everyone/@here carry no meaning for the search; drop them. */
export function withoutMentions(question: string): string {
  return question.replace(/<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Refusals come first and privately, none of them costing the member their cooldown: the wrong channel, then a
 * question that cannot be asked; then the cooldown itself.
 */
export async function answerInDiscord(
  interaction: AskingInteraction,
  question: string,
  options: { ephemeral: boolean },
  context: CommandContext,
): Promise<void> {
  if (!channelAllowed(interaction, context.allowedChannelIds)) {
    context.logger.info({ channelId: interaction.channelId }, 'question refused: channel not allowed');
    await interaction.reply(replyOptions(renderChannelNotice(context.allowedChannelIds), { ephemeral: true }));
    return;
  }
  const problem = questionProblem(question);
  if (problem) {
    context.logger.info({ problem: problem.code }, 'question refused');
    await interaction.reply(replyOptions(renderQuestionError(problem), { ephemeral: true }));
    return;
  }
  const now = context.now();
  const cooldown = context.cooldown.take(interaction.user.id, now);
  if (!cooldown.allowed) {
    context.logger.info({ retryInMs: cooldown.retryAt - now }, 'question refused: cooldown');
    await interaction.reply(replyOptions(renderCooldownNotice(cooldown.retryAt, now), { ephemeral: true }));
    return;
  }
  // Acknowledge first: the Discord window is 3 seconds, and answering takes a while (off this thread in the running bot).
  await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const started = Date.now();
  const outcome = await context.answerer.ask(withoutMentions(question));
  const askMs = Date.now() - started;
  if (!outcome.ok) {
    context.logger.info({ problem: outcome.error.code }, 'question refused by the engine');
    await interaction.editReply(editOptions(renderQuestionError(outcome.error)));
    return;
  }
  const { answer } = outcome;
  const answerId = interaction.id;
  try {
    await context.feedback.recordAnswer({
      answerId,
      question: answer.question,
      status: answer.status,
      sources: answer.quotes.map((quote) => quote.source.id),
      guildId: interaction.guildId,
      channelId: interaction.channelId,
    });
  } catch (error) {
    // The member still gets the answer; only /insights misses this question.
    context.logger.error({ err: error }, 'could not store the question for /insights');
  }
  const sources = new Map(context.quoth.info().sources.map((summary) => [summary.source.id, summary.source]));
  const components = answerButtons(answerId, {
    noAnswer: answer.status === 'no_answer',
    shareable: options.ephemeral && interaction.inGuild(),
  });
  await interaction.editReply(editOptions(renderAnswer(answer, { sources }), { components }));
  context.logger.info(
    { status: answer.status, quotes: answer.quotes.length, conflicts: answer.conflicts.length, askMs, ephemeral: options.ephemeral },
    'question answered',
  );
}
