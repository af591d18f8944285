/**
 * npm run probe: Quoth probed from outside, as an attacker, a careless moderator and a crashing machine would.
 *
 *   npm run probe                       the full run (10,000 questions, 30 kills, 24 byte flips, a 19 MB article,
 *                                       100 /ask under Discord REST faults)
 *   npm run probe -- --quick            a short run for CI
 *   npm run probe -- --questions N --kills N --flips N --stall-mb N --discord N
 *
 * Prints a table of trials and failures; exits 1 when anything failed.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, open, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSeeds } from '../src/ingest/index.js';
import { type Library, type LibraryOptions, type OpenedLibrary, openLibraryWithReport } from '../src/library.js';
import type { Answer } from '../src/model.js';
import type { Corpus } from '../src/search/corpus.js';
import { encodeCorpus, readColumns, SCHEMA_VERSION, type Column, type EncodedCorpus } from '../src/search/envelope.js';
import { INDEXER_FILE } from '../src/indexing/codestamp.js';
import { frame, INDEX_FILE, loadSavedCorpus } from '../src/search/store.js';
import { probeDiscord } from './probe/discord.js';
import { largeArticle } from './probe/large-article.js';
import { renderTable, Tally } from './probe/trials.js';

/** Libraries a trial opened: each keeps an index worker (and its copy of the index) until it is closed. */
const openedLibraries: Library[] = [];

async function openTracked(options: LibraryOptions): Promise<OpenedLibrary> {
  const opened = await openLibraryWithReport(options);
  openedLibraries.push(opened.library);
  return opened;
}

async function closeOpened(): Promise<void> {
  await Promise.all(openedLibraries.splice(0).map((library) => library.close()));
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = path.join(ROOT, 'seeds');

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    questions: { type: 'string' },
    kills: { type: 'string' },
    flips: { type: 'string' },
    'stall-mb': { type: 'string' },
    discord: { type: 'string' },
    seed: { type: 'string' },
  },
});
const quick = values.quick;
const count = (given: string | undefined, full: number, short: number): number => (given === undefined ? (quick ? short : full) : Number(given));
const settings = {
  questions: count(values.questions, 10_000, 300),
  kills: count(values.kills, 30, 3),
  flips: count(values.flips, 24, 8),
  stallMb: count(values['stall-mb'], 19, 2),
  discord: count(values.discord, 100, 8),
};

/** A small deterministic generator (mulberry32), so a run can be repeated with --seed. */
let state = Number(values.seed ?? Date.now()) >>> 0;
const seedUsed = state;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

async function scratch(name: string): Promise<{ dir: string; seeds: string; index: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), `quoth-probe-${name}-`));
  const seeds = path.join(dir, 'seeds');
  await cp(SEEDS, seeds, { recursive: true });
  return { dir, seeds, index: path.join(dir, 'index') };
}

/** Why an answer shows text that is not a slice of its source, or undefined. */
function notVerbatim(answer: Answer, texts: Map<string, string>): string | undefined {
  for (const quote of [...answer.quotes, ...answer.related]) {
    const text = texts.get(quote.source.id);
    if (text === undefined) return `quote from unknown source ${quote.source.id}`;
    if (text.slice(quote.start, quote.end) !== quote.text) return `quote is not the slice ${quote.start}–${quote.end} of ${quote.source.id}`;
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------------------------
// Fuzzed questions
// ------------------------------------------------------------------------------------------------------------

const FRAGMENTS = [
  'How many', 'Who is', 'When did', 'Where', 'What', 'missiles', 'drones', 'Kyiv', 'mayor', 'injured', 'killed', '?',
  '"', '\\', '\u0000', '\u202e', '🦀', '中文', 'ǅ', '\r', '\t', '  ', '<script>', '${x}', "' OR 1=1 --", '.*+?^$()[]{}|',
  'DISCORD_TOKEN', '../../etc/passwd', 'the', 'of', 'é', '\ud800', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '0', '-1', '1e308', 'NaN',
];

function fuzzedQuestion(): string {
  const shape = random();
  if (shape < 0.05) return 'x'.repeat(Math.floor(random() * 600));
  if (shape < 0.1) return String.fromCodePoint(...Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 0x2ffff)));
  return Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(FRAGMENTS)).join(pick([' ', '', '  ']));
}

