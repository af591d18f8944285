/** The channel allow-list (`ALLOWED_CHANNEL_IDS`): where members may ask Quoth. */
import type { Interaction } from 'discord.js';

/**
 * Whether questions are answered where this interaction happened: everywhere when the list is empty; otherwise in a
 * listed channel or a thread of one. Direct messages are not channels of the server, so a list shuts them out.
 */
export function channelAllowed(interaction: Interaction, allowedChannelIds: readonly string[]): boolean {
  if (allowedChannelIds.length === 0) return true;
  if (interaction.channelId !== null && allowedChannelIds.includes(interaction.channelId)) return true;
  const channel = interaction.channel;
  return channel !== null && channel.isThread() && channel.parentId !== null && allowedChannelIds.includes(channel.parentId);
}
