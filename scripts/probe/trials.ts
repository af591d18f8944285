/** A probe's tally: trials of one kind, how many failed, and the first few failures told in words. */
export class Tally {
  trials = 0;
  failures: string[] = [];
  notes: string[] = [];

  constructor(readonly kind: string) {}

  /** Runs one trial: a returned string or a throw is a failure, undefined a pass. */
  async run(name: string, trial: () => Promise<string | undefined> | string | undefined): Promise<void> {
    this.trials += 1;
    try {
      const problem = await trial();
      if (problem !== undefined) this.failures.push(`${name}: ${problem}`);
    } catch (error) {
      this.failures.push(`${name}: threw ${(error as Error).stack ?? String(error)}`);
    }
  }
}

export function renderTable(tallies: Tally[]): string {
  const rows = tallies.map((tally) => [tally.kind, String(tally.trials), String(tally.failures.length), tally.notes.join('; ')]);
  const header = ['trial', 'trials', 'failures', 'notes'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === 1 || column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  const out = [line(header), '-'.repeat(line(header).length + 20), ...rows.map(line)];
  for (const tally of tallies) for (const failure of tally.failures.slice(0, 5)) out.push(`FAIL ${tally.kind}: ${failure}`);
  return out.join('\n');
}
