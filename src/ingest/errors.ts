/** Faults of ingestion as a whole. One bad file is never a fault: it becomes a `SkippedFile`. */

export type SeedsFolderProblem = 'not_found' | 'not_a_folder' | 'unreadable' | 'empty';

/** The seeds folder is missing, not a folder, unreadable, or holds no readable file types. */
export class SeedsFolderError extends Error {
  override readonly name = 'SeedsFolderError';

  constructor(
    readonly problem: SeedsFolderProblem,
    /** Absolute path of the folder. */
    readonly folder: string,
    options?: { cause?: unknown },
  ) {
    super(SeedsFolderError.describe(problem, folder), options);
  }

  private static describe(problem: SeedsFolderProblem, folder: string): string {
    switch (problem) {
      case 'not_found':
        return `Quoth: seeds folder not found: ${folder}`;
      case 'not_a_folder':
        return `Quoth: seeds path is not a folder: ${folder}`;
      case 'unreadable':
        return `Quoth: cannot read seeds folder: ${folder}`;
      case 'empty':
        return `Quoth: no .txt, .md or .html files in ${folder}`;
    }
  }
}
