/**
 * The production install as written: the Dockerfile and the systemd unit say what the issue asks, and (with
 * QUOTH_DEPLOY_TEST=1, about 2 minutes, needs the npm registry) `npm run exercise-deploy` replays both and gets answers.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkHealth, HEARTBEAT_FILE, judgeHeartbeat } from '../../src/health.js';
import { parseDockerfile, parseUnit } from '../../scripts/exercise-deploy.js';

const run = promisify(execFile);
const REPO = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

describe('Dockerfile', () => {
  const instructions = parseDockerfile(readFileSync(path.join(REPO, 'Dockerfile'), 'utf8'));
  const all = (keyword: string) => instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

  it('builds on a Node LTS slim image with production dependencies only, then compiles', () => {
    expect(all('FROM')).toEqual([expect.stringMatching(/^node:(2[02468]|[3-9][02468])-\w+-slim$/)]);
    const runs = all('RUN').join('\n');
    expect(runs).toContain('npm ci --omit=dev');
    expect(runs).toContain('npm run build');
  });

  it('runs as the unprivileged node user, with volumes for seeds, index and data, a health check and the compiled bin', () => {
    const keywords = instructions.map((instruction) => instruction.keyword);
    expect(all('USER')).toEqual(['node']);
    expect(keywords.indexOf('USER')).toBeLessThan(keywords.indexOf('CMD'));
    expect(JSON.parse(all('VOLUME')[0] ?? '[]')).toEqual(['/seeds', '/index', '/data']);
    expect(all('ENV').join(' ')).toMatch(/SEEDS_DIR=\/seeds .*INDEX_DIR=\/index .*DATA_DIR=\/data/);
    expect(all('HEALTHCHECK')[0]).toMatch(/CMD \["node", "dist\/src\/bin\.js", "health"\]$/);
    expect(all('CMD')).toEqual(['["node", "dist/src/bin.js", "serve"]']);
    expect(pkg.bin.quoth).toBe('dist/src/bin.js');
  });
});

describe('systemd unit', () => {
  const unit = parseUnit(readFileSync(path.join(REPO, 'deploy', 'quoth.service'), 'utf8'));

  it('runs the compiled bin as an unprivileged user, restarts on failure, keeps state in its StateDirectory', () => {
    expect(unit.get('User')).toEqual(['quoth']);
    expect(unit.get('ExecStart')).toEqual(['/usr/bin/node /opt/quoth/dist/src/bin.js serve']);
    expect(unit.get('Restart')).toEqual(['on-failure']);
    expect(unit.get('StateDirectory')).toEqual(['quoth']);
    expect(unit.get('Environment')).toEqual(
      expect.arrayContaining(['SEEDS_DIR=/var/lib/quoth/seeds', 'INDEX_DIR=/var/lib/quoth/index', 'DATA_DIR=/var/lib/quoth/data']),
    );
    expect(unit.get('EnvironmentFile')).toEqual(['/etc/quoth/quoth.env']);
  });
});

describe('production install', () => {
  it('can build without dev dependencies: the compiler and the Node types are dependencies', () => {
    expect(pkg.scripts.build).toMatch(/^tsc -p tsconfig.build.json && /);
    expect(pkg.scripts.start).toBe('node dist/src/main.js');
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['typescript', '@types/node']));
  });

  it.runIf(process.env.QUOTH_DEPLOY_TEST === '1')(
    'replays the Dockerfile and the systemd unit, and each install answers /ask and `quoth ask`',
    async () => {
      const tsx = path.join(REPO, 'node_modules', '.bin', 'tsx');
      const { stdout } = await run(tsx, [path.join(REPO, 'scripts', 'exercise-deploy.ts'), 'all'], { cwd: REPO, maxBuffer: 10_000_000 });
      expect(stdout).toContain('exercise-deploy all: passed');
    },
    600_000,
  );
});

describe('health check', () => {
  const now = Date.parse('2026-01-01T00:01:00.000Z');
  const beat = { at: '2026-01-01T00:00:50.000Z', ready: true, pid: 7, pingMs: 40 };

  it('is healthy with a fresh, ready heartbeat and says why not otherwise', () => {
    expect(judgeHeartbeat(beat, now)).toEqual({ healthy: true, detail: 'ready, heartbeat 10 s ago, gateway ping 40 ms' });
    expect(judgeHeartbeat({ ...beat, ready: false }, now)).toEqual({ healthy: false, detail: 'the Discord gateway connection is not ready' });
    expect(judgeHeartbeat({ ...beat, at: '2025-12-31T23:58:00.000Z' }, now)).toEqual({ healthy: false, detail: 'last heartbeat 180 s ago (pid 7)' });
  });

  it('reads the heartbeat file, and names a missing or damaged one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quoth-health-'));
    try {
      expect(await checkHealth(dir, now)).toMatchObject({ healthy: false, detail: expect.stringMatching(/^no heartbeat at .*heartbeat\.json/) });
      writeFileSync(path.join(dir, HEARTBEAT_FILE), '{"at":');
      expect((await checkHealth(dir, now)).detail).toMatch(/heartbeat\.json is not JSON$/);
      writeFileSync(path.join(dir, HEARTBEAT_FILE), JSON.stringify(beat));
      expect(await checkHealth(dir, now)).toMatchObject({ healthy: true });
      // `quoth health` exits 1 and says why when the bot is not running.
      rmSync(path.join(dir, HEARTBEAT_FILE));
      const tsx = path.join(REPO, 'node_modules', '.bin', 'tsx');
      const failed = await run(tsx, [path.join(REPO, 'src', 'bin.ts'), 'health'], { env: { ...process.env, DATA_DIR: dir } }).catch((error: { code: number; stdout: string }) => error);
      expect(failed).toMatchObject({ code: 1, stdout: expect.stringMatching(/^unhealthy: no heartbeat at /) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
