/** Faults of ingestion as a whole. One bad file is never a fault: it becomes a `SkippedFile`. */

export type SeedsFolderProblem = 'not_found' | 'not_a_folder' | 'unreadable' | 'empty' | 'vanished';

/**
 * The seeds folder is missing, not a folder, unreadable, holds no readable file types, or disappeared while it was
 * being read (then nothing read from it may be saved as an index).
 */
export class SeedsFolderError extends Error {
  override readonly name = 'SeedsFolderError';

  constructor(
    readonly problem: SeedsFolderProblem,
    /** Absolute path of the folder. */
    readonly folder: string,
    options?: { cause?: unknown },
  ) {
    super(`Quoth: ${SeedsFolderError.describe(problem, folder)}`, options);
  }

  /** The problem without the server's path, for people who should not learn it (a Discord user). */
  get reason(): string {
    return SeedsFolderError.describe(this.problem, null);
  }

  private static describe(problem: SeedsFolderProblem, folder: string | null): string {
    const at = folder === null ? '' : `: ${folder}`;
    switch (problem) {
      case 'not_found':
        return `seeds folder not found${at}`;
      case 'not_a_folder':
        return `seeds path is not a folder${at}`;
      case 'unreadable':
        return `cannot read seeds folder${at}`;
      case 'empty':
        return `no .txt, .md or .html files in ${folder ?? 'the seeds folder'}`;
      case 'vanished':
        return `seeds folder removed or replaced while it was being read${at}`;
    }
  }
}
