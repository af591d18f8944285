/** One case through Quoth and through the baseline, scored the same way, with Quoth's retrieval ranks. */
import type { AskOutcome } from '../service.js';
import type { Baseline } from './baseline.js';
import type { CaseOutcome, Reply } from './outcome.js';
import { scoreCase, type EvalCase, type ScoredAnswer } from './score.js';
import { answerToJson } from '../render/json.js';

/** What the evaluation needs of Quoth (implemented by `Library`). */
export interface EvaluatedQuoth {
  ask(question: string): AskOutcome;
  /** Source ids of the passages retrieval ranks first, best first, one per passage. */
  retrievedSources(question: string, limit: number): string[];
}

export const RETRIEVAL_CUTOFF = 5;
export const RANK_DEPTH = 20;

/** `sourceText`: a source's text by id, white space collapsed, as quotes are checked against. */
export function evaluateCase(
  corpus: string,
  testCase: EvalCase,
  quoth: EvaluatedQuoth,
  baseline: Baseline,
  sourceText: (id: string) => string | undefined,
): CaseOutcome {
  const outcome = askSafely(quoth, testCase.question);
  const quothReply: Reply = outcome.ok
    ? replyOf(outcome.answer, scoreCase(testCase, answerToJson(outcome.answer), sourceText))
    : {
        status: 'error',
        answer: null,
        firstQuote: null,
        result: { id: testCase.id, pass: false, verbatim: true, conflictOk: null, problems: [outcome.error.message] },
      };
  const baselineAnswer = baseline.answer(testCase.question);
  const expected = testCase.answerable ? new Set(testCase.sources) : new Set<string>();
  const measured = expected.size > 0;
  const rank = measured ? quoth.retrievedSources(testCase.question, RANK_DEPTH).findIndex((id) => expected.has(id)) : -1;
  return {
    corpus,
    kind: testCase.kind ?? 'other',
    testCase,
    quoth: quothReply,
    baseline: replyOf(baselineAnswer, scoreCase(testCase, baselineAnswer, sourceText)),
    retrievalRank: rank === -1 ? null : rank + 1,
    retrievedAt5: measured ? quoth.retrievedSources(testCase.question, RETRIEVAL_CUTOFF).some((id) => expected.has(id)) : null,
  };
}

/** A question that makes Quoth throw fails its case instead of stopping the suite. */
function askSafely(quoth: EvaluatedQuoth, question: string): AskOutcome {
  try {
    return quoth.ask(question);
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `Quoth threw: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

function replyOf(answer: ScoredAnswer, result: Reply['result']): Reply {
  const first = answer.quotes[0];
  return {
    status: answer.status,
    answer: answer.answer,
    firstQuote: first === undefined ? null : { text: first.text, sourceId: first.source.id },
    result,
  };
}
