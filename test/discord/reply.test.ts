import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { editOptions, replyOptions } from '../../src/discord/reply.js';

describe('reply options', () => {
  it('carry allowedMentions parse [] on every message, not only as the client default', () => {
    const message = { content: '@everyone hi', embeds: [] };
    expect(replyOptions(message, { ephemeral: false }).allowedMentions).toEqual({ parse: [] });
    expect(replyOptions(message, { ephemeral: true }).allowedMentions).toEqual({ parse: [] });
    expect(editOptions(message).allowedMentions).toEqual({ parse: [] });
  });

  it('make replies ephemeral only when asked, and clear content and components on edit', () => {
    expect(replyOptions({ embeds: [] }, { ephemeral: true }).flags).toBe(MessageFlags.Ephemeral);
    expect(replyOptions({ embeds: [] }, { ephemeral: false })).not.toHaveProperty('flags');
    expect(editOptions({ embeds: [{ title: 't' }] })).toEqual({ content: '', embeds: [{ title: 't' }], components: [], allowedMentions: { parse: [] } });
  });
});
