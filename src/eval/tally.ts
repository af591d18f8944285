/** Counts over case outcomes: per corpus, per kind of question, in total. Pure. */
import type { CaseOutcome } from './outcome.js';

export interface Tally {
  cases: number;
  answerable: number;
  /** Answerable cases Quoth passed. */
  answerableRight: number;
  unanswerable: number;
  /** Unanswerable cases where Quoth said "no answer". */
  abstainedRight: number;
  /** Cases Quoth answered but failed: a wrong answer, or an answer where it should have abstained. */
  wrongAnswers: number;
  /** Cases whose every quote is verbatim in its source. */
  verbatim: number;
  conflictCases: number;
  conflictsRight: number;
  /** Answerable cases that name expected sources, so retrieval can be measured. */
  retrievalCases: number;
  /** Of those, cases with an expected source among the first 5 passages retrieved. */
  retrievedAt5: number;
  baselineAnswerableRight: number;
  baselineAbstainedRight: number;
}

export const emptyTally = (): Tally => ({
  cases: 0,
  answerable: 0,
  answerableRight: 0,
  unanswerable: 0,
  abstainedRight: 0,
  wrongAnswers: 0,
  verbatim: 0,
  conflictCases: 0,
  conflictsRight: 0,
  retrievalCases: 0,
  retrievedAt5: 0,
  baselineAnswerableRight: 0,
  baselineAbstainedRight: 0,
});

const count = (condition: boolean): number => (condition ? 1 : 0);

function tallyOne(outcome: CaseOutcome): Tally {
  const { testCase, quoth, baseline } = outcome;
  const answerable = testCase.answerable;
  return {
    cases: 1,
    answerable: count(answerable),
    answerableRight: count(answerable && quoth.result.pass),
    unanswerable: count(!answerable),
    abstainedRight: count(!answerable && quoth.result.pass),
    wrongAnswers: count(quoth.status === 'answered' && !quoth.result.pass),
    verbatim: count(quoth.result.verbatim),
    conflictCases: count(quoth.result.conflictOk !== null),
    conflictsRight: count(quoth.result.conflictOk === true),
    retrievalCases: count(outcome.retrievedAt5 !== null),
    retrievedAt5: count(outcome.retrievedAt5 === true),
    baselineAnswerableRight: count(answerable && baseline.result.pass),
    baselineAbstainedRight: count(!answerable && baseline.result.pass),
  };
}

export function addTallies(a: Tally, b: Tally): Tally {
  const sum = emptyTally();
  for (const key of Object.keys(sum) as (keyof Tally)[]) sum[key] = a[key] + b[key];
  return sum;
}

export function tally(outcomes: readonly CaseOutcome[]): Tally {
  return outcomes.map(tallyOne).reduce(addTallies, emptyTally());
}

/** One tally per kind of question, kinds in alphabetical order. */
export function tallyByKind(outcomes: readonly CaseOutcome[]): { kind: string; tally: Tally }[] {
  const kinds = [...new Set(outcomes.map((outcome) => outcome.kind))].sort();
  return kinds.map((kind) => ({ kind, tally: tally(outcomes.filter((outcome) => outcome.kind === kind)) }));
}
