/**
 * `npm run bench [-- FOLDER] [--repeat N] [--rounds N] [--no-breakdown] [--json] [--peers] [--scale N [--scale-only]]`
 *
 * Builds a Quoth index over a large real corpus (by default the Python HTML documentation from Debian's
 * python3.11-doc, installed when absent) and, side by side with a bare MiniSearch (default options) over the
 * same passages, prints: build time and passages per second, index size and load time, memory after build
 * and after load, and `ask` latency against bare search, with PASS/MISS against the targets. With `--scale N`,
 * also the Debian documentation packages together, once and repeated to ~N passages, each indexed as `npm run index`
 * does, loaded and asked, side by side (bench/scale.ts). Each phase runs in a fresh Node process; the report goes to
 * stdout, progress to stderr.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchSetupError, ensurePythonDocs, copyPages, PYTHON_DOCS_PACKAGE, pythonDocs } from './bench/python-docs.js';
import { buildBare, buildBreakdown, buildQuoth, type BuildBareResult, type BuildBreakdown, type BuildQuothResult } from './bench/build.js';
import { latency, type LatencyResult } from './bench/latency.js';
import { loadBare, loadQuoth, type LoadResult } from './bench/load.js';
import { progress } from './bench/measure.js';
import { peer, PEERS, type PeerResult } from './bench/peers.js';
import { reindexOneFile, type ReindexResult } from './bench/reindex.js';
import { figures, report } from './bench/report.js';
import { prepareScaleCorpus, repeatFolder, scaleBuild, type ScaleBuildResult } from './bench/scale.js';
import { scaleFigures, scaleReport, type ScaleRun, type ScaleSize } from './bench/scalereport.js';

const TARGET_PASSAGES = 100_000;
const RESULT_MARK = 'BENCH-RESULT ';
/** Time for the measured latency rounds when --rounds is not given, so that the whole run stays under ~10 minutes. */
const LATENCY_BUDGET_S = 240;
const WARMUP_ROUNDS = 2;

const USAGE = `usage: npm run bench [-- FOLDER] [--repeat N] [--rounds N] [--no-breakdown] [--json]
  FOLDER          index this folder of .txt/.md/.html files instead of the Python documentation
  --repeat N      index N copies of the corpus (default: enough copies to reach ~${TARGET_PASSAGES} passages)
  --rounds N      measured passes over the question list (default: up to 40, as many as fit in
                  ${LATENCY_BUDGET_S} s, at least 5; after ${WARMUP_ROUNDS} warm-up passes)
  --no-breakdown  skip timing the build's steps one by one
  --json          print every figure as one JSON object on stdout instead of the report
  --peers         also index the passages with FlexSearch, Orama, Lunr and MiniSearch (stop words left out) and
                  compare build, size, load, rss, query latency and top-5 retrieval on the python-docs dev questions
  --scale N       also index the Debian documentation packages the evaluation uses (Python, Node.js, Jargon File,
                  SQLite, Git) once, then repeated to ~N passages (N like 1m, 500k or 1000000), each as npm run index
                  does, and compare build time, peak rss, size, load, rss after load and ask latency side by side
  --scale-only    with --scale: skip the Python-documentation bench, measure the scale corpus alone`;

interface Options {
  folder: string | null;
  repeat: number | 'auto';
  /** null: up to DEFAULT_ROUNDS, within the time budget. */
  rounds: number | null;
  breakdown: boolean;
  json: boolean;
  peers: boolean;
  /** Passages wanted in the large scale run; null: no scale runs. */
  scale: number | null;
  scaleOnly: boolean;
}

const DEFAULT_ROUNDS = 40;

class UsageError extends Error {
  override name = 'UsageError';
}

/** A phase that failed; the phase's process has already printed why. */
class PhaseError extends Error {
  override name = 'PhaseError';
}

