import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, type APIMessage } from 'discord.js';
import { startHarness, type Harness } from './harness.js';
import { TestEngine } from './test-engine.js';

const SEEDS = new URL('../../seeds', import.meta.url).pathname;
const ALICE = { user: { id: '310000000000000001', username: 'alice' } };

function text(message: APIMessage | null): string {
  if (!message) return '';
  return [message.content, ...message.embeds.flatMap((embed) => [embed.title, embed.description, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])])]
    .filter(Boolean)
    .join('\n');
}

describe('Quoth bot through the loopback Discord', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness(new TestEngine(SEEDS));
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('answers /ask with an embed of verbatim quotes', async () => {
    const interaction = harness.double.sendCommand('ask', { question: 'How many drones did Russia launch at Ukraine overnight?' }, ALICE);
    const { message } = await harness.double.waitForResponse(interaction);
    expect(message).not.toBeNull();
    expect((message?.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(text(message)).toMatch(/550 drones/);
    const requests = harness.double.requestsFor(interaction);
    expect(requests.map((request) => `${request.method} ${request.status}`)).toEqual(['POST 204', 'PATCH 200']);
  });
});