async function probeQuestions(tally: Tally): Promise<void> {
  const { dir, seeds, index } = await scratch('fuzz');
  try {
    const { library } = await openTracked({ seedsDir: seeds, indexDir: index });
    const texts = new Map((await loadSeeds(seeds)).articles.map((article) => [article.source.id, article.text]));
    // The first question with an unknown word loads the English word list; that is start-up, not answering.
    library.ask('How many zorbles were fired?');
    let slowest = 0;
    let slowestQuestion = '';
    const outcomes = { answered: 0, no_answer: 0, refused: 0 };
    for (let i = 0; i < settings.questions; i++) {
      const question = fuzzedQuestion();
      await tally.run(JSON.stringify(question).slice(0, 80), () => {
        const started = performance.now();
        const outcome = library.ask(question);
        if (performance.now() - started > slowest) {
          slowest = performance.now() - started;
          slowestQuestion = question;
        }
        if (!outcome.ok) {
          outcomes.refused += 1;
          return outcome.error.code === 'internal' ? `internal error: ${outcome.error.message}` : undefined;
        }
        outcomes[outcome.answer.status] += 1;
        return notVerbatim(outcome.answer, texts);
      });
    }
    tally.notes.push(`${outcomes.answered} answered, ${outcomes.no_answer} no answer, ${outcomes.refused} refused; slowest ${slowest.toFixed(1)} ms (${JSON.stringify(slowestQuestion.slice(0, 60))}${slowestQuestion.length > 60 ? `…, ${slowestQuestion.length} chars` : ''})`);
  } finally {
    await closeOpened();
    await rm(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------------------
// kill -9 during index builds
// ------------------------------------------------------------------------------------------------------------

/** When to kill the build: after some milliseconds, or while it writes the index (once its temp file appears). */
type KillAt = { afterMs: number } | { duringSave: true } | null;

function indexInChild(seeds: string, index: string, killAt: KillAt): Promise<{ code: number | null; signal: string | null; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), 'index', '--seeds', seeds, '--index', index], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '' },
      stdio: 'ignore',
    });
    let timer: NodeJS.Timeout | null = null;
    if (killAt !== null && 'afterMs' in killAt) timer = setTimeout(() => child.kill('SIGKILL'), killAt.afterMs);
    if (killAt !== null && 'duringSave' in killAt) {
      const watch = (): void => {
        void readdir(index).then(
          (names) => (names.some((name) => name.endsWith('.tmp')) ? child.kill('SIGKILL') : (timer = setTimeout(watch, 2))),
          () => (timer = setTimeout(watch, 2)),
        );
      };
      watch();
    }
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - started });
    });
  });
}

