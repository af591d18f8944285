/**
 * Who may run moderator commands. `setDefaultMemberPermissions(ManageGuild)` only sets a default that guild admins
 * can override per role or channel, so handlers check again from the invoking member's own permission bitfield.
 */
import { GuildMember, PermissionFlagsBits, type Interaction } from 'discord.js';

export type ModeratorAccess =
  | { allowed: true; via: 'administrator' | 'manage_guild' | 'moderator_role' }
  | { allowed: false };

/**
 * Decides from plain data: the member's permission bitfield in this channel (as Discord sends it with the
 * interaction), the member's role ids, and the configured moderator role ids.
 */
export function moderatorAccess(
  permissions: bigint | null,
  roleIds: readonly string[],
  moderatorRoleIds: readonly string[],
): ModeratorAccess {
  if (permissions !== null) {
    if ((permissions & PermissionFlagsBits.Administrator) === PermissionFlagsBits.Administrator) {
      return { allowed: true, via: 'administrator' };
    }
    if ((permissions & PermissionFlagsBits.ManageGuild) === PermissionFlagsBits.ManageGuild) {
      return { allowed: true, via: 'manage_guild' };
    }
  }
  if (moderatorRoleIds.length > 0 && roleIds.some((id) => moderatorRoleIds.includes(id))) {
    return { allowed: true, via: 'moderator_role' };
  }
  return { allowed: false };
}

/** The invoking member's role ids, whether discord.js resolved the member or left the raw API object. */
export function memberRoleIds(interaction: Interaction): string[] {
  const member = interaction.member;
  if (member === null) return [];
  if (member instanceof GuildMember) return [...member.roles.cache.keys()];
  return [...member.roles];
}

/** Moderator check for an interaction; outside a guild (DMs) nobody is a moderator. */
export function interactionModeratorAccess(interaction: Interaction, moderatorRoleIds: readonly string[]): ModeratorAccess {
  if (!interaction.inGuild()) return { allowed: false };
  return moderatorAccess(interaction.memberPermissions?.bitfield ?? null, memberRoleIds(interaction), moderatorRoleIds);
}
