/**
 * Runs the suite: for each corpus, prepare its folder, open its index (reused from the cache while the files'
 * hashes match), read its sources' text, build the baseline, and evaluate every question. The edge: reads
 * files and runs commands; the scoring, tables and floors it feeds are pure.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openLibraryWithReport } from '../library.js';
import { buildBaseline } from './baseline.js';
import type { SuiteCorpus } from './corpora.js';
import { EvalFileError } from './errors.js';
import { evaluateCase } from './evaluate.js';
import type { CaseOutcome, CorpusReport } from './outcome.js';
import { sourceTextOfBytes } from './pagetext.js';
import { prepareCorpus, type CommandRunner } from './prepare.js';
import { collapseSpace, parseCases, type EvalCase } from './score.js';
import { type Slip, withSlip } from './slips.js';

export interface SuiteProgress {
  /** A message on its own line. */
  line(text: string): void;
  /** How far a corpus's questions are; a terminal may redraw it in place. */
  questions(corpus: string, done: number, total: number): void;
}

export interface SuiteOptions {
  corpora: readonly SuiteCorpus[];
  /** Prepared corpora and indexes live here (`<cache>/index/<corpus>`). */
  cacheDir: string;
  progress: SuiteProgress;
  /** Runs apt-get, dpkg (tests pass one that refuses). */
  runCommand?: CommandRunner;
  /** Ask every question with this slip typed into it (src/eval/slips.ts). */
  slip?: Slip | undefined;
}

/** Skipped-file warnings shown per corpus; the rest are counted. */
const WARNINGS_SHOWN = 3;

export async function runSuite(options: SuiteOptions): Promise<CorpusReport[]> {
  const reports: CorpusReport[] = [];
  for (const corpus of options.corpora) {
    const started = performance.now();
    try {
      const { folder, outcomes } = await evaluateCorpus(corpus, options);
      options.progress.line(`[${corpus.name}] done in ${seconds(started)} s`);
      reports.push({ corpus: corpus.name, ok: true, folder, outcomes, seconds: seconds(started) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.progress.line(`[${corpus.name}] not evaluated: ${message}`);
      reports.push({ corpus: corpus.name, ok: false, error: message });
    }
  }
  return reports;
}

/** Seconds since `started` (a `performance.now()`), to a tenth. */
function seconds(started: number): number {
  return Math.round((performance.now() - started) / 100) / 10;
}

async function evaluateCorpus(corpus: SuiteCorpus, options: SuiteOptions): Promise<{ folder: string; outcomes: CaseOutcome[] }> {
  const { progress } = options;
  const say = (text: string): void => progress.line(`[${corpus.name}] ${text}`);
  const folder = await prepareCorpus(corpus, (text) => progress.line(text), options.runCommand);
  const slip = options.slip;
  const cases = (await readCases(corpus.questions)).map((testCase) => (slip === undefined ? testCase : { ...testCase, question: withSlip(testCase.question, slip) }));

  say('indexing…');
  const warnings: string[] = [];
  const indexDir = path.join(options.cacheDir, 'index', corpus.name);
  const { library } = await openLibraryWithReport({
    seedsDir: folder,
    indexDir,
    // An index built by other indexing code is rebuilt from scratch (src/indexing/codestamp.ts).
    log: { info: say, warn: (message) => warnings.push(message) },
  });
  for (const warning of warnings.slice(0, WARNINGS_SHOWN)) say(`warning: ${warning}`);
  if (warnings.length > WARNINGS_SHOWN) say(`… and ${warnings.length - WARNINGS_SHOWN} more warnings`);

  const texts = await readSourceTexts(library.info().sources.map(({ source }) => source));
  const baselineStarted = performance.now();
  const baseline = buildBaseline([...texts].map(([id, text]) => ({ id, text })));
  say(`baseline: ${baseline.sentences} sentences indexed in ${seconds(baselineStarted)} s`);
  const collapsed = new Map([...texts].map(([id, text]) => [id, collapseSpace(text)]));
  texts.clear();

  const outcomes: CaseOutcome[] = [];
  for (const testCase of cases) {
    outcomes.push(evaluateCase(corpus.name, testCase, library, baseline, (id) => collapsed.get(id)));
    progress.questions(corpus.name, outcomes.length, cases.length);
  }
  return { folder, outcomes };
}

async function readCases(file: string): Promise<EvalCase[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new EvalFileError(file, `cannot read the questions (${error.code ?? error.message})`, { cause: error });
  });
  try {
    return parseCases(text);
  } catch (error) {
    throw new EvalFileError(file, (error as Error).message.replace(/^Quoth eval: /u, ''), { cause: error });
  }
}

/** Each source's text as quotes are checked against, by source id; a source that cannot be read has none. */
async function readSourceTexts(sources: readonly { id: string; path: string }[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const source of sources) {
    const bytes = await readFile(path.resolve(source.path)).catch(() => null);
    if (bytes !== null) texts.set(source.id, sourceTextOfBytes(source.path, bytes));
  }
  return texts;
}
