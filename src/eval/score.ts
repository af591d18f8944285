/** Scores answers against an evaluation file (format: ../shared/eval/README.md). Pure. */
import { z } from 'zod';
import type { AnswerStatus } from '../model.js';

export const evalCaseSchema = z.object({
  id: z.string(),
  question: z.string(),
  answerable: z.boolean().default(true),
  expect: z.array(z.string()).default([]),
  sources: z.array(z.string()).default([]),
  conflict: z.array(z.string()).optional(),
  noConflict: z.boolean().optional(),
  /** The kind of question (`definition`, `count`, `offtopic`…), for per-kind totals. */
  kind: z.string().optional(),
});

export type EvalCase = z.infer<typeof evalCaseSchema>;

export interface CaseResult {
  id: string;
  pass: boolean;
  /** Every quote appears verbatim (white space collapsed) in its source file. */
  verbatim: boolean;
  /** null when the case says nothing about conflicts. */
  conflictOk: boolean | null;
  problems: string[];
}

/** Parses JSON lines; throws an Error naming the line that is not a valid case. */
export function parseCases(jsonl: string): EvalCase[] {
  return jsonl
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`Quoth eval: line ${number} is not JSON`);
      }
      const parsed = evalCaseSchema.safeParse(json);
      if (!parsed.success) throw new Error(`Quoth eval: line ${number}: ${parsed.error.issues[0]?.message ?? 'invalid case'}`);
      return parsed.data;
    });
}

/**
 * The parts of an answer that scoring reads. Quoth's `Answer` has them, and so does the evaluation's
 * baseline, which is not Quoth and builds no full answer.
 */
export interface ScoredAnswer {
  status: AnswerStatus;
  answer: string | null;
  quotes: readonly { text: string; source: { id: string }; alsoIn: readonly { id: string }[] }[];
  related: readonly { text: string; source: { id: string } }[];
  conflicts: readonly { values: readonly { value: string }[] }[];
}

export const collapseSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * @param sourceText the text of a source's file by source id (undefined when it cannot be read),
 *   white space already collapsed.
 */
export function scoreCase(testCase: EvalCase, answer: ScoredAnswer, sourceText: (id: string) => string | undefined): CaseResult {
  const problems: string[] = [];
  const quotes = [...answer.quotes, ...answer.related];
  const verbatim = quotes.every((quote) => {
    const text = sourceText(quote.source.id);
    const found = text !== undefined && text.includes(collapseSpace(quote.text));
    if (!found) problems.push(`quote not verbatim in ${quote.source.id}: “${quote.text.slice(0, 60)}…”`);
    return found;
  });

  if (!testCase.answerable) {
    if (answer.status !== 'no_answer') problems.push(`expected no answer, got "${answer.answer ?? answer.quotes[0]?.text.slice(0, 60) ?? ''}"`);
    return { id: testCase.id, pass: problems.length === 0, verbatim, conflictOk: null, problems };
  }

  const first = answer.quotes[0];
  if (answer.status !== 'answered' || first === undefined) {
    problems.push('expected an answer, got no_answer');
  } else {
    const patterns = testCase.expect.map((pattern) => new RegExp(pattern, 'i'));
    const matches = patterns.length === 0 || patterns.some((pattern) => (answer.answer !== null && pattern.test(answer.answer)) || pattern.test(first.text));
    if (!matches) problems.push(`answer "${answer.answer ?? ''}" / first quote do not match ${testCase.expect.join(' | ')}`);
    const firstSources = [first.source.id, ...first.alsoIn.map((source) => source.id)];
    if (testCase.sources.length > 0 && !firstSources.some((id) => testCase.sources.includes(id))) {
      problems.push(`first quote from ${firstSources.join(', ')}, expected one of ${testCase.sources.join(', ')}`);
    }
  }

  let conflictOk: boolean | null = null;
  if (testCase.conflict !== undefined) {
    const wanted = testCase.conflict;
    conflictOk = answer.conflicts.some((conflict) => wanted.every((value) => conflict.values.some((entry) => entry.value === value)));
    if (!conflictOk) problems.push(`expected a conflict between ${wanted.join(' and ')}`);
  }
  if (testCase.noConflict === true) {
    conflictOk = answer.conflicts.length === 0;
    if (!conflictOk) problems.push(`expected no conflict, got ${answer.conflicts.map((c) => c.values.map((v) => v.value).join(' vs ')).join('; ')}`);
  }
  return { id: testCase.id, pass: problems.length === 0, verbatim, conflictOk, problems };
}

export interface EvalTotals {
  cases: number;
  passed: number;
  answerable: number;
  answeredRight: number;
  unanswerable: number;
  abstainedRight: number;
  quotesVerbatim: number;
  casesVerbatim: number;
  conflictCases: number;
  conflictsRight: number;
}

export function totals(cases: EvalCase[], results: CaseResult[]): EvalTotals {
  const paired = cases.map((testCase, index) => ({ testCase, result: results[index]! }));
  const answerable = paired.filter(({ testCase }) => testCase.answerable);
  const unanswerable = paired.filter(({ testCase }) => !testCase.answerable);
  const conflictCases = paired.filter(({ result }) => result.conflictOk !== null);
  return {
    cases: cases.length,
    passed: results.filter((result) => result.pass).length,
    answerable: answerable.length,
    answeredRight: answerable.filter(({ result }) => result.pass).length,
    unanswerable: unanswerable.length,
    abstainedRight: unanswerable.filter(({ result }) => result.pass).length,
    quotesVerbatim: results.filter((result) => result.verbatim).length,
    casesVerbatim: results.length,
    conflictCases: conflictCases.length,
    conflictsRight: conflictCases.filter(({ result }) => result.conflictOk === true).length,
  };
}
