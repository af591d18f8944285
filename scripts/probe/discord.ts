/**
 * The bot under Discord faults, through the loopback Discord of the tests (test/discord/double.ts): REST 500s on the
 * interaction callback and on the reply's edit, rate limits (429 with `retry-after`) on the edit, gateway connections
 * dropped without a close frame, a wrong token. Every /ask must end in a reply or an ephemeral error, the bot must
 * reconnect and keep serving, and the token must never reach the log.
 */
import { BotStartError, verifyToken } from '../../src/discord/client.js';
import type { Quoth } from '../../src/service.js';
import { startHarness } from '../../test/discord/harness.js';
import type { Tally } from './trials.js';

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
const ORIGINAL = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/;
const QUESTIONS = ['Who is the mayor of Kyiv?', 'How many missiles were fired?', 'What is the capital of France?', 'Who is the NATO Secretary-General?'];

export async function probeDiscord(tally: Tally, quoth: Quoth, trials: number, random: () => number): Promise<void> {
  const harness = await startHarness(quoth);
  try {
    const outcomes = { answered: 0, errorShown: 0, faults: 0, rateLimited: 0, drops: 0 };
    for (let i = 0; i < trials; i++) {
      // The second and third trials always follow a gateway drop and a rate limit, so even a quick run covers both.
      const fault = i === 1 ? 0.67 : i === 2 ? 0.6 : random();
      const question = QUESTIONS[i % QUESTIONS.length]!;
      let name = question;
      if (fault < 0.25) {
        harness.double.failNext('POST', CALLBACK, 1);
        name += ' (callback 500 once)';
      } else if (fault < 0.5) {
        harness.double.failNext('PATCH', ORIGINAL, 1 + Math.floor(random() * 4));
        name += ' (edit 500, 1–4 times)';
      } else if (fault < 0.65) {
        harness.double.failNext('PATCH', ORIGINAL, 1 + Math.floor(random() * 2), 429);
        name += ' (edit rate-limited, 1–2 times)';
        outcomes.rateLimited += 1;
      } else if (fault < 0.7) {
        harness.double.dropGateway();
        name += ' (after a gateway drop)';
        outcomes.drops += 1;
      }
      if (fault < 0.7) outcomes.faults += 1;
      await tally.run(name, async () => {
        if (!harness.double.hasSession) {
          try {
            await harness.double.waitForSession(60_000);
          } catch {
            return 'the bot did not reconnect to the gateway within 60 s';
          }
        }
        const interaction = harness.double.sendCommand('ask', { question });
        const result = await harness.double.waitForResponse(interaction, 30_000);
        if (result.message && result.followUps.length === 0) outcomes.answered += 1;
        else if (result.followUps.length > 0) outcomes.errorShown += 1;
        else return 'no reply and no error';
        return undefined;
      });
    }
    await tally.run('the token never reaches the log', () => {
      const text = harness.logs.text();
      return harness.double.token.split('.').some((part) => text.includes(part)) ? 'a part of the token was logged' : undefined;
    });
    await tally.run('a wrong token is refused at once', async () => {
      const started = performance.now();
      try {
        await verifyToken({ discordToken: 'wrong.token.value', discordApiBase: harness.double.apiBase });
      } catch (error) {
        if (!(error instanceof BotStartError) || !/invalid token/u.test(error.message)) return `unexpected: ${(error as Error).message}`;
        return performance.now() - started > 5000 ? 'took more than 5 s' : undefined;
      }
      return 'accepted';
    });
    tally.notes.push(
      `${trials} /ask, ${outcomes.faults} under faults (REST 500s, ${outcomes.rateLimited} rate-limited, ${outcomes.drops} after a gateway drop): ` +
        `${outcomes.answered} answered, ${outcomes.errorShown} ended in an ephemeral error with an id`,
    );
  } finally {
    await harness.stop();
  }
}
