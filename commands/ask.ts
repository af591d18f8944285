/** /ask question:<text> [private:<bool>] — the answer as verbatim quotes with their sources. */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { CommandContext } from '../src/discord/command.js';
import { editOptions, replyOptions } from '../src/discord/reply.js';
import { renderAnswer, renderQuestionError } from '../src/render/discord.js';
import { MAX_QUESTION_LENGTH, type QuestionError } from '../src/service.js';

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
  .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer'));

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

export async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  const problem = questionProblem(question);
  if (problem) {
    context.logger.info({ problem: problem.code }, 'question refused');
    await interaction.reply(replyOptions(renderQuestionError(problem), { ephemeral: true }));
    return;
  }
  // Acknowledge first: the Discord window is 3 seconds and `ask` runs synchronously.
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const started = Date.now();
  const outcome = context.quoth.ask(withoutMentions(question));
  const askMs = Date.now() - started;
  if (!outcome.ok) {
    context.logger.info({ problem: outcome.error.code }, 'question refused by the engine');
    await interaction.editReply(editOptions(renderQuestionError(outcome.error)));
    return;
  }
  const { answer } = outcome;
  const sources = new Map(context.quoth.info().sources.map((summary) => [summary.source.id, summary.source]));
  await interaction.editReply(editOptions(renderAnswer(answer, { sources })));
  context.logger.info(
    { status: answer.status, quotes: answer.quotes.length, conflicts: answer.conflicts.length, askMs, ephemeral },
    'question answered',
  );
}
