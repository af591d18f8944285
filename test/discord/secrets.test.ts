/**
 * The second wall: even when a secret reaches the index (a moderator copied notes holding the token into the seeds
 * folder), no reply the bot sends to Discord carries it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITHHELD } from '../../src/secrets.js';
import { ControlledQuoth, tempSeeds, type TempSeeds } from './engine.js';
import { startHarness, type Harness } from './harness.js';

const TOKEN = `${Buffer.from('300000000000000077').toString('base64')}.GhJkLm.Zq9-xY_wVutSrQpOnMlKjIhGfEdCbA0123456789`;
const ALICE = { user: { id: '310000000000000001', username: 'alice' } };

describe('replies never carry the bot token', () => {
  let seeds: TempSeeds;
  let harness: Harness;

  beforeAll(async () => {
    seeds = tempSeeds();
    seeds.write('deploy-notes.txt', `Deployment notes\n\n2025-05-01\n\nThe bot runs on the small server. The DISCORD_TOKEN for the bot is ${TOKEN} and it must stay private.\n`);
    const quoth = await ControlledQuoth.open(seeds);
    harness = await startHarness(quoth, { double: { token: TOKEN } });
  });

  afterAll(async () => {
    await harness?.stop();
    seeds?.cleanup();
  });

  it('withholds the text that holds the token, answers the rest, and logs the hit', async () => {
    const interaction = harness.double.sendCommand('ask', { question: 'What is the DISCORD_TOKEN for the bot?' }, ALICE);
    const { message } = await harness.double.waitForResponse(interaction);
    const sent = JSON.stringify(harness.double.requestsFor(interaction).map((request) => request.body));
    expect(sent).not.toContain(TOKEN.slice(-30));
    expect(sent).not.toContain(TOKEN.slice(0, 30));
    expect(JSON.stringify(message)).toContain(WITHHELD);
    expect(harness.logs.entries.some((entry) => entry.msg === 'withheld reply text that contained a configured secret')).toBe(true);
  });

  it('leaves replies without secrets untouched', async () => {
    const interaction = harness.double.sendCommand('ask', { question: 'Who is the mayor of Kyiv?' }, ALICE);
    const { message } = await harness.double.waitForResponse(interaction);
    expect(JSON.stringify(message)).not.toContain(WITHHELD);
    expect(JSON.stringify(message)).toContain('Klitschko');
  });
});
