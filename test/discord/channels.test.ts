import { describe, expect, it } from 'vitest';
import type { Interaction } from 'discord.js';
import { channelAllowed } from '../../src/discord/channels.js';

/** Just the fields channelAllowed reads, as discord.js presents them. */
function interaction(channelId: string | null, channel: { thread: boolean; parentId: string | null } | null): Interaction {
  return {
    channelId,
    channel: channel && { isThread: () => channel.thread, parentId: channel.parentId },
  } as unknown as Interaction;
}

describe('channelAllowed', () => {
  const allowed = ['100000000000000001'];

  it('allows everywhere when the list is empty, direct messages included', () => {
    expect(channelAllowed(interaction('5', null), [])).toBe(true);
  });

  it('allows a listed channel and threads under it, not a channel whose category is listed', () => {
    expect(channelAllowed(interaction('100000000000000001', { thread: false, parentId: null }), allowed)).toBe(true);
    expect(channelAllowed(interaction('7', { thread: true, parentId: '100000000000000001' }), allowed)).toBe(true);
    expect(channelAllowed(interaction('8', { thread: false, parentId: '100000000000000001' }), allowed)).toBe(false);
  });

  it('refuses a direct message (a channel Quoth has not cached) when a list is set', () => {
    expect(channelAllowed(interaction('9', null), allowed)).toBe(false);
  });
});
