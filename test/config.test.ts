import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('MAX_FILE_MB', () => {
  it('defaults to 20 MB and reads a number of megabytes (MiB)', () => {
    expect(loadConfig({}).maxFileBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ MAX_FILE_MB: '' }).maxFileBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ MAX_FILE_MB: '5' }).maxFileBytes).toBe(5 * 1024 * 1024);
    expect(loadConfig({ MAX_FILE_MB: '0.5' }).maxFileBytes).toBe(512 * 1024);
  });

  it('names a value that is not a positive number of megabytes', () => {
    expect(() => loadConfig({ MAX_FILE_MB: 'lots' })).toThrow('MAX_FILE_MB: must be a number of megabytes');
    expect(() => loadConfig({ MAX_FILE_MB: '0' })).toThrow('MAX_FILE_MB: must be more than 0');
    expect(() => loadConfig({ MAX_FILE_MB: '-3' })).toThrow('MAX_FILE_MB: must be more than 0');
  });
});

describe('Discord usage settings', () => {
  it('defaults: answers in every channel, a 5-second cooldown, feedback in ./data', () => {
    const config = loadConfig({});
    expect(config.allowedChannelIds).toEqual([]);
    expect(config.askCooldownMs).toBe(5000);
    expect(config.dataDir).toBe('data');
  });

  it('reads the channel allow-list, the cooldown (0 turns it off) and the data folder', () => {
    const config = loadConfig({
      ALLOWED_CHANNEL_IDS: '123456789012345678, 223456789012345678',
      ASK_COOLDOWN_SECONDS: '0',
      DATA_DIR: '/var/lib/quoth',
    });
    expect(config.allowedChannelIds).toEqual(['123456789012345678', '223456789012345678']);
    expect(config.askCooldownMs).toBe(0);
    expect(config.dataDir).toBe('/var/lib/quoth');
    expect(loadConfig({ ASK_COOLDOWN_SECONDS: '2.5' }).askCooldownMs).toBe(2500);
  });

  it('names a bad channel id or cooldown', () => {
    expect(() => loadConfig({ ALLOWED_CHANNEL_IDS: 'general' })).toThrow('ALLOWED_CHANNEL_IDS.0: must be a Discord id (17–20 digits)');
    expect(() => loadConfig({ ASK_COOLDOWN_SECONDS: 'soon' })).toThrow('ASK_COOLDOWN_SECONDS: must be a number of seconds');
    expect(() => loadConfig({ ASK_COOLDOWN_SECONDS: '-1' })).toThrow('ASK_COOLDOWN_SECONDS: must be 0 (off) or more');
  });
});

describe('SHARDS', () => {
  it('is one process when unset, a sharding manager for auto or a number', () => {
    expect(loadConfig({}).sharding).toEqual({ role: 'single' });
    expect(loadConfig({ SHARDS: 'auto' }).sharding).toEqual({ role: 'manager', shards: 'auto' });
    expect(loadConfig({ SHARDS: ' 4 ' }).sharding).toEqual({ role: 'manager', shards: 4 });
  });

  it('reads a process spawned by the ShardingManager as that shard (SHARDS is then its id)', () => {
    expect(loadConfig({ SHARDING_MANAGER: 'true', SHARDS: '0', SHARD_COUNT: '2' }).sharding).toEqual({ role: 'shard', shardId: 0, shardCount: 2 });
  });

  it('names a bad shard count', () => {
    expect(() => loadConfig({ SHARDS: 'many' })).toThrow('SHARDS: must be auto or a whole number of shards');
    expect(() => loadConfig({ SHARDS: '0' })).toThrow('SHARDS: must be auto or from 1 to 4096');
  });
});
