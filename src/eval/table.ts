/** The suite's tables as text: per corpus and kind of question, then per kind over all corpora. Pure. */
import type { CorpusReport } from './outcome.js';
import { addTallies, emptyTally, tally, tallyByKind, type Tally } from './tally.js';

interface Column {
  /** Two header lines. */
  header: [string, string];
  cell(tally: Tally): string;
}

const ratio = (n: number, of: number): string => (of === 0 ? '–' : `${n}/${of}`);

const COLUMNS: Column[] = [
  { header: ['answerable', 'right'], cell: (t) => ratio(t.answerableRight, t.answerable) },
  { header: ['abstained', 'right'], cell: (t) => ratio(t.abstainedRight, t.unanswerable) },
  { header: ['wrong', 'answers'], cell: (t) => String(t.wrongAnswers) },
  { header: ['quotes', 'verbatim'], cell: (t) => ratio(t.verbatim, t.cases) },
  { header: ['conflicts', 'right'], cell: (t) => ratio(t.conflictsRight, t.conflictCases) },
  { header: ['retrieval', '@5'], cell: (t) => ratio(t.retrievedAt5, t.retrievalCases) },
  { header: ['baseline', 'answerable'], cell: (t) => ratio(t.baselineAnswerableRight, t.answerable) },
  { header: ['baseline', 'abstained'], cell: (t) => ratio(t.baselineAbstainedRight, t.unanswerable) },
];

/** A row of a table: its labels (corpus, kind) and its counts, or a note in place of counts. */
export interface TableRow {
  labels: string[];
  tally: Tally | string;
  /** Draw a rule above this row (before a total). */
  ruleAbove?: boolean;
}

export function renderTable(labelHeaders: string[], rows: readonly TableRow[]): string {
  const labelCount = labelHeaders.length;
  const headers = [0, 1].map((line) => [...labelHeaders.map((label) => (line === 0 ? label : '')), ...COLUMNS.map((column) => column.header[line]!)]);
  const cells = rows.map(({ labels, tally: counts }) => (typeof counts === 'string' ? null : [...labels, ...COLUMNS.map((column) => column.cell(counts))]));
  const measured = [...headers, ...rows.map((row) => row.labels), ...cells.filter((row) => row !== null)];
  const widths = headers[0]!.map((_, index) => Math.max(...measured.map((row) => (row[index] ?? '').length)));
  const pad = (cell: string, index: number): string => (index < labelCount ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!));
  const line = (row: string[]): string => row.map(pad).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((sum, width) => sum + width + 2, -2));
  const lines = [...headers.map(line), rule];
  rows.forEach((row, index) => {
    if (row.ruleAbove === true) lines.push(rule);
    const counts = cells[index];
    lines.push(counts ? line(counts) : `${line(row.labels)}  ${String(row.tally)}`);
  });
  return lines.join('\n');
}

/** Per corpus: one row per kind and one for the corpus (`all`); a corpus that could not run says why. */
export function corpusRows(reports: readonly CorpusReport[]): TableRow[] {
  const rows: TableRow[] = [];
  let total = emptyTally();
  for (const report of reports) {
    if (!report.ok) {
      rows.push({ labels: [report.corpus, 'all'], tally: `not evaluated: ${report.error}`, ruleAbove: rows.length > 0 });
      continue;
    }
    tallyByKind(report.outcomes).forEach(({ kind, tally: kindTally }, index) =>
      rows.push({ labels: [index === 0 ? report.corpus : '', kind], tally: kindTally, ruleAbove: index === 0 && rows.length > 0 }),
    );
    const corpusTally = tally(report.outcomes);
    total = addTallies(total, corpusTally);
    rows.push({ labels: ['', 'all'], tally: corpusTally });
  }
  rows.push({ labels: ['all corpora', 'all'], tally: total, ruleAbove: true });
  return rows;
}

/** Per kind over every corpus that ran, and the total. */
export function kindRows(reports: readonly CorpusReport[]): TableRow[] {
  const outcomes = reports.flatMap((report) => (report.ok ? report.outcomes : []));
  return [
    ...tallyByKind(outcomes).map(({ kind, tally: kindTally }) => ({ labels: [kind], tally: kindTally })),
    { labels: ['all'], tally: tally(outcomes), ruleAbove: true },
  ];
}

export function renderSuiteTables(reports: readonly CorpusReport[]): string {
  return `${renderTable(['corpus', 'kind'], corpusRows(reports))}\n\nBy kind of question, all corpora:\n${renderTable(['kind'], kindRows(reports))}`;
}
