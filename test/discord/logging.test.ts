import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger, logProcessFaults } from '../../src/log.js';
import { LogSink } from './harness.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDe.secret-part-of-the-bot-token';

describe('createLogger', () => {
  it('writes one JSON object a line with level, time and message', () => {
    const sink = new LogSink();
    createLogger('info', { destination: sink }).info({ command: 'ask' }, 'interaction handled');
    expect(sink.entries).toEqual([expect.objectContaining({ level: 30, msg: 'interaction handled', command: 'ask', app: 'quoth', time: expect.any(Number) })]);
  });

  it('redacts token fields and scrubs the token and interaction tokens from every line', () => {
    const sink = new LogSink();
    const logger = createLogger('debug', { secrets: [TOKEN], destination: sink });
    logger.info({ token: 'abc', config: { discordToken: TOKEN }, headers: { authorization: `Bot ${TOKEN}` } }, 'config');
    logger.error({ err: new Error(`request failed with ${TOKEN}`) }, 'boom');
    logger.warn({ url: 'https://discord.com/api/v10/interactions/1234567890/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQ/callback' }, 'rest');
    const text = sink.text();
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQ');
    expect(text).toContain('/interactions/1234567890/[Redacted]/callback');
    expect(sink.entries[0]).toMatchObject({ token: '[Redacted]', config: { discordToken: '[Redacted]' }, headers: { authorization: '[Redacted]' } });
    expect(sink.entries[1]).toMatchObject({ err: { message: 'request failed with [Redacted]' } });
  });

  it('respects the level', () => {
    const sink = new LogSink();
    const logger = createLogger('warn', { destination: sink });
    logger.info('hidden');
    logger.warn('shown');
    expect(sink.entries.map((entry) => entry.msg)).toEqual(['shown']);
  });
});

describe('logProcessFaults', () => {
  it('logs an unhandled rejection and keeps running; logs an uncaught exception as fatal and exits 1', () => {
    const sink = new LogSink();
    const target = new EventEmitter();
    const exits: number[] = [];
    const uninstall = logProcessFaults(createLogger('info', { destination: sink }), target, (code) => exits.push(code));
    target.emit('unhandledRejection', new Error('REST 500'));
    expect(exits).toEqual([]);
    target.emit('uncaughtException', new Error('bug'));
    expect(exits).toEqual([1]);
    expect(sink.entries.map((entry) => [entry.level, entry.msg, (entry.err as { message: string }).message])).toEqual([
      [50, 'unhandled promise rejection; still running', 'REST 500'],
      [60, 'uncaught exception; exiting', 'bug'],
    ]);
    uninstall();
    expect(target.listenerCount('unhandledRejection') + target.listenerCount('uncaughtException')).toBe(0);
  });
});
