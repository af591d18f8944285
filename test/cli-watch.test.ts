/** `npm run index -- --watch` as a user runs it: a child process that reindexes on changes until SIGTERM. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REPO_ROOT, SEEDS_DIR } from './helpers.js';

describe('npm run index -- --watch', () => {
  it('builds, then reindexes an added file once changes settle, logging it once, until SIGTERM', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'quoth-cli-watch-'));
    try {
      const seedsDir = path.join(root, 'seeds');
      await cp(SEEDS_DIR, seedsDir, { recursive: true });
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'index', '--seeds', seedsDir, '--index', path.join(root, 'index'), '--watch'], {
        cwd: REPO_ROOT,
        env: { ...process.env, NO_COLOR: '1', DISCORD_TOKEN: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.resume();
      const exit = once(child, 'exit');
      try {
        await vi.waitFor(() => expect(stderr).toContain(`Watching ${seedsDir} for changes`), { timeout: 30_000, interval: 50 });
        await writeFile(path.join(seedsDir, 'festival.txt'), 'Harbour festival\n\n2025-07-12\n\nThe harbour festival drew forty-two thousand visitors.');
        await vi.waitFor(() => expect(stderr).toMatch(/Reindexed: 1 added/), { timeout: 30_000, interval: 50 });
        expect(stderr.match(/Seeds: festival\.txt/g)).toHaveLength(1);
      } finally {
        child.kill('SIGTERM');
      }
      const [code] = await exit;
      expect(code).toBe(0);
      expect(stderr).toContain('Stopped watching (SIGTERM)');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
