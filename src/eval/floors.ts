/**
 * Floors: per corpus, the fewest answerable and unanswerable cases Quoth must get right (counts of cases),
 * and, for every corpus, every quote verbatim. A ratchet: raised as Quoth improves, never lowered. Pure.
 */
import { z } from 'zod';
import { EvalFileError } from './errors.js';
import type { CorpusReport } from './outcome.js';
import { tally } from './tally.js';

const floorSchema = z.strictObject({
  answerableRight: z.number().int().min(0),
  abstainedRight: z.number().int().min(0),
});

const floorsFileSchema = z.strictObject({
  about: z.string().optional(),
  corpora: z.record(z.string().min(1), floorSchema),
});

export type Floors = z.infer<typeof floorsFileSchema>;

export function parseFloors(text: string, file: string): Floors {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EvalFileError(file, `not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = floorsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EvalFileError(file, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid floors'}`);
  }
  return parsed.data;
}

/**
 * One message per shortfall, naming the corpus and the metric; empty when every corpus that ran is at or above
 * its floor. Floors of corpora left out of the run (`--only`) are not checked; a corpus that could not be
 * evaluated is below any floor it has.
 */
export function checkFloors(floors: Floors, reports: readonly CorpusReport[]): string[] {
  const failures: string[] = [];
  for (const report of reports) {
    const floor = floors.corpora[report.corpus];
    if (!report.ok) {
      if (floor !== undefined) failures.push(`${report.corpus}: not evaluated (${report.error})`);
      continue;
    }
    const sum = tally(report.outcomes);
    if (floor !== undefined && sum.answerableRight < floor.answerableRight) {
      failures.push(`${report.corpus}: answerable right ${sum.answerableRight}/${sum.answerable} is below the floor of ${floor.answerableRight}`);
    }
    if (floor !== undefined && sum.abstainedRight < floor.abstainedRight) {
      failures.push(`${report.corpus}: abstained right ${sum.abstainedRight}/${sum.unanswerable} is below the floor of ${floor.abstainedRight}`);
    }
    if (sum.verbatim < sum.cases) failures.push(`${report.corpus}: quotes verbatim in ${sum.verbatim}/${sum.cases} cases; every quote must be verbatim`);
  }
  return failures;
}
