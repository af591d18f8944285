/** Command line: index | ask | sources | console | eval. Files, the clock and the terminal live here. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from './config.js';
import { runConsole } from './console.js';
import { runSuiteCommand } from './eval/command.js';
import { sourceTextOfBytes } from './eval/pagetext.js';
import { collapseSpace, parseCases, scoreCase, totals, type CaseResult } from './eval/score.js';
import { type Slip, SLIPS } from './eval/slips.js';
import { watchSeeds } from './indexing/watch-seeds.js';
import { SeedsFolderError } from './ingest/index.js';
import { IndexOfOtherFolderError, openLibraryWithReport, type Log } from './library.js';
import { answerToJson } from './render/json.js';
import { ansiStyle, plainStyle, renderAnswer, renderSources } from './render/terminal.js';
import { SecretScreen } from './secrets.js';
import type { AskOutcome, Quoth } from './service.js';
import { eachLine, linesOf } from './text/lines.js';

const USAGE = `Usage:
  npm run index   -- [--seeds DIR] [--index DIR] [--watch]    build the index and report what was read;
                                                            --watch: then reindex whenever a seed file changes
  npm run ask     -- [--seeds DIR] [--index DIR] [--json] "question"
  npm run ask     -- [--json] -                             one question a line from stdin, one JSON object a line out
  npm run sources -- [--json]                               list the indexed sources
  npm run console                                           ask questions interactively
  npm run eval    -- FILE.jsonl [--seeds DIR] [--index DIR] score an evaluation file
  npm run eval    -- --suite [--json] [--only NAME] [--suite-file FILE] [--floors FILE] [--slips swap|drop|lower]
                                                            score every corpus of ../shared/eval/corpora.json;
                                                            --slips: each question with one typo, or in small letters`;

const stderrLog: Log = {
  info: (message) => process.stderr.write(`${message}\n`),
  warn: (message) => process.stderr.write(`warning: ${message}\n`),
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seeds: { type: 'string' },
      index: { type: 'string' },
      json: { type: 'boolean', default: false },
      suite: { type: 'boolean', default: false },
      'suite-file': { type: 'string' },
      only: { type: 'string', multiple: true, default: [] },
      floors: { type: 'string' },
      slips: { type: 'string' },
      watch: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  const config = loadConfig();
  const folders = { seedsDir: values.seeds ?? config.seedsDir, indexDir: values.index ?? config.indexDir, maxFileBytes: config.maxFileBytes };
  const style = process.stdout.isTTY && process.env.NO_COLOR === undefined ? ansiStyle : plainStyle;
  const screen = new SecretScreen(config.secrets);

  switch (command) {
    case 'index': {
      const progress = process.stderr.isTTY ? progressBar() : undefined;
      const opened = await openLibraryWithReport({ ...folders, log: stderrLog, forceRebuild: true, ...(progress ? { onProgress: progress } : {}) });
      const info = opened.library.info();
      process.stdout.write(`${renderSources(info)}\n`);
      // A heading is left out of the quotable text but kept as the section of the passages under it: no boilerplate.
      const removals = [...opened.removed]
        .map(([file, reasons]) => [file, new Map([...reasons].filter(([reason]) => reason !== 'heading'))] as const)
        .filter(([, reasons]) => reasons.size > 0);
      if (removals.length > 0) {
        process.stdout.write('\nRemoved as boilerplate:\n');
        for (const [file, reasons] of removals) {
          const list = [...reasons].map(([reason, count]) => (count > 1 ? `${reason} ×${count}` : reason)).join('; ');
          process.stdout.write(`  ${file}: ${list}\n`);
        }
      }
      if (values.watch) await watchUntilInterrupted(folders.seedsDir, opened.library);
      await opened.library.close();
      return 0;
    }
    case 'ask': {
      const quoth = (await openLibraryWithReport({ ...folders, log: stderrLog, keepIndexOfOtherFolder: true })).library;
      const question = rest.join(' ');
      if (question === '-') return askFromStdin(quoth, values.json, screen);
      const outcome = quoth.ask(question);
      if (!outcome.ok) {
        process.stderr.write(`${outcome.error.message}\n`);
        return 2;
      }
      process.stdout.write(`${reply(outcome, question, values.json, screen, style)}\n`);
      return 0;
    }
    case 'sources': {
      const info = (await openLibraryWithReport({ ...folders, log: stderrLog, keepIndexOfOtherFolder: true })).library.info();
      process.stdout.write(values.json ? `${JSON.stringify(info, null, 2)}\n` : `${renderSources(info)}\n`);
      return 0;
    }
    case 'console': {
      const quoth = (await openLibraryWithReport({ ...folders, log: stderrLog, keepIndexOfOtherFolder: true })).library;
      await runConsole(quoth, undefined, screen);
      return 0;
    }
    case 'eval': {
      if (values.suite || values['suite-file'] !== undefined) {
        return runSuiteCommand({ suiteFile: values['suite-file'], only: values.only, floorsFile: values.floors, json: values.json, slip: slipOption(values.slips) });
      }
      const file = rest[0];
      if (file === undefined) throw new UsageError('eval needs a question file: npm run eval -- FILE.jsonl');
      return runEval(file, folders, values.json);
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** The slip `--slips` names (one of SLIPS), or undefined when not given. */
function slipOption(value: string | undefined): Slip | undefined {
  if (value === undefined) return undefined;
  const slip = SLIPS.find((known) => known === value);
  if (slip === undefined) throw new UsageError(`--slips takes one of ${SLIPS.join(', ')}, not "${value}"`);
  return slip;
}

