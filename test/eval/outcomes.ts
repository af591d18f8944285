/** Case outcomes built from plain data, for the tally, table and floors tests. */
import type { CaseOutcome, Reply } from '../../src/eval/outcome.js';
import { evalCaseSchema } from '../../src/eval/score.js';

export interface OutcomeSpec {
  corpus?: string;
  kind?: string;
  answerable?: boolean;
  /** What Quoth did: answered right or wrong, or abstained. */
  quoth: 'right' | 'wrong' | 'abstained';
  baseline?: 'right' | 'wrong' | 'abstained';
  verbatim?: boolean;
  conflictOk?: boolean | null;
  retrievalRank?: number | null;
}

let counter = 0;

function reply(spec: 'right' | 'wrong' | 'abstained', answerable: boolean, verbatim: boolean, conflictOk: boolean | null): Reply {
  const answered = spec !== 'abstained';
  const pass = answerable ? spec === 'right' : spec === 'abstained';
  return {
    status: answered ? 'answered' : 'no_answer',
    answer: null,
    firstQuote: answered ? { text: 'A sentence.', sourceId: 'a' } : null,
    result: { id: 'case', pass: pass && verbatim, verbatim, conflictOk, problems: pass ? [] : ['wrong'] },
  };
}

export function outcome(spec: OutcomeSpec): CaseOutcome {
  const answerable = spec.answerable ?? true;
  counter += 1;
  const testCase = evalCaseSchema.parse({
    id: `case-${counter}`,
    question: 'What?',
    answerable,
    sources: answerable ? ['a'] : [],
    ...(spec.kind === undefined ? {} : { kind: spec.kind }),
  });
  const rank = spec.retrievalRank ?? null;
  return {
    corpus: spec.corpus ?? 'tiny',
    kind: spec.kind ?? 'other',
    testCase,
    quoth: reply(spec.quoth, answerable, spec.verbatim ?? true, spec.conflictOk ?? null),
    baseline: reply(spec.baseline ?? 'wrong', answerable, true, null),
    retrievalRank: answerable ? rank : null,
    retrievedAt5: answerable ? rank !== null && rank <= 5 : null,
  };
}
