/** The suite's result as one JSON object (`--json`): per corpus, per kind, in total, and every case. Pure. */
import type { CorpusReport } from './outcome.js';
import { tally, tallyByKind } from './tally.js';

export function suiteJson(reports: readonly CorpusReport[], floorFailures: readonly string[] | null): Record<string, unknown> {
  const outcomes = reports.flatMap((report) => (report.ok ? report.outcomes : []));
  return {
    corpora: reports.map((report) =>
      report.ok
        ? {
            corpus: report.corpus,
            folder: report.folder,
            seconds: report.seconds,
            totals: tally(report.outcomes),
            kinds: Object.fromEntries(tallyByKind(report.outcomes).map(({ kind, tally: kindTally }) => [kind, kindTally])),
          }
        : { corpus: report.corpus, error: report.error },
    ),
    kinds: Object.fromEntries(tallyByKind(outcomes).map(({ kind, tally: kindTally }) => [kind, kindTally])),
    totals: tally(outcomes),
    ...(floorFailures === null ? {} : { floors: { pass: floorFailures.length === 0, failures: floorFailures } }),
    cases: outcomes.map((outcome) => ({
      corpus: outcome.corpus,
      id: outcome.testCase.id,
      kind: outcome.kind,
      question: outcome.testCase.question,
      answerable: outcome.testCase.answerable,
      pass: outcome.quoth.result.pass,
      quoth: outcome.quoth,
      baseline: outcome.baseline,
      retrievalRank: outcome.retrievalRank,
      retrievedAt5: outcome.retrievedAt5,
    })),
  };
}