function positiveInteger(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} needs a whole number ≥ 1, got ${value ?? 'nothing'}`);
  return number;
}

/** A passage count: 1000000, 1_000_000, 1m, 250k. */
function passageCount(flag: string, value: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec((value ?? '').replaceAll('_', ''));
  const number = match === null ? Number.NaN : Number(match[1]) * (match[2]?.toLowerCase() === 'm' ? 1e6 : match[2]?.toLowerCase() === 'k' ? 1e3 : 1);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} needs a number of passages such as 1m, 500k or 1000000, got ${value ?? 'nothing'}`);
  return number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { folder: null, repeat: 'auto', rounds: null, breakdown: true, json: false, peers: false, scale: null, scaleOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--repeat') options.repeat = positiveInteger(arg, argv[++i]);
    else if (arg === '--rounds') options.rounds = positiveInteger(arg, argv[++i]);
    else if (arg === '--no-breakdown') options.breakdown = false;
    else if (arg === '--json') options.json = true;
    else if (arg === '--peers') options.peers = true;
    else if (arg === '--scale') options.scale = passageCount(arg, argv[++i]);
    else if (arg === '--scale-only') options.scaleOnly = true;
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (options.folder === null) options.folder = arg;
    else throw new UsageError(`one folder at most (got ${options.folder} and ${arg})`);
  }
  if (options.scaleOnly && options.scale === null) throw new UsageError('--scale-only needs --scale N');
  return options;
}

/** Runs one phase in a fresh Node process (same loader as this one, plus --expose-gc) and returns its result. */
function runPhase<T>(name: string, args: unknown): Promise<T> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...process.execArgv, script, '--phase', name, JSON.stringify(args)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(RESULT_MARK));
      if (code !== 0 || line === undefined) reject(new PhaseError(`phase ${name} failed (exit code ${code ?? 'none'}): see its output above`));
      else resolve(JSON.parse(line.slice(RESULT_MARK.length)) as T);
    });
  });
}

const PHASES: Record<string, (args: never) => Promise<unknown>> = {
  'build-quoth': buildQuoth,
  'build-bare': buildBare,
  breakdown: buildBreakdown,
  'load-quoth': loadQuoth,
  'load-bare': loadBare,
  latency,
  reindex: reindexOneFile,
  peer,
  'scale-build': scaleBuild,
};

