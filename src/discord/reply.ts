/** Message options every reply goes through: no mention can ever ping, and ephemerality is explicit. */
import { MessageFlags, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord.js';
import type { RenderedMessage } from '../render/discord.js';

/** Nothing in a Quoth message pings anyone: not @everyone, a role, or a user. Also the client-wide default. */
export const NO_MENTIONS = { parse: [] as [] };

export type Components = APIActionRowComponent<APIComponentInMessageActionRow>[];

/** Options for `reply` / `followUp` (first message of an interaction, or an extra one). */
export function replyOptions(message: RenderedMessage, options: { ephemeral: boolean; components?: Components }) {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: options.components ?? [],
    allowedMentions: NO_MENTIONS,
    ...(options.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/** Options for `editReply` / `update` (ephemerality was fixed when the reply was created or deferred). */
export function editOptions(message: RenderedMessage, options: { components?: Components } = {}) {
  return {
    content: message.content ?? '',
    embeds: message.embeds,
    components: options.components ?? [],
    allowedMentions: NO_MENTIONS,
  };
}