async function probeKills(tally: Tally): Promise<void> {
  const { dir, seeds, index } = await scratch('kill');
  try {
    // A larger folder, so that a kill can land while the index is being written.
    await writeFile(path.join(seeds, 'large.txt'), largeArticle(3 * 1024 * 1024));
    const clean = await indexInChild(seeds, index, null);
    if (clean.code !== 0) throw new Error(`npm run index failed (exit ${clean.code})`);
    let litter = 0;
    let killed = 0;
    for (let i = 0; i < settings.kills; i++) {
      // Half the kills at any time of the build, half while it writes the index file.
      const killAt: KillAt = i % 2 === 0 ? { afterMs: Math.floor(random() * clean.ms) } : { duringSave: true };
      await tally.run('afterMs' in killAt ? `kill after ${killAt.afterMs} ms` : 'kill while saving', async () => {
        const run = await indexInChild(seeds, index, killAt);
        if (run.signal === 'SIGKILL') killed += 1;
        if ((await readdir(index).catch(() => [])).some((name) => name.endsWith('.tmp'))) litter += 1;
        const opened = await openTracked({ seedsDir: seeds, indexDir: index });
        const left = (await readdir(index)).filter((name) => name !== INDEX_FILE && name !== INDEXER_FILE);
        if (left.length > 0) return `left behind after the next start: ${left.join(', ')}`;
        const answer = opened.library.ask('Who is the mayor of Kyiv?');
        if (!answer.ok || answer.answer.answer !== 'Vitali Klitschko') return 'the next start does not answer as before';
        return undefined;
      });
    }
    tally.notes.push(`clean build ${Math.round(clean.ms)} ms; ${killed} killed mid-build, ${litter} left a temp file, all removed at the next start`);
  } finally {
    await closeOpened();
    await rm(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------------------
// Damaged index files
// ------------------------------------------------------------------------------------------------------------

/** The index of `corpus` with one change, framed as Quoth frames it (see src/search/store.ts): a checksum that holds, so only the content is wrong. */
function reframed(corpus: Corpus, change: (encoded: EncodedCorpus, columns: Map<string, Column>) => void): Buffer {
  const encoded = encodeCorpus(corpus);
  change(encoded, readColumns(encoded.header, encoded.columns));
  return Buffer.concat(frame(encoded));
}

async function probeDamage(tally: Tally): Promise<void> {
  const { dir, seeds, index } = await scratch('damage');
  try {
    await openTracked({ seedsDir: seeds, indexDir: index });
    const file = path.join(index, INDEX_FILE);
    const original = await readFile(file);
    const saved = await loadSavedCorpus(index);
    if (!saved.ok) throw new Error(`probe: the index just built does not load: ${saved.reason}`);
    const corpus = saved.corpus;
    const bump = (name: string, at: number, by: number) => (_: EncodedCorpus, columns: Map<string, Column>) => {
      const column = columns.get(name)!;
      column[at] = column[at]! + by;
    };
    const shapes: [string, () => Buffer][] = [
      ['empty file', () => Buffer.alloc(0)],
      ['truncated to 1 byte', () => original.subarray(0, 1)],
      ['truncated to half', () => original.subarray(0, original.length >> 1)],
      ['last byte cut', () => original.subarray(0, original.length - 1)],
      ['garbage appended', () => Buffer.concat([original, Buffer.from(' {}')])],
      ['not an index', () => Buffer.from('hello')],
      ['JSON index of an earlier Quoth', () => Buffer.from(`{"sha256":"${'0'.repeat(64)}","schemaVersion":8}`)],
      ['checksum of zeros', () => Buffer.concat([original.subarray(0, 8), Buffer.from('0'.repeat(64)), original.subarray(72)])],
      ['edited passage text (same length)', () => {
        const edited = Buffer.from(original);
        const at = edited.lastIndexOf('e'.charCodeAt(0));
        edited[at] = 'q'.charCodeAt(0);
        return edited;
      }],
      ['wrong schema version, checksum recomputed', () => reframed(corpus, (encoded) => (encoded.header.schemaVersion = SCHEMA_VERSION - 1))],
      ['schema version as a string, checksum recomputed', () => reframed(corpus, (encoded) => Object.assign(encoded.header, { schemaVersion: String(SCHEMA_VERSION) }))],
      ['passage range shorter than its text, checksum recomputed', () => reframed(corpus, bump('passageEnd', 1, -7))],
      ['passage offsets moved, checksum recomputed', () => reframed(corpus, bump('passageStart', 1, 7))],
      ['passage names a missing source, checksum recomputed', () => reframed(corpus, bump('passageSource', 1, 1000))],
      ['passage dropped, checksum recomputed', () => reframed(corpus, (encoded) => (encoded.header.counts.passages -= 1))],
      ['source passage count changed, checksum recomputed', () => reframed(corpus, (encoded) => (encoded.header.sources[0]!.passages += 1))],
      ['postings out of order, checksum recomputed', () => reframed(corpus, bump('postingGaps', 1, -1_000_000))],
      ['column removed, checksum recomputed', () => reframed(corpus, (encoded) => (encoded.header.columns = encoded.header.columns.filter((column) => column.name !== 'countText')))],
      ['columns not compressed data, checksum recomputed', () => {
        const parts = frame(encodeCorpus(corpus));
        const lengths = parts[2]!;
        const junk = Buffer.alloc(lengths.readUInt32LE(4), 0xff);
        const body = [lengths, parts[3]!, junk, parts[5]!];
        const digest = createHash('sha256');
        for (const part of body) digest.update(part);
        return Buffer.concat([parts[0]!, Buffer.from(digest.digest('hex')), ...body]);
      }],
    ];
    for (let i = 0; i < settings.flips; i++) {
      const at = Math.floor(random() * original.length);
      const bit = 1 << Math.floor(random() * 8);
      shapes.push([`byte ${at} bit ${bit} flipped`, () => {
        const flipped = Buffer.from(original);
        flipped[at] = flipped[at]! ^ bit;
        return flipped;
      }]);
    }
    for (const [name, damage] of shapes) {
      await tally.run(name, async () => {
        await writeFile(file, damage());
        const loaded = await loadSavedCorpus(index);
        if (loaded.ok) return 'loaded as if intact';
        const opened = await openTracked({ seedsDir: seeds, indexDir: index });
        if (opened.origin.loaded) return 'the next start did not rebuild';
        return undefined;
      });
    }
    tally.notes.push(`${shapes.length - settings.flips} shapes + ${settings.flips} random bit flips; each refused with a reason and rebuilt`);
  } finally {
    await closeOpened();
    await rm(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------------------
// Links and odd files in the seeds folder
// ------------------------------------------------------------------------------------------------------------

async function probeOddFiles(tally: Tally): Promise<void> {
  const { dir, seeds, index } = await scratch('odd');
  try {
    await writeFile(path.join(dir, 'secret.txt'), 'The launch code is QUOTH-SECRET-4242, said the mayor of Kyiv.');
    await writeFile(path.join(seeds, '.env'), 'DISCORD_TOKEN=QUOTH-SECRET-4242');
    await symlink(path.join(dir, 'secret.txt'), path.join(seeds, 'outside.txt'));
    await symlink('/etc/passwd', path.join(seeds, 'passwd.txt'));
    await symlink(path.join(seeds, '.env'), path.join(seeds, 'env.txt'));
    await symlink(path.join(dir, 'nowhere.txt'), path.join(seeds, 'broken.txt'));
    await symlink(dir, path.join(seeds, 'loop.md'));
    await mkdir(path.join(seeds, 'folder.txt'));
    execFileSync('mkfifo', [path.join(seeds, 'fifo.txt')]);
    await writeFile(path.join(seeds, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0xff, 0xfe]));
    await writeFile(path.join(seeds, 'empty.md'), '');
    const huge = await open(path.join(seeds, 'huge.html'), 'w');
    await huge.truncate(2 * 1024 ** 3);
    await huge.close();
    const started = performance.now();
    const { library } = await openTracked({ seedsDir: seeds, indexDir: index });
    const ms = performance.now() - started;
    const sources = library.info().sources.map((entry) => entry.source.path);
    const skipped = library.info().skipped.map((entry) => `${path.basename(entry.path)}: ${entry.reason}`);
    for (const name of ['outside.txt', 'passwd.txt', 'env.txt', 'broken.txt', 'loop.md', 'fifo.txt', 'binary.txt', 'empty.md', 'huge.html']) {
      await tally.run(name, () => (sources.some((source) => source.endsWith(`/${name}`)) ? `${name} was indexed` : undefined));
    }
    for (const question of ['What is the launch code?', 'What is the DISCORD_TOKEN?', 'Who is root?', 'Who is the mayor of Kyiv?']) {
      await tally.run(question, () => {
        const outcome = library.ask(question);
        if (!outcome.ok) return undefined;
        const shown = JSON.stringify(outcome.answer);
        return /QUOTH-SECRET|root:x:0/u.test(shown) ? 'a reply shows text from outside the seeds folder' : undefined;
      });
    }
    tally.notes.push(`built in ${Math.round(ms)} ms; skipped ${skipped.length}: links out, hidden, broken, folder link, FIFO, binary, empty, 2 GB sparse`);
  } finally {
    await closeOpened();
    await rm(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------------------
// The event loop during a reindex of a large article
// ------------------------------------------------------------------------------------------------------------

async function probeStall(tally: Tally): Promise<void> {
  const { dir, seeds, index } = await scratch('stall');
  try {
    const { library } = await openTracked({ seedsDir: seeds, indexDir: index });
    await writeFile(path.join(seeds, 'large.txt'), largeArticle(settings.stallMb * 1_000_000));
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const rssBefore = process.memoryUsage().rss;
    let asked = 0;
    const asker = setInterval(() => {
      library.ask('Who is the mayor of Kyiv?');
      asked += 1;
    }, 50);
    delay.enable();
    const started = performance.now();
    const report = await library.reindex();
    const ms = performance.now() - started;
    delay.disable();
    clearInterval(sampler);
    clearInterval(asker);
    const maxStall = delay.max / 1e6;
    await tally.run(`reindex with a ${settings.stallMb} MB article`, () => (maxStall > 250 ? `the event loop stalled ${Math.round(maxStall)} ms` : undefined));
    tally.notes.push(
      `${settings.stallMb} MB article, ${report.passages} passages in ${(ms / 1000).toFixed(1)} s; event loop max stall ${Math.round(maxStall)} ms ` +
        `(p99 ${Math.round(delay.percentile(99) / 1e6)} ms); ${asked} /ask answered meanwhile; rss ${Math.round(rssBefore / 1e6)} → peak ${Math.round(peakRss / 1e6)} MB`,
    );
  } finally {
    await closeOpened();
    await rm(dir, { recursive: true, force: true });
  }
}

async function probeBot(tally: Tally): Promise<void> {
  const { dir, seeds, index } = await scratch('discord');
  try {
    const { library } = await openTracked({ seedsDir: seeds, indexDir: index });
    await probeDiscord(tally, library, settings.discord, random);
  } finally {
    await closeOpened();
    await rm(dir, { recursive: true, force: true });
  }
}

const tallies = [
  new Tally('fuzzed questions'),
  new Tally('kill -9 during builds'),
  new Tally('damaged index'),
  new Tally('links, odd files'),
  new Tally('stall during reindex'),
  new Tally('Discord faults'),
];
const probes = [probeQuestions, probeKills, probeDamage, probeOddFiles, probeStall, probeBot];
const started = performance.now();
for (const [i, probe] of probes.entries()) {
  const tally = tallies[i]!;
  process.stderr.write(`probe: ${tally.kind}…\n`);
  try {
    await probe(tally);
  } catch (error) {
    tally.failures.push(`the probe itself failed: ${(error as Error).stack ?? String(error)}`);
  }
}
process.stdout.write(`${renderTable(tallies)}\n`);
const failures = tallies.reduce((sum, tally) => sum + tally.failures.length, 0);
const trials = tallies.reduce((sum, tally) => sum + tally.trials, 0);
process.stdout.write(`\n${trials} trials, ${failures} failures in ${((performance.now() - started) / 1000).toFixed(0)} s (seed ${seedUsed})\n`);
process.exitCode = failures === 0 ? 0 : 1;