async function phaseMain(name: string, json: string): Promise<void> {
  const phase = PHASES[name];
  if (phase === undefined) throw new Error(`bench: unknown phase ${name}`);
  const result = await phase(JSON.parse(json) as never);
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

interface CorpusChoice {
  /** What the report calls the corpus. */
  label: string;
  seedsDir: string;
  note: string | null;
}

async function chooseCorpus(options: Options, workDir: string): Promise<CorpusChoice> {
  if (options.folder !== null) {
    const info = await stat(options.folder).catch(() => null);
    if (info === null || !info.isDirectory()) throw new BenchSetupError(`${options.folder} is not a folder`);
    return { label: path.resolve(options.folder), seedsDir: options.folder, note: null };
  }
  ensurePythonDocs(progress);
  const { root, pages } = pythonDocs();
  const seedsDir = path.join(workDir, 'seeds');
  await copyPages(root, pages, seedsDir);
  progress(`corpus: ${pages.length} .html pages of ${root}`);
  return {
    label: `${root} (Debian ${PYTHON_DOCS_PACKAGE})`,
    seedsDir,
    note: `the ${pages.length} .html pages only; the package's _sources/*.rst.txt copies and _static/ are left out`,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--phase') return phaseMain(argv[1] ?? '', argv[2] ?? '{}');
  const options = parseOptions(argv);

  const started = process.hrtime.bigint();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'quoth-bench-'));
  try {
    const standard = options.scaleOnly ? null : await measureStandard(options, workDir);
    const scale = options.scale === null ? null : await measureScale(options.scale, options.rounds, workDir);
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (options.json) {
      const scaleJson = scale === null ? {} : scaleFigures(scale);
      const all = standard === null ? { ...scaleJson, elapsed_s: Math.round(elapsedMs / 100) / 10 } : { ...figures({ ...standard, elapsedMs }), ...scaleJson };
      process.stdout.write(`${JSON.stringify(all)}\n`);
    } else {
      if (standard !== null) process.stdout.write(report({ ...standard, elapsedMs }));
      if (scale !== null) process.stdout.write(`${standard === null ? '' : '\n'}${scaleReport(scale)}`);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The bench of the Python documentation (or FOLDER), ~100k passages: every phase but the scale runs. */
async function measureStandard(options: Options, workDir: string): Promise<Omit<Parameters<typeof report>[0], 'elapsedMs'>> {
  const corpus = await chooseCorpus(options, workDir);
  const indexDir = path.join(workDir, 'index');
  const bareFile = path.join(workDir, 'bare-minisearch.json');

  const build = await runPhase<BuildQuothResult>('build-quoth', {
    seedsDir: corpus.seedsDir,
    indexDir,
    repeat: options.repeat,
    targetPassages: TARGET_PASSAGES,
  });
  const breakdown = options.breakdown ? await runPhase<BuildBreakdown>('breakdown', { seedsDir: corpus.seedsDir, repeat: build.repeat }) : null;
  const bareBuild = await runPhase<BuildBareResult>('build-bare', { indexDir, bareFile });
  const load = await runPhase<LoadResult>('load-quoth', { indexDir });
  const bareLoad = await runPhase<LoadResult>('load-bare', { bareFile });
  const timing = await runPhase<LatencyResult>('latency', {
    indexDir,
    bareFile,
    rounds: options.rounds ?? DEFAULT_ROUNDS,
    budgetMs: options.rounds === null ? LATENCY_BUDGET_S * 1000 : null,
    warmupRounds: WARMUP_ROUNDS,
  });
  const reindex = await runPhase<ReindexResult>('reindex', { seedsDir: corpus.seedsDir, repeat: build.repeat, workDir });
  const peers: PeerResult[] = [];
  if (options.peers) {
    const evalDir = process.env.QUOTH_EVAL_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'eval');
    for (const name of PEERS) peers.push(await runPhase<PeerResult>('peer', { peer: name, indexDir, evalDir, rounds: Math.min(options.rounds ?? 5, 5) }));
  }
  return { corpus, repeat: options.repeat, warmupRounds: WARMUP_ROUNDS, targetPassages: TARGET_PASSAGES, build, breakdown, bareBuild, load, bareLoad, timing, reindex, peers };
}

/** Time for each scale size's latency rounds when --rounds is not given. */
const SCALE_LATENCY_BUDGET_S = 60;

/**
 * The scale runs: the packages once (about a tenth of a million passages), then repeated to ~`passages`. Each size is
 * indexed, loaded and asked in fresh processes, its index deleted before the next size is built.
 */
async function measureScale(passages: number, rounds: number | null, workDir: string): Promise<ScaleRun> {
  const mix = await prepareScaleCorpus(path.join(workDir, 'scale-once'));
  const measureSize = async (seedsDir: string, copies: number): Promise<ScaleSize> => {
    const indexDir = path.join(workDir, `scale-index-${copies}`);
    progress(`scale: indexing ${copies === 1 ? 'one copy' : `${copies} copies`} of the packages`);
    const build = await runPhase<ScaleBuildResult>('scale-build', { seedsDir, indexDir });
    const load = await runPhase<LoadResult>('load-quoth', { indexDir, spelling: false });
    // The spelling index (made in the background once a bot has loaded its index) in a process of its own: at a
    // million passages it may not fit, and the other figures stand without it.
    const spelling = await runPhase<LoadResult>('load-quoth', { indexDir }).catch((error: unknown) => {
      if (!(error instanceof PhaseError)) throw error;
      progress(`scale: the spelling index phase failed (${error.message})`);
      return null;
    });
    const timing = await runPhase<LatencyResult>('latency', {
      indexDir,
      bareFile: null,
      rounds: rounds ?? DEFAULT_ROUNDS,
      budgetMs: rounds === null ? SCALE_LATENCY_BUDGET_S * 1000 : null,
      warmupRounds: WARMUP_ROUNDS,
    });
    await rm(indexDir, { recursive: true, force: true });
    return { copies, build, load, spelling, timing };
  };
  const once = await measureSize(mix.folder, 1);
  const copies = Math.max(2, Math.round(passages / Math.max(1, once.build.passages)));
  const repeated = path.join(workDir, `scale-${copies}`);
  await repeatFolder(mix.folder, copies, repeated);
  const many = await measureSize(repeated, copies);
  return { targetPassages: passages, packages: mix.packages, sizes: [once, many], warmupRounds: WARMUP_ROUNDS };
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    if (error.message === '') {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
  } else if (error instanceof BenchSetupError || error instanceof PhaseError) {
    process.stderr.write(`bench: ${error.message}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = 1;
});
