import { Client, type User } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { clientOptions } from '../../src/discord/client.js';

describe('clientOptions', () => {
  const options = clientOptions({ discordToken: 'x', discordApplicationId: undefined, discordApiBase: undefined, moderatorRoleIds: [] });

  it('does not hold replies to 50 requests a second: interaction endpoints are outside Discord’s global limit', () => {
    expect(options.rest?.globalRequestsPerSecond).toBe(Number.POSITIVE_INFINITY);
    expect(options.rest?.handlerSweepInterval).toBeLessThanOrEqual(60_000);
  });

  it('keeps at most 1,000 users in the cache, however many members ask', () => {
    const client = new Client(options);
    try {
      // What discord.js does with the user of every interaction it receives.
      const users = client.users as unknown as { _add(data: unknown): User };
      for (let index = 0; index < 1500; index += 1) {
        users._add({ id: String(100000000000000000n + BigInt(index)), username: `member${index}`, discriminator: '0', global_name: null, avatar: null });
      }
      expect(client.users.cache.size).toBe(1000);
      expect((client.users.cache.first() as User).username).toBe('member500');
    } finally {
      void client.destroy();
    }
  });
});
