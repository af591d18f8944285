import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SEEDS_DIR } from './helpers.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin?: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli.ts'), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1', DISCORD_TOKEN: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

describe('the command line', () => {
  let root: string;
  let folders: string[];
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'quoth-cli-'));
    await cp(SEEDS_DIR, path.join(root, 'seeds'), { recursive: true });
    folders = ['--seeds', path.join(root, 'seeds'), '--index', path.join(root, 'index')];
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('answers questions from stdin with one JSON object a line, in order', async () => {
    const run = await cli(['ask', ...folders, '--json', '-'], 'How many missiles were fired?\nWhat is the capital of France?\n');
    expect(run.code).toBe(0);
    const replies = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(replies.map((reply) => [reply.question, reply.status])).toEqual([
      ['How many missiles were fired?', 'answered'],
      ['What is the capital of France?', 'no_answer'],
    ]);
    expect(replies[0]).toMatchObject({ answer: '11 missiles', conflicts: [] });
    expect(run.stderr).toMatch(/Building the index|Loaded index/);
  });

  it('prints exactly one JSON line per input line, in order: blank lines and bare CRs included', async () => {
    const input = 'Who is the mayor of Kyiv?\r\n\n   \nHow many missiles were fired?\rWhat is the capital of France?\nWho is the Kremlin spokesman?';
    const run = await cli(['ask', ...folders, '--json', '-'], input);
    expect(run.code).toBe(0);
    const replies = run.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { question: string; status: string; error?: { code: string } });
    expect(replies.map((reply) => [reply.question, reply.status === 'error' ? reply.error?.code : 'replied'])).toEqual([
      ['Who is the mayor of Kyiv?', 'replied'],
      ['', 'empty'],
      ['   ', 'empty'],
      // A bare CR is not a line end: the two questions are one line (white space collapsed in the reply).
      ['How many missiles were fired? What is the capital of France?', 'replied'],
      ['Who is the Kremlin spokesman?', 'replied'],
    ]);
  });

  it('withholds a reply that would print a configured secret, and says so on stderr', async () => {
    const secret = 'Klitschko, 14 people were hospitalised';
    const run = await cli(['ask', ...folders, '--json', 'Who is the mayor of Kyiv?'], undefined, { QUOTH_TEST_API_KEY: secret });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(secret.slice(0, 24));
    expect(run.stdout).toContain('Quoth withheld this text');
    expect(run.stderr).toContain('withheld reply text that contained a configured secret');
  });

  it('prints a readable reply with the quote and its source', async () => {
    const run = await cli(['ask', ...folders, 'Who is the mayor of Kyiv?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Answer: Vitali Klitschko');
    expect(run.stdout).toContain('“According to Kyiv mayor Vitali Klitschko, 14 people were hospitalised.”');
    expect(run.stdout).toContain('Metro');
  });

  it('rejects an empty question with a clear message and exit code 2', async () => {
    const run = await cli(['ask', ...folders, '   ']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the text is empty');
  });

  it('refuses a slip the suite does not know, naming the ones it does', async () => {
    const run = await cli(['eval', '--suite', '--slips', 'shuffle']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--slips takes one of swap, drop, lower, not "shuffle"');
  });

  it('names a missing seeds folder', async () => {
    const run = await cli(['ask', '--seeds', path.join(root, 'nowhere'), '--index', path.join(root, 'index2'), 'Who?']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`seeds folder not found: ${path.join(root, 'nowhere')}`);
  });

  it('answers from the saved index, with a warning, when the seeds folder is missing', async () => {
    const seeds = path.join(root, 'seeds-then-gone');
    const index = path.join(root, 'index-kept');
    await cp(SEEDS_DIR, seeds, { recursive: true });
    expect((await cli(['index', '--seeds', seeds, '--index', index])).code).toBe(0);
    await rm(seeds, { recursive: true });
    for (const command of [['ask', 'Who is the mayor of Kyiv?'], ['sources']]) {
      const run = await cli([command[0]!, '--seeds', seeds, '--index', index, ...command.slice(1)]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/warning: Quoth: seeds folder not found: .*answering from the saved index/);
    }
    expect((await cli(['index', '--seeds', seeds, '--index', index])).code).toBe(2);
  });

  it('does not replace the index of another folder to answer from the seeds: it says whose index it is, and keeps it', async () => {
    const other = path.join(root, 'other-folder');
    const index = path.join(root, 'index-of-other');
    await mkdir(other);
    await writeFile(path.join(other, 'harbour.txt'), 'The harbour of Fjordby reopened on Monday after a storm closed it for three days.\n');
    expect((await cli(['index', '--seeds', other, '--index', index])).code).toBe(0);
    for (const command of [['ask', 'When did the harbour reopen?'], ['sources']]) {
      const run = await cli([command[0]!, '--seeds', path.join(root, 'seeds'), '--index', index, ...command.slice(1)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${index} holds the index of ${other} (1 file)`);
      expect(run.stderr).toContain(`--seeds ${other}`);
    }
    // Still that folder's index, loaded as it was saved.
    const asked = await cli(['ask', '--seeds', other, '--index', index, '--json', 'When did the harbour of Fjordby reopen?']);
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stderr).toContain('Loaded index');
    expect((JSON.parse(asked.stdout) as { status: string }).status).toBe('answered');
    // Indexing the seeds into it replaces it, as asked.
    expect((await cli(['index', ...folders.slice(0, 2), '--index', index])).code).toBe(0);
  });

  it('reports the boilerplate it removed, not the headings it kept as the sections of their passages', async () => {
    const seeds = path.join(root, 'seeds-with-headings');
    await mkdir(seeds);
    await writeFile(
      path.join(seeds, 'guide.html'),
      '<html><head><title>Guide</title></head><body><h1>Guide</h1><h2>Install</h2><p>Run the installer once.</p><p>All rights reserved.</p></body></html>',
    );
    const run = await cli(['index', '--seeds', seeds, '--index', path.join(root, 'index-with-headings')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Removed as boilerplate:');
    expect(run.stdout).toMatch(/guide\.html: copyright notice\n/);
    expect(run.stdout).not.toMatch(/[:;] heading/);
  });

  it('says what a rebuild changed: files added, changed and removed, files read, passages that came and went', async () => {
    const seeds = path.join(root, 'seeds-changing');
    const index = path.join(root, 'index-changing');
    await cp(SEEDS_DIR, seeds, { recursive: true });
    expect((await cli(['index', '--seeds', seeds, '--index', index])).code).toBe(0);
    await writeFile(path.join(seeds, 'harbour.txt'), 'The harbour of Fjordby reopened on Monday after a storm closed it for three days.\n');
    const run = await cli(['index', '--seeds', seeds, '--index', index]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Since the saved index: 1 added, 0 changed, 0 removed, 0 skipped \(1 files? read, \d+ hashed\); \d+ passages \(\+1 −0\)/);
  });

  it('lists the sources as JSON', async () => {
    const run = await cli(['sources', ...folders, '--json']);
    const info = JSON.parse(run.stdout) as { sources: { source: { id: string; outlet: string | null } }[] };
    expect(info.sources.map((entry) => entry.source.id)).toHaveLength(5);
    expect(info.sources.find((entry) => entry.source.id === '003_8ae3a1aae92a0510')?.source.outlet).toBe('Capital News');
  });
});