/** `index --watch`: reindexes on every settled change (each logged on standard error) until Ctrl-C or SIGTERM. */
async function watchUntilInterrupted(seedsDir: string, quoth: Quoth): Promise<void> {
  const watching = watchSeeds({ seedsDir, log: stderrLog, reindex: () => quoth.reindex() });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  stderrLog.info(`Stopped watching (${signal})`);
  watching.close();
  await watching.idle();
}

/**
 * One output line per input line, in order, always (see `linesOf`): an empty or refused question gets an error
 * object in its place, and so does a question the engine fails on, so a script can pair outputs with inputs.
 */
async function askFromStdin(quoth: Quoth, json: boolean, screen: SecretScreen): Promise<number> {
  const replies = eachLine(
    linesOf(process.stdin),
    (line) => reply(quoth.ask(line), line, json, screen, plainStyle),
    (line, error) => {
      // One bad question must not lose the answers to the rest of the batch.
      process.stderr.write(`quoth: failed on "${line}": ${(error as Error).stack ?? String(error)}\n`);
      const outcome: AskOutcome = { ok: false, error: { code: 'internal', message: 'Internal error on this question.' } };
      return reply(outcome, line, json, screen, plainStyle);
    },
  );
  for await (const text of replies) process.stdout.write(`${text}\n`);
  return 0;
}

/** The text printed for one question (a JSON line with --json), screened for secrets before it is written. */
function reply(outcome: AskOutcome, question: string, json: boolean, screen: SecretScreen, style: typeof plainStyle): string {
  let withheld: number;
  let text: string;
  if (json) {
    const screened = screen.json(outcome.ok ? answerToJson(outcome.answer) : { question, status: 'error', error: outcome.error });
    withheld = screened.withheld;
    text = JSON.stringify(screened.value);
  } else {
    const screened = screen.text(outcome.ok ? renderAnswer(outcome.answer, style) : outcome.error.message);
    withheld = screened.withheld ? 1 : 0;
    text = screened.text;
  }
  if (withheld > 0) process.stderr.write('warning: withheld reply text that contained a configured secret\n');
  return text;
}

async function runEval(file: string, folders: { seedsDir: string; indexDir: string }, json: boolean): Promise<number> {
  const cases = parseCases(await readFile(file, 'utf8'));
  const opened = await openLibraryWithReport({ ...folders, log: stderrLog });
  const quoth = opened.library;
  const texts = new Map<string, string | undefined>();
  for (const { source } of quoth.info().sources) {
    texts.set(source.id, await readFile(path.resolve(source.path)).then((bytes) => collapseSpace(sourceTextOfBytes(source.path, bytes)), () => undefined));
  }
  const results: CaseResult[] = [];
  for (const testCase of cases) {
    const outcome = quoth.ask(testCase.question);
    const result = outcome.ok
      ? scoreCase(testCase, answerToJson(outcome.answer), (id) => texts.get(id))
      : { id: testCase.id, pass: false, verbatim: true, conflictOk: null, problems: [outcome.error.message] };
    results.push(result);
    if (!json) {
      const shown = outcome.ok ? (outcome.answer.status === 'no_answer' ? 'no answer' : (outcome.answer.answer ?? outcome.answer.quotes[0]?.text.slice(0, 70) ?? '')) : 'error';
      process.stdout.write(`${result.pass ? 'PASS' : 'FAIL'}  ${testCase.id.padEnd(22)} ${shown}\n`);
      for (const problem of result.problems) process.stdout.write(`        ${problem}\n`);
    }
  }
  const sum = totals(cases, results);
  if (json) process.stdout.write(`${JSON.stringify({ totals: sum, results })}\n`);
  else {
    process.stdout.write(
      `\nanswered right: ${sum.answeredRight}/${sum.answerable}  abstained right: ${sum.abstainedRight}/${sum.unanswerable}  ` +
        `quotes verbatim: ${sum.quotesVerbatim}/${sum.casesVerbatim} cases  conflicts right: ${sum.conflictsRight}/${sum.conflictCases}\n` +
        `eval: ${sum.passed} passed, ${sum.cases - sum.passed} failed\n`,
    );
  }
  return sum.passed === sum.cases ? 0 : 1;
}

function progressBar(): (done: number, total: number) => void {
  return (done, total) => {
    if (total < 50) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files${done === total ? '\n' : ''}`);
  };
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`quoth: ${error.message}\n\n${USAGE}\n`);
    else if (error instanceof ConfigError || error instanceof SeedsFolderError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof IndexOfOtherFolderError) {
      process.stderr.write(
        `${error.message}.\nAsk it with --seeds ${error.folder}, or replace it with an index of ${error.seedsDir}: npm run index -- --seeds ${error.seedsDir} --index ${error.indexDir}\n`,
      );
    }
    else if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) process.stderr.write(`quoth: ${error.message}\n\n${USAGE}\n`);
    else process.stderr.write(`quoth: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
