/** /insights [days:<1–90>] — moderators see the questions that went unanswered or got a 👎, grouped, paged, privately. */
import {
  ButtonStyle,
  ComponentType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { insightGroups } from '../src/feedback/insights.js';
import type { CommandContext } from '../src/discord/command.js';
import { interactionModeratorAccess } from '../src/discord/permissions.js';
import { editOptions, replyOptions, type Components } from '../src/discord/reply.js';
import { renderInsightsPage } from '../src/render/discord.js';

export const DEFAULT_DAYS = 7;

export const data = new SlashCommandBuilder()
  .setName('insights')
  .setDescription('Questions that got no answer or a 👎 lately: what to add to the articles next (moderators).')
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addIntegerOption((option) =>
    option.setName('days').setDescription(`How many days back to look (default ${DEFAULT_DAYS})`).setMinValue(1).setMaxValue(90),
  );

export const REFUSAL =
  'Only moderators can see insights: you need the Manage Server or Administrator permission, or a moderator role.';

/** Button custom ids: `insights:<prev|next>:<page>:<days>:<caller id>`. */
const BUTTON = /^insights:(prev|next):(\d+):(\d+):(\d+)$/;

function pageButtons(page: number, pageCount: number, days: number, ownerId: string): Components {
  if (pageCount <= 1) return [];
  const button = (direction: 'prev' | 'next', label: string, target: number, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: `insights:${direction}:${target}:${days}:${ownerId}`,
    disabled,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button('prev', 'Previous', Math.max(0, page - 1), page === 0),
        button('next', 'Next', Math.min(pageCount - 1, page + 1), page >= pageCount - 1),
      ],
    },
  ];
}

function pageFor(context: CommandContext, guildId: string | null, days: number, page: number) {
  const since = new Date(context.now() - days * 86_400_000).toISOString();
  return renderInsightsPage(insightGroups(context.feedback.ledger.answersSince(since, guildId)), days, page);
}

export async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void> {
  // The default permission above can be overridden by guild admins, so check the member's own bitfield again.
  const access = interactionModeratorAccess(interaction, context.moderatorRoleIds);
  if (!access.allowed) {
    context.logger.warn('insights refused: not a moderator');
    await interaction.reply(replyOptions({ content: REFUSAL, embeds: [] }, { ephemeral: true }));
    return;
  }
  const days = interaction.options.getInteger('days') ?? DEFAULT_DAYS;
  const page = pageFor(context, interaction.guildId, days, 0);
  context.logger.info({ via: access.via, days }, 'insights shown');
  await interaction.reply(
    replyOptions({ embeds: [page.embed] }, { ephemeral: true, components: pageButtons(page.page, page.pageCount, days, interaction.user.id) }),
  );
}

export async function button(interaction: ButtonInteraction, context: CommandContext): Promise<void> {
  const match = BUTTON.exec(interaction.customId);
  const access = interactionModeratorAccess(interaction, context.moderatorRoleIds);
  if (!match || match[4] !== interaction.user.id || !access.allowed) {
    await interaction.reply(replyOptions({ content: 'Run /insights yourself to browse the questions.', embeds: [] }, { ephemeral: true }));
    return;
  }
  const days = Number(match[3]);
  const page = pageFor(context, interaction.guildId, days, Number(match[2]));
  await interaction.update(editOptions({ embeds: [page.embed] }, { components: pageButtons(page.page, page.pageCount, days, interaction.user.id) }));
}
