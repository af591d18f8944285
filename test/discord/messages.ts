/** Reading what the loopback Discord holds: message text, buttons, ephemerality. */
import { MessageFlags, type APIEmbed, type APIMessage } from 'discord.js';

export function embedText(embed: APIEmbed): string {
  return [embed.title, embed.description, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]), embed.footer?.text]
    .filter(Boolean)
    .join('\n');
}

export function messageText(message: APIMessage | null | undefined): string {
  if (!message) return '';
  return [message.content, ...message.embeds.map(embedText)].filter(Boolean).join('\n');
}

export function isEphemeral(message: APIMessage | null | undefined): boolean {
  return ((message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/** The buttons of a message, as `{ custom_id, label }`. */
export function buttonsOf(message: APIMessage | null | undefined): { custom_id?: string; label?: string; disabled?: boolean }[] {
  return (message?.components ?? []).flatMap((row) =>
    'components' in row ? (row.components as { custom_id?: string; label?: string; disabled?: boolean }[]) : [],
  );
}

export function buttonId(message: APIMessage | null | undefined, label: string): string {
  const found = buttonsOf(message).find((button) => button.label === label)?.custom_id;
  if (found === undefined) throw new Error(`no "${label}" button on message ${message?.id}`);
  return found;
}
