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
