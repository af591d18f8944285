/** /sources [source:<id>] — what is indexed, paged with buttons only the caller can press; or one source's details. */
import {
  ApplicationIntegrationType,
  ButtonStyle,
  ComponentType,
  InteractionContextType,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { SourceSummary } from '../src/model.js';
import { channelAllowed } from '../src/discord/channels.js';
import type { CommandContext } from '../src/discord/command.js';
import { editOptions, replyOptions, type Components } from '../src/discord/reply.js';
import {
  renderChannelNotice,
  renderSourceDetails,
  renderSourcesPage,
  renderUnknownSource,
  SOURCES_PAGE_SIZE,
} from '../src/render/discord.js';

export const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('List the articles Quoth answers from, or show one of them.')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .addStringOption((option) =>
    option.setName('source').setDescription('Show one source in detail (id or title)').setAutocomplete(true).setMaxLength(200),
  );

/** Button custom ids: `sources:<prev|next>:<page>:<caller id>`. */
const BUTTON = /^sources:(prev|next):(\d+):(\d+)$/;

function pageButtons(page: number, pageCount: number, ownerId: string): Components {
  if (pageCount <= 1) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: 'Previous',
          custom_id: `sources:prev:${Math.max(0, page - 1)}:${ownerId}`,
          disabled: page === 0,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: 'Next',
          custom_id: `sources:next:${Math.min(pageCount - 1, page + 1)}:${ownerId}`,
          disabled: page >= pageCount - 1,
        },
      ],
    },
  ];
}

/** Exact id first, then a case-insensitive match on id or title. */
export function findSource(sources: readonly SourceSummary[], query: string): SourceSummary | undefined {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return undefined;
  return (
    sources.find((summary) => summary.source.id.toLowerCase() === wanted) ??
    sources.find((summary) => (summary.source.title ?? '').toLowerCase() === wanted) ??
    sources.find(
      (summary) =>
        summary.source.id.toLowerCase().includes(wanted) || (summary.source.title ?? '').toLowerCase().includes(wanted),
    )
  );
}

export async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void> {
  if (!channelAllowed(interaction, context.allowedChannelIds)) {
    await interaction.reply(replyOptions(renderChannelNotice(context.allowedChannelIds), { ephemeral: true }));
    return;
  }
  const info = context.quoth.info();
  const query = interaction.options.getString('source');
  if (query !== null) {
    const summary = findSource(info.sources, query);
    if (!summary) {
      await interaction.reply(replyOptions(renderUnknownSource(query), { ephemeral: true }));
      return;
    }
    await interaction.reply(replyOptions({ embeds: [renderSourceDetails(summary, info)] }, { ephemeral: false }));
    return;
  }
  const page = renderSourcesPage(info, 0, SOURCES_PAGE_SIZE);
  await interaction.reply(
    replyOptions({ embeds: [page.embed] }, { ephemeral: false, components: pageButtons(page.page, page.pageCount, interaction.user.id) }),
  );
}

export async function button(interaction: ButtonInteraction, context: CommandContext): Promise<void> {
  const match = BUTTON.exec(interaction.customId);
  if (!match) {
    await interaction.reply(replyOptions({ content: 'This button no longer works.', embeds: [] }, { ephemeral: true }));
    return;
  }
  const [, , pageText, ownerId] = match;
  if (interaction.user.id !== ownerId) {
    context.logger.info({ ownerId }, 'page button refused: not the caller');
    await interaction.reply(
      replyOptions(
        { content: 'Only the person who ran /sources can turn these pages. Run /sources yourself to browse.', embeds: [] },
        { ephemeral: true },
      ),
    );
    return;
  }
  const page = renderSourcesPage(context.quoth.info(), Number(pageText), SOURCES_PAGE_SIZE);
  await interaction.update(editOptions({ embeds: [page.embed] }, { components: pageButtons(page.page, page.pageCount, ownerId) }));
}

export async function autocomplete(interaction: AutocompleteInteraction, context: CommandContext): Promise<void> {
  const typed = interaction.options.getFocused().trim().toLowerCase();
  const choices = context.quoth
    .info()
    .sources.filter(
      (summary) =>
        typed === '' || summary.source.id.toLowerCase().includes(typed) || (summary.source.title ?? '').toLowerCase().includes(typed),
    )
    .slice(0, 25)
    .map((summary) => {
      const label = [summary.source.title ?? summary.source.id, summary.source.outlet, summary.source.published]
        .filter(Boolean)
        .join(' · ');
      return { name: label.length > 100 ? `${label.slice(0, 99)}…` : label, value: summary.source.id.slice(0, 100) };
    });
  await interaction.respond(choices);
}
