import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { SecretScreen, WITHHELD } from '../src/secrets.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhJkLm.Zq9-xY_wVutSrQpOnMlKjIhGfEdCbA0123456789';

describe('SecretScreen', () => {
  const screen = new SecretScreen([TOKEN, 'hunter2hunter2', undefined, 'short']);

  it('finds a secret whole, or a 24-character piece of it (a quote cut short)', () => {
    expect(screen.leaks(`the token is ${TOKEN}.`)).toBe(true);
    expect(screen.leaks(`…${TOKEN.slice(10, 34)}…`)).toBe(true);
    expect(screen.leaks('my password is hunter2hunter2')).toBe(true);
    expect(screen.leaks(TOKEN.slice(0, 23))).toBe(false);
    expect(screen.leaks('a short word')).toBe(false);
  });

  it('replaces only the strings of a JSON value that leak, and counts them', () => {
    const { value, withheld } = screen.json({ a: ['fine', `x ${TOKEN}`], b: { c: 'hunter2hunter2', d: 3, e: null } });
    expect(value).toEqual({ a: ['fine', WITHHELD], b: { c: WITHHELD, d: 3, e: null } });
    expect(withheld).toBe(2);
  });

  it('passes everything through when no secret is configured', () => {
    expect(new SecretScreen([]).text(TOKEN)).toEqual({ text: TOKEN, withheld: false });
  });
});

describe('configured secrets', () => {
  it('are the token and every variable named like a secret, never other values', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, OPENAI_API_KEY: 'sk-abcdefgh', DB_PASSWORD: 'pw-1234567', SEEDS_DIR: 'articles', HOME: '/root' });
    expect(config.secrets.sort()).toEqual([TOKEN, 'pw-1234567', 'sk-abcdefgh'].sort());
  });
});
