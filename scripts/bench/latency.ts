/** The latency phase: `ask` against bare MiniSearch search over the fixed question list, in a fresh process (see bench.ts). */
import { readFile } from 'node:fs/promises';
import MiniSearch from 'minisearch';
import { ask } from '../../src/answer/answer.js';
import { loadSavedCorpus } from '../../src/search/store.js';
import { BARE_OPTIONS, type BareDocument } from './bare.js';
import { memory, msSince, progress, summarize, type Summary } from './measure.js';
import { QUESTIONS } from './questions.js';
import { stagedAsk } from './stages.js';

export interface LatencyArgs {
  indexDir: string;
  /** The bare MiniSearch to time against; null: Quoth alone (the scale runs). */
  bareFile: string | null;
  /** Measured rounds wanted; fewer when `budgetMs` runs out first (at least MIN_ROUNDS). */
  rounds: number;
  /** Time for the measured rounds, estimated from the last warm-up round; null: no limit. */
  budgetMs: number | null;
  warmupRounds: number;
}

export interface QuestionLatency {
  text: string;
  kind: string;
  askP50: number;
  bareP50: number;
  status: string;
  answer: string | null;
  quote: string | null;
  hits: number;
  bareHits: number;
  sentences: number;
}

export interface LatencyResult {
  passages: number;
  rounds: number;
  /** Why fewer rounds were measured than asked for, if they were. */
  roundsNote: string | null;
  ask: Summary;
  bare: Summary;
  /** Quoth's retrieval alone: topPassages over the impact index for the analysed question. */
  retrieve: Summary;
  stages: { analyze: Summary; retrieve: Summary; views: Summary; cumulativeViews: Summary };
  questions: QuestionLatency[];
  answered: number;
}

const MIN_ROUNDS = 5;

/** Warm-up rounds, then as many measured rounds as asked for or as fit in half the budget. */
function measureRounds(label: string, round: (measuring: boolean) => void, args: LatencyArgs): { rounds: number; note: string | null } {
  let lastWarmupMs = 0;
  for (let i = 0; i < args.warmupRounds; i++) {
    const start = process.hrtime.bigint();
    round(false);
    lastWarmupMs = msSince(start);
    progress(`latency (${label}): warm-up round ${i + 1}/${args.warmupRounds} took ${(lastWarmupMs / 1000).toFixed(1)} s`);
  }
  let rounds = args.rounds;
  let note: string | null = null;
  // Quoth and bare search share the budget; Quoth alone has all of it.
  const budget = args.budgetMs === null ? null : args.budgetMs / (args.bareFile === null ? 1 : 2);
  if (budget !== null && lastWarmupMs * rounds > budget) {
    rounds = Math.max(MIN_ROUNDS, Math.floor(budget / lastWarmupMs));
    note = `${label}: ${rounds} of ${args.rounds} rounds (a round takes ${(lastWarmupMs / 1000).toFixed(1)} s, its share of the budget is ${(budget / 1000).toFixed(0)} s; --rounds N to insist)`;
  }
  progress(`latency (${label}): measuring ${rounds} rounds`);
  for (let i = 0; i < rounds; i++) {
    round(true);
    if ((i + 1) % 5 === 0) progress(`latency (${label}): round ${i + 1}/${rounds}`);
  }
  return { rounds, note };
}

/**
 * Quoth's rounds (ask, then the staged ask, each pass after a collection) run before the bare index is
 * loaded; bare search's rounds run after. Each side is timed on a heap holding only its own index.
 */
