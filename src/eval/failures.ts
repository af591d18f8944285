/**
 * The failing cases, each with what was expected, what Quoth said and where retrieval ranked an expected
 * source, so a retrieval miss (not in the top 20) is told apart from a selection miss. Pure.
 */
import { RANK_DEPTH } from './evaluate.js';
import type { CaseOutcome } from './outcome.js';

const QUOTE_LENGTH = 120;

function trimmed(text: string, length: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}

function expected(outcome: CaseOutcome): string {
  const { testCase } = outcome;
  if (!testCase.answerable) return 'no answer';
  const patterns = testCase.expect.length > 0 ? testCase.expect.map((pattern) => `/${pattern}/`).join(' | ') : 'any answer';
  return testCase.sources.length > 0 ? `${patterns} from ${testCase.sources.join(', ')}` : patterns;
}

function said(outcome: CaseOutcome): string {
  const { quoth } = outcome;
  if (quoth.status === 'error') return `error: ${quoth.result.problems.join('; ')}`;
  const quote = quoth.firstQuote;
  const parts = [quoth.status === 'answered' ? 'answered' : 'no answer'];
  if (quoth.answer !== null) parts.push(`"${quoth.answer}"`);
  if (quote !== null) parts.push(`“${trimmed(quote.text, QUOTE_LENGTH)}” (${quote.sourceId})`);
  return parts.join(' ');
}

function retrieval(outcome: CaseOutcome): string | null {
  if (outcome.retrievedAt5 === null) return null;
  return outcome.retrievalRank === null ? `not in top ${RANK_DEPTH}` : `expected source at rank ${outcome.retrievalRank}`;
}

export function renderFailure(outcome: CaseOutcome): string {
  const lines = [
    `FAIL ${outcome.corpus} ${outcome.testCase.id} [${outcome.kind}]`,
    `  question:  ${outcome.testCase.question}`,
    `  expected:  ${expected(outcome)}`,
    `  quoth:     ${said(outcome)}`,
  ];
  const rank = retrieval(outcome);
  if (rank !== null) lines.push(`  retrieval: ${rank}`);
  for (const problem of outcome.quoth.result.problems) lines.push(`  problem:   ${problem}`);
  return lines.join('\n');
}

export function renderFailures(outcomes: readonly CaseOutcome[]): string {
  return outcomes
    .filter((outcome) => !outcome.quoth.result.pass)
    .map(renderFailure)
    .join('\n\n');
}
