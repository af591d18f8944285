/**
 * `npm run eval -- --suite [--json] [--only NAME] [--suite-file FILE] [--floors FILE] [--slips swap|drop|lower]`: runs the suite,
 * prints the failing cases and then the tables (or one JSON object), and checks the floors.
 * Exit code: 1 when a corpus is below a floor or could not be evaluated, 2 on a usage or file error, else 0.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseSuite, type SuiteCorpus } from './corpora.js';
import { renderFailures } from './failures.js';
import { checkFloors, parseFloors } from './floors.js';
import { suiteJson } from './json.js';
import { runSuite, type SuiteProgress } from './suite.js';
import { describeSlip, type Slip } from './slips.js';
import { renderSuiteTables } from './table.js';

export interface SuiteCommand {
  /** Defaults to corpora.json in the evaluation folder. */
  suiteFile?: string | undefined;
  /** Corpus names, each value possibly comma-separated; empty: every corpus. */
  only: readonly string[];
  floorsFile?: string | undefined;
  json: boolean;
  /** Ask every question with one slip of the keyboard typed into it. */
  slip?: Slip | undefined;
}

interface Terminal {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const environmentSchema = z.object({
  /** Folder of corpora.json and the question files. */
  QUOTH_EVAL_DIR: z.string().min(1).default(path.resolve(REPO_ROOT, '..', 'shared', 'eval')),
  /** Prepared corpora and their indexes. */
  QUOTH_EVAL_CACHE: z.string().min(1).default(path.join(REPO_ROOT, '.cache', 'eval')),
});

class SuiteUsageError extends Error {}

export async function runSuiteCommand(command: SuiteCommand, terminal: Terminal = process): Promise<number> {
  const environment = environmentSchema.parse(terminal.env);
  const cacheDir = path.resolve(environment.QUOTH_EVAL_CACHE);
  const suiteFile = path.resolve(command.suiteFile ?? path.join(environment.QUOTH_EVAL_DIR, 'corpora.json'));
  let corpora: SuiteCorpus[];
  let floors: ReturnType<typeof parseFloors> | null;
  try {
    corpora = selected(parseSuite(await readOrExplain(suiteFile, 'suite file'), { file: suiteFile, repoRoot: REPO_ROOT, cacheDir }), command.only);
    floors = command.floorsFile === undefined ? null : parseFloors(await readOrExplain(command.floorsFile, 'floors file'), command.floorsFile);
  } catch (error) {
    terminal.stderr.write(`quoth: ${(error as Error).message}\n`);
    return 2;
  }

  const started = performance.now();
  if (command.slip !== undefined) terminal.stderr.write(`eval: every question asked ${describeSlip(command.slip)}\n`);
  const reports = await runSuite({ corpora, cacheDir, progress: progressOn(terminal.stderr), slip: command.slip });
  const floorFailures = floors === null ? null : checkFloors(floors, reports);
  if (command.json) {
    terminal.stdout.write(`${JSON.stringify(suiteJson(reports, floorFailures))}\n`);
  } else {
    const failures = renderFailures(reports.flatMap((report) => (report.ok ? report.outcomes : [])));
    if (failures !== '') terminal.stdout.write(`${failures}\n\n`);
    terminal.stdout.write(`${renderSuiteTables(reports)}\n`);
  }
  terminal.stderr.write(`eval: ${reports.length} corpora in ${Math.round((performance.now() - started) / 1000)} s\n`);
  if (floorFailures !== null) {
    terminal.stderr.write(
      floorFailures.length === 0
        ? `eval floors (${command.floorsFile}): every corpus at or above its floor\n`
        : `eval floors (${command.floorsFile}): ${floorFailures.length} below\n${floorFailures.map((failure) => `  ${failure}\n`).join('')}`,
    );
  }
  const unevaluated = reports.some((report) => !report.ok);
  return unevaluated || (floorFailures?.length ?? 0) > 0 ? 1 : 0;
}

/** The corpora named by `--only` (repeatable, comma-separated), in the suite's order; all when none is named. */
function selected(corpora: SuiteCorpus[], only: readonly string[]): SuiteCorpus[] {
  const names = only.flatMap((value) => value.split(',')).map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) return corpora;
  const known = new Set(corpora.map((corpus) => corpus.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new SuiteUsageError(`no corpus named ${unknown.join(', ')} (the suite has ${[...known].join(', ')})`);
  return corpora.filter((corpus) => names.includes(corpus.name));
}

async function readOrExplain(file: string, what: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new SuiteUsageError(`cannot read the ${what} ${file} (${error.code ?? error.message})`);
  });
}

/** Brief lines on standard error; on a terminal the question count is redrawn in place. */
function progressOn(stderr: Terminal['stderr']): SuiteProgress {
  const live = stderr.isTTY === true;
  return {
    line: (text) => stderr.write(`${text}\n`),
    questions(corpus, done, total) {
      if (live) stderr.write(`\r[${corpus}] ${done}/${total} questions${done === total ? '\n' : ''}`);
      else if (done % 10 === 0 || done === total) stderr.write(`[${corpus}] ${done}/${total} questions\n`);
    },
  };
}