export async function latency(args: LatencyArgs): Promise<LatencyResult> {
  const saved = await loadSavedCorpus(args.indexDir);
  if (!saved.ok) throw new Error(`bench: cannot load the index: ${saved.reason}`);
  const corpus = saved.corpus;
  memory();

  const askSamples: number[][] = QUESTIONS.map(() => []);
  const bareSamples: number[][] = QUESTIONS.map(() => []);
  const analyze: number[] = [];
  const retrieve: number[] = [];
  const views: number[] = [];
  const cumulative: number[] = [];
  const hits: number[] = [];
  const sentences: number[] = [];
  const bareHits: number[] = [];
  let sink = 0;

  // Each pass starts from a collected heap, so no pass pays for another's garbage. The bench runs with --expose-gc.
  const collect = (): void => (globalThis as { gc?: () => void }).gc?.();
  const quothRound = (measuring: boolean): void => {
    collect();
    QUESTIONS.forEach((question, index) => {
      const start = process.hrtime.bigint();
      const outcome = ask(corpus, question.text);
      const ms = msSince(start);
      sink += outcome.ok ? outcome.answer.quotes.length : 0;
      if (measuring) askSamples[index]!.push(ms);
    });
    collect();
    QUESTIONS.forEach((question, index) => {
      const stages = stagedAsk(corpus, question.text);
      if (!measuring) return;
      analyze.push(stages.analyze);
      retrieve.push(stages.retrieve);
      views.push(stages.views);
      cumulative.push(stages.analyze + stages.retrieve + stages.views);
      hits[index] = stages.hits;
      sentences[index] = stages.sentences;
    });
  };

  // Quoth is measured before the bare index is even loaded, and bare search after: neither shares a heap
  // (and its collections) with the other's index. Each side gets half the time budget.
  const quoth = measureRounds('Quoth', quothRound, args);
  const bareMeasured = args.bareFile === null ? { rounds: 0, note: null } : await measureBare(args.bareFile, args, bareSamples, bareHits);
  if (sink < 0) progress('unreachable');
  const rounds = quoth.rounds;
  const notes = [quoth.note, bareMeasured.note].filter((note): note is string => note !== null);
  const roundsNote = notes.length > 0 ? notes.join('; ') : null;

  let answered = 0;
  const questions = QUESTIONS.map((question, index): QuestionLatency => {
    const outcome = ask(corpus, question.text);
    const answer = outcome.ok ? outcome.answer : null;
    if (answer?.status === 'answered') answered += 1;
    return {
      text: question.text,
      kind: question.kind,
      askP50: summarize(askSamples[index]!).p50,
      bareP50: summarize(bareSamples[index]!).p50,
      status: answer?.status ?? (outcome.ok ? 'ok' : outcome.error.code),
      answer: answer?.answer ?? null,
      quote: answer?.quotes[0]?.text ?? answer?.related[0]?.text ?? null,
      hits: hits[index] ?? 0,
      bareHits: bareHits[index] ?? 0,
      sentences: sentences[index] ?? 0,
    };
  });
  const retrieveSummary = summarize(retrieve);
  return {
    passages: corpus.passages.length,
    rounds,
    roundsNote,
    ask: summarize(askSamples.flat()),
    bare: summarize(bareSamples.flat()),
    retrieve: retrieveSummary,
    stages: { analyze: summarize(analyze), retrieve: retrieveSummary, views: summarize(views), cumulativeViews: summarize(cumulative) },
    questions,
    answered,
  };
}

/** Bare MiniSearch's rounds over the same questions, after Quoth's (its index loaded only now). */
async function measureBare(bareFile: string, args: LatencyArgs, samples: number[][], hits: number[]): Promise<{ rounds: number; note: string | null }> {
  const bareJson = JSON.parse(await readFile(bareFile, 'utf8')) as Parameters<typeof MiniSearch.loadJS>[0];
  const bare = MiniSearch.loadJS<BareDocument>(bareJson, BARE_OPTIONS);
  let sink = 0;
  const collect = (): void => (globalThis as { gc?: () => void }).gc?.();
  const bareRound = (measuring: boolean): void => {
    collect();
    QUESTIONS.forEach((question, index) => {
      const start = process.hrtime.bigint();
      const results = bare.search(question.text);
      const ms = msSince(start);
      sink += results.length;
      if (measuring) {
        samples[index]!.push(ms);
        hits[index] = results.length;
      }
    });
  };
  const measured = measureRounds('bare search', bareRound, args);
  if (sink < 0) progress('unreachable');
  return measured;
}
