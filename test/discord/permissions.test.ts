import { describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import { moderatorAccess } from '../../src/discord/permissions.js';

const MOD_ROLE = '320000000000000009';

describe('moderatorAccess', () => {
  it('allows Manage Server and Administrator from the member’s own bitfield', () => {
    expect(moderatorAccess(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages, [], [])).toEqual({ allowed: true, via: 'manage_guild' });
    expect(moderatorAccess(PermissionFlagsBits.Administrator, [], [])).toEqual({ allowed: true, via: 'administrator' });
  });

  it('allows a configured moderator role even without the permission', () => {
    expect(moderatorAccess(PermissionFlagsBits.SendMessages, ['1', MOD_ROLE], [MOD_ROLE])).toEqual({ allowed: true, via: 'moderator_role' });
  });

  it('refuses everyone else, including Manage Messages and Manage Channels', () => {
    const close = PermissionFlagsBits.ManageMessages | PermissionFlagsBits.ManageChannels | PermissionFlagsBits.KickMembers;
    expect(moderatorAccess(close, ['1'], [MOD_ROLE])).toEqual({ allowed: false });
    expect(moderatorAccess(null, [], [])).toEqual({ allowed: false });
    expect(moderatorAccess(0n, [MOD_ROLE], [])).toEqual({ allowed: false });
  });
});
