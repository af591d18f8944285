/** /reindex — moderators rebuild the index from the seeds folder; /ask keeps answering from the old one meanwhile. */
import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { CommandContext } from '../src/discord/command.js';
import { interactionModeratorAccess } from '../src/discord/permissions.js';
import { publicReindexReason } from '../src/discord/reasons.js';
import { editOptions, replyOptions } from '../src/discord/reply.js';
import { renderReindexFailure, renderReindexReport } from '../src/render/discord.js';

export const data = new SlashCommandBuilder()
  .setName('reindex')
  .setDescription('Rebuild the index from the seeds folder (moderators).')
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);

export const REFUSAL =
  'Only moderators can rebuild the index: you need the Manage Server or Administrator permission, or a moderator role.';

export async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void> {
  // The default permission above can be overridden by guild admins, so check the member's own bitfield again.
  const access = interactionModeratorAccess(interaction, context.moderatorRoleIds);
  if (!access.allowed) {
    context.logger.warn('reindex refused: not a moderator');
    await interaction.reply(replyOptions({ content: REFUSAL, embeds: [] }, { ephemeral: true }));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  context.logger.info({ via: access.via }, 'reindex started');
  try {
    const report = await context.quoth.reindex();
    context.logger.info(
      {
        added: report.added.length,
        changed: report.changed.length,
        removed: report.removed.length,
        skipped: report.skipped.length,
        passages: report.passages,
        durationMs: report.durationMs,
      },
      'reindex finished',
    );
    await interaction.editReply(editOptions(renderReindexReport(report)));
  } catch (error) {
    context.logger.error({ err: error }, 'reindex failed; the previous index is still serving');
    await interaction.editReply(editOptions(renderReindexFailure(publicReindexReason(error))));
  }
}
